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
  // Each regex runs only when its character is there: most cells asked (every funding and score
  // cell, a name or a target as often as an amount) end with no unit, hold no comma, and do not
  // begin like a number at all.
  const trimmed = text.trim();
  const end = trimmed.charCodeAt(trimmed.length - 1);
  const t = end === 0x5143 || end === 0x4e07 ? trimmed.replace(/\s*(万元|元|万)$/, '') : trimmed;
  if (!startsLikeMoney(t.charCodeAt(0)) || !MONEY.test(t)) return null;
  const n = Number(t.includes(',') || t.includes('，') ? t.replace(/[,，]/g, '') : t);
  return Number.isFinite(n) ? n : null;
}

/** A digit, `-` or `+`: the characters MONEY can begin with (NaN, for empty text, is none). */
function startsLikeMoney(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2b;
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
