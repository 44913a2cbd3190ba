import type { Form } from '../form/form.schema.js';
import { ratePercent, sumFen, toFen } from '../money.js';
import type { Profile } from '../profiles/profile.schema.js';
import type { BudgetScore } from './score.js';

/**
 * 预算执行率 score: points × min(1, B/A) on the 年度资金总额 line (the first line), or on the sum of
 * the source lines when the total line is blank (scoring.md §3). A printed 分值 on the total line
 * (templates that print scores) replaces the profile's points.
 */
export function scoreBudget(form: Form, profile: Profile): BudgetScore {
  const { budgetFen, executedFen, source } = executionTotals(form);
  const total = form.funding.lines[0];
  const points = total?.weight != null && total.weight > 0 ? total.weight : profile.budgetPoints;
  const rate = ratePercent(executedFen, budgetFen);
  if (rate === null) return { rate: null, points, score: 0, source: 'none' };
  return { rate, points, score: points * Math.min(1, Math.max(0, rate) / 100), source };
}

/** Budget A and executed B of a form in fen, from the total line or else the source lines. */
export function executionTotals(form: Form): {
  budgetFen: number | null;
  executedFen: number | null;
  source: BudgetScore['source'];
} {
  const unit = form.funding.unit;
  const [total, ...sources] = form.funding.lines;
  const a = toFen(total?.budget, unit);
  if (a !== null && a !== 0)
    return { budgetFen: a, executedFen: toFen(total?.executed, unit) ?? 0, source: 'total-line' };
  const sa = sumFen(sources.map((l) => toFen(l.budget, unit)));
  if (sa === null || sa === 0) return { budgetFen: null, executedFen: null, source: 'none' };
  return {
    budgetFen: sa,
    executedFen: sumFen(sources.map((l) => toFen(l.executed, unit))) ?? 0,
    source: 'source-lines',
  };
}
