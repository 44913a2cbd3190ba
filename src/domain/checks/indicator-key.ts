/**
 * The name two indicators share when they measure the same thing: half-width, no white space or
 * punctuation. Used for duplicates in one form and for recurring indicators across a department.
 */
export function indicatorKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\p{P}]+/gu, '');
}
