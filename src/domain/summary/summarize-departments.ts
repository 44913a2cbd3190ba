import type { Form, MoneyUnit } from '../form/form.schema.js';
import { fromFen, ratePercent, toFen } from '../money.js';
import type { Profile } from '../profiles/profile.schema.js';
import { executionTotals } from '../scoring/score-budget.js';
import type { FormScore, Grade } from '../scoring/score.js';
import type { DepartmentSummary, FundingAggregate } from './summary.js';
import { aggregateIndicators } from './aggregate-indicators.js';

/** Summaries are in 万元, the unit nearly every department uses; 元 forms are converted exactly. */
const summaryUnit: MoneyUnit = '万元';

/** Where a form goes when its 主管部门 is blank, so that it is still counted and visible. */
export const noDepartment = '（未填主管部门）';

/**
 * The competent department's summary (主管部门汇总, scoring.md §5): one per department and year, in
 * the order departments first appear. `scores[i]` must be scoreForm(forms[i], profile). Money is
 * added in fen, so the sums equal the printed totals to the fen.
 */
export function summarizeDepartments(
  forms: readonly Form[],
  scores: readonly FormScore[],
  profile: Profile,
): DepartmentSummary[] {
  const groups = new Map<string, { forms: Form[]; scores: FormScore[] }>();
  forms.forEach((form, i) => {
    const score = scores[i];
    if (!score) return;
    const key = `${form.project.department ?? noDepartment}\u0000${form.year}`;
    const g = groups.get(key) ?? { forms: [], scores: [] };
    g.forms.push(form);
    g.scores.push(score);
    groups.set(key, g);
  });
  return [...groups.values()].map((g) => summarize(g.forms, g.scores, profile));
}

function summarize(forms: Form[], scores: FormScore[], profile: Profile): DepartmentSummary {
  const first = forms[0] as Form;
  const totals = forms.map((f) => executionTotals(f));
  const budgetFen = totals.reduce((s, t) => s + (t.budgetFen ?? 0), 0);
  const executedFen = totals.reduce((s, t) => s + (t.executedFen ?? 0), 0);
  const weightsFen = totals.map((t) => (profile.summaryWeight === 'budget' ? t.budgetFen : t.executedFen) ?? 0);
  const weightSum = weightsFen.reduce((s, w) => s + w, 0);
  // With no money to weigh by (all blank), every project counts the same rather than none counting.
  const weights = weightsFen.map((w) => (weightSum > 0 ? w / weightSum : 1 / forms.length));

  const grades: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  for (const s of scores) grades[s.grade] += 1;
  const score = scores.reduce((s, sc, i) => s + sc.total * (weights[i] ?? 0), 0);

  const ranking = scores
    .map((s, i) => ({
      project: s.project,
      total: s.total,
      grade: s.grade,
      budget: nullableAmount(totals[i]?.budgetFen ?? null),
      executed: nullableAmount(totals[i]?.executedFen ?? null),
      rate: s.budget.rate,
      weight: weights[i] ?? 0,
    }))
    .sort((a, b) => b.total - a.total);

  return {
    department: first.project.department ?? noDepartment,
    year: first.year,
    unit: summaryUnit,
    projects: forms.length,
    budget: fromFen(budgetFen, summaryUnit),
    executed: fromFen(executedFen, summaryUnit),
    rate: ratePercent(executedFen, budgetFen),
    score: forms.length > 0 ? score : null,
    grades,
    funding: aggregateFunding(forms),
    ranking,
    indicators: aggregateIndicators(forms, scores, weightsFen, summaryUnit),
  };
}

/** Σ budget and Σ executed per funding line name, in the order names first appear. */
function aggregateFunding(forms: Form[]): FundingAggregate[] {
  const byName = new Map<
    string,
    { budget: number | null; executed: number | null; projects: FundingAggregate['projects'][number][] }
  >();
  for (const f of forms) {
    for (const line of f.funding.lines) {
      const name = line.name.replace(/\s+/gu, '').replace(/^其中[:：]?/u, '');
      const a = toFen(line.budget, f.funding.unit);
      const b = toFen(line.executed, f.funding.unit);
      const agg = byName.get(name) ?? { budget: null, executed: null, projects: [] };
      if (a !== null) agg.budget = (agg.budget ?? 0) + a;
      if (b !== null) agg.executed = (agg.executed ?? 0) + b;
      agg.projects.push({ project: f.project.name, budget: nullableAmount(a), executed: nullableAmount(b) });
      byName.set(name, agg);
    }
  }
  return [...byName].map(([name, agg]) => ({
    name,
    budget: nullableAmount(agg.budget),
    executed: nullableAmount(agg.executed),
    rate: ratePercent(agg.executed, agg.budget),
    projects: agg.projects,
  }));
}

function nullableAmount(fen: number | null): number | null {
  return fen === null ? null : fromFen(fen, summaryUnit);
}
