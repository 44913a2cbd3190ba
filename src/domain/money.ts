import type { MoneyUnit } from './form/form.schema.js';

/**
 * Exact money. Forms print amounts in 万元 or 元 with up to 6 (万元) or 2 (元) decimals; adding the
 * printed floats drifts from the printed totals, so every sum is done in integer fen (分) and only the
 * result is turned back into the unit. Safe up to 9×10^15 fen (9×10^13 元), far above any budget.
 */
const fenPerUnit: Readonly<Record<MoneyUnit, number>> = { 万元: 1_000_000, 元: 100 };

/** An amount in its printed unit → integer fen; null stays null. */
export function toFen(amount: number | null | undefined, unit: MoneyUnit): number | null {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return null;
  return Math.round(amount * fenPerUnit[unit]);
}

/** Integer fen → the nearest double of the amount in `unit` (exact to the fen in decimal notation). */
export function fromFen(fen: number, unit: MoneyUnit): number {
  const per = fenPerUnit[unit];
  const whole = Math.trunc(fen / per);
  // Splitting whole and fraction keeps 3585.9 as 3585.9, not 3585.8999999999996.
  return whole + (fen - whole * per) / per;
}

/** Σ of amounts in fen, ignoring nulls; null when every amount is null. */
export function sumFen(amounts: readonly (number | null)[]): number | null {
  let sum: number | null = null;
  for (const a of amounts) if (a !== null) sum = (sum ?? 0) + a;
  return sum;
}

/** B/A in percent from fen amounts; null when A is missing or zero. */
export function ratePercent(executedFen: number | null, budgetFen: number | null): number | null {
  if (executedFen === null || budgetFen === null || budgetFen === 0) return null;
  return (executedFen / budgetFen) * 100;
}
