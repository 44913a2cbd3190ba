import type { Form } from '../../../domain/form/form.schema.js';

/**
 * The seed's forms as family A prints them (fixtures/real/README.md: 年初预算数 / 分值 / 得分 in
 * the funding table, 分值 / 得分 per indicator, a 总分 row), so that the shape harness also serves
 * the nine-column layout most published forms use. The added values are made up but known exactly,
 * which is all the harness needs: every field of these forms is the truth it compares against.
 * Test support, not import code.
 */
export function scoredForms(forms: readonly Form[]): Form[] {
  return forms.map((form) => {
    const lines = form.funding.lines.map((line, i) => ({
      ...line,
      initialBudget: line.budget,
      // Only the total row is scored, as in family A; the source rows print their 分值/得分 blank.
      weight: i === 0 ? 10 : null,
      score: i === 0 && line.rate !== null ? Math.round(line.rate * 10) / 100 : null,
    }));
    const indicators = form.indicators.map((indicator, i) => ({
      ...indicator,
      weight: 5,
      score: i % 3 === 2 ? 4 : 5,
    }));
    const total = [...lines, ...indicators].reduce((sum, x) => sum + (x.score ?? 0), 0);
    return {
      ...form,
      funding: { ...form.funding, lines },
      indicators,
      selfScore: { total: Math.round(total * 100) / 100, grade: null },
    };
  });
}
