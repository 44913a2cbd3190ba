import type { Form, FormScore } from '../../../domain/index.js';
import { round2 } from '../../../domain/report/round2.js';

/**
 * The form as the official layout prints it with jixiao's scores (`--scores`): every indicator gets
 * 分值/得分 from `score`, the 年度资金总额 line the budget points and score, and the form a 总分 /
 * 评价等级 row. Scores are rounded to 2 decimals for print (scoring.md §3); the canonical numbers
 * stay in `score`. Scores the form printed itself are replaced, because the column then says what
 * jixiao computed. `score` must be scoreForm(form, profile).
 */
export function withComputedScores(form: Form, score: FormScore): Form {
  const byIndex = new Map(score.indicators.map((i) => [i.index, i]));
  return {
    ...form,
    funding: {
      ...form.funding,
      lines: form.funding.lines.map((line, i) => ({
        ...line,
        weight: i === 0 ? round2(score.budget.points) : null,
        score: i === 0 ? round2(score.budget.score) : null,
      })),
    },
    indicators: form.indicators.map((indicator, i) => {
      const s = byIndex.get(i);
      return {
        ...indicator,
        weight: s === undefined ? null : round2(s.weight),
        score: s === undefined ? null : round2(s.score),
      };
    }),
    selfScore: { total: round2(score.total), grade: score.grade },
  };
}
