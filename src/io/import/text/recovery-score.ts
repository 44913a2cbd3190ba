import type { Form, Indicator } from '../../../domain/form/form.schema.js';

/**
 * Counts indicators recovered exactly against a hand-read expectation, the measure the team uses
 * for the text importer (docs/import-text.md). Test and measurement support, not import code.
 */

/** [level1, level2, name, target, actual, note, weight?, score?]; weight/score compared when given. */
export type ExpectedIndicator = [
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  (number | null)?,
  (number | null)?,
];

export interface ExpectedFile {
  /** Indicators a person counts in the file, exact or not. */
  readonly count: number;
  readonly indicators: readonly ExpectedIndicator[];
}

function matches(got: Indicator, want: ExpectedIndicator): boolean {
  const [level1, level2, name, target, actual, note, weight, score] = want;
  const same =
    got.level1 === level1 &&
    got.level2 === level2 &&
    got.name === name &&
    got.target === target &&
    got.actual === actual &&
    got.note === note;
  if (!same) return false;
  if (want.length > 6 && (got.weight ?? null) !== weight) return false;
  return want.length <= 7 || (got.score ?? null) === score;
}

/** Expected indicators found, field for field, among the recovered ones (each used once). */
export function exactMatches(forms: readonly Form[], expected: readonly ExpectedIndicator[]): ExpectedIndicator[] {
  const pool = forms.flatMap((f) => f.indicators);
  const used = new Set<number>();
  return expected.filter((want) => {
    const i = pool.findIndex((got, k) => !used.has(k) && matches(got, want));
    if (i >= 0) used.add(i);
    return i >= 0;
  });
}

/** The indicators of known forms as expectations, 分值/得分 included (a blank one must stay blank). */
export function expectedIndicators(forms: readonly Form[]): ExpectedIndicator[] {
  return forms.flatMap((f) =>
    f.indicators.map((i): ExpectedIndicator => [
      i.level1,
      i.level2,
      i.name,
      i.target,
      i.actual,
      i.note,
      i.weight ?? null,
      i.score ?? null,
    ]),
  );
}
