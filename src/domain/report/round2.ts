/**
 * Display rounding: 2 decimals, half up (away from zero at .5), as scoring.md §3 asks.
 * Only human and CSV output round; JSON keeps full precision.
 *
 * Rounds through the decimal exponent rather than `n * 100` so that 1.005 → 1.01 (binary 1.005 is
 * 1.00499999…, and multiplying keeps the error; `1.005e2` is read back as exactly 100.5).
 * Returns NaN/±Infinity unchanged.
 */
export function round2(n: number): number {
  if (!Number.isFinite(n)) return n;
  const sign = n < 0 ? -1 : 1;
  const abs = Math.abs(n);
  // Exponent notation appears only for ≥ 1e21 (no decimals to round) and < 1e-6 (rounds to 0).
  if (String(abs).includes('e')) return abs >= 1 ? n : 0;
  const shifted = Math.round(Number(`${abs}e2`));
  const result = sign * Number(`${shifted}e-2`);
  return Object.is(result, -0) ? 0 : result;
}

/** A number for people: rounded to 2 decimals, no trailing zeros (`98.97`, `50`); null → empty. */
export function formatNumber(n: number | null): string {
  return n == null ? '' : String(round2(n));
}

/** A percentage for people (`99.75%`); null → empty. */
export function formatPercent(n: number | null): string {
  return n == null ? '' : `${formatNumber(n)}%`;
}
