import { NOTHING_VALUES } from './vocabulary.js';

/**
 * Numbers in the funding table and score columns, the only values this importer turns into
 * numbers (targets and actuals stay strings for the domain to read).
 */

const MONEY = /^[-+]?\d[\d,，]*(?:\.\d+)?$/;
const RATE = /^([-+]?\d+(?:\.\d+)?)\s*[%％]$/;

/** True when a cell means "nothing printed" (`-`, `/`, `—`, `……`, blank). */
export function isNothing(text: string): boolean {
  return NOTHING_VALUES.has(text.trim());
}

/**
 * `1,234.5` / `300万元` / `5.8万` → number; null when the text is not a plain amount. A pipe cell
 * keeps the space a host printed before the unit (`2.38 万元`).
 */
export function parseMoney(text: string): number | null {
  const t = text.trim().replace(/\s*(万元|元|万)$/, '');
  if (!MONEY.test(t)) return null;
  const n = Number(t.replace(/[,，]/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** `99.75%` → 99.75; null when the text is not a percentage. */
export function parseRate(text: string): number | null {
  const m = RATE.exec(text.trim());
  if (m?.[1] === undefined) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : null;
}

/** True for a funding-table value: an amount, a percentage or a "nothing" mark. */
export function isAmountCell(text: string): boolean {
  return isNothing(text) || parseMoney(text) !== null || parseRate(text) !== null;
}
