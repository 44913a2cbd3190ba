/**
 * Reviewers' deductions are kept in hundredths of a point (exact integers); a total after them is
 * computed in the same hundredths, so 93.2 − 1.1 is 92.1, never 92.09999…, and never below zero.
 */
export function centipointsOf(points: number): number {
  return Math.round(points * 100);
}

/** The total after deductions summing to `deductedCentipoints`, to the hundredth, at least 0. */
export function totalAfterDeductions(total: number, deductedCentipoints: number): number {
  return Math.max(0, Math.round(total * 100) - deductedCentipoints) / 100;
}
