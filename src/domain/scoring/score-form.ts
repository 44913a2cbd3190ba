import type { Form } from '../form/form.schema.js';
import type { Profile } from '../profiles/profile.schema.js';
import { parseValue } from '../values/parse-value.js';
import { scoreBudget } from './score-budget.js';
import { categoryOf } from './categories.js';
import { completionRatio, type RatioResult } from './completion-ratio.js';
import type { CategoryScore, FormScore, Grade, IndicatorScore } from './score.js';

/** A reviewer's ratings: indicator index → r in [0, 1]. Kept apart from the unit's self-evaluation. */
export type Ratings = ReadonlyMap<number, number>;

/**
 * Scores one form under a rule profile (scoring.md §2–3). Exact numbers; only display rounds.
 * Indicators whose level-1 name matches no category of the profile are reported with weight 0
 * (the checker raises `unknown-category`).
 */
export function scoreForm(form: Form, profile: Profile, ratings: Ratings = new Map()): FormScore {
  const readings = form.indicators.map((ind, index): Reading => {
    const target = parseValue(ind.target);
    const actual = parseValue(ind.actual);
    const category = categoryOf(ind.level1, profile);
    let ratio: RatioResult = completionRatio(target, actual, { level2: ind.level2, profile });
    const rated = ratings.get(index);
    if (rated !== undefined && ratio.rule !== 'not-applicable') {
      ratio = {
        ...ratio,
        rule: 'reviewer-rating',
        ratio: Math.min(1, Math.max(0, rated)),
        explanation: `评审评分：r = ${rated}`,
      };
    } else if (
      ratio.ratio === null &&
      ratio.rule !== 'not-applicable' &&
      ind.weight != null &&
      ind.weight > 0 &&
      ind.score != null
    ) {
      // The form prints 分值 and 得分: without a readable value, the unit's own score is the best evidence.
      const r = Math.min(1, Math.max(0, ind.score / ind.weight));
      ratio = { ...ratio, rule: 'printed-score', ratio: r, explanation: `按表内得分：r = ${ind.score}/${ind.weight}` };
    }
    return { ind, index, target, actual, category, ratio };
  });

  // Which categories have any indicator printed; empty ones hand their points on (满意度 → 效益).
  const points = new Map(profile.categories.map((c) => [c.name, c.points]));
  const printed = new Set(readings.map((r) => r.category).filter((c) => c !== null));
  for (const { from, to } of profile.redistribute) {
    if (!printed.has(from) && printed.has(to)) {
      points.set(to, (points.get(to) ?? 0) + (points.get(from) ?? 0));
      points.set(from, 0);
    }
  }

  // One pass groups indicators by category; scores land at their printed index, so no sort is needed.
  const byCategory = new Map<string, Reading[]>(profile.categories.map((c) => [c.name, []]));
  const indicatorScores = new Array<IndicatorScore>(readings.length);
  for (const r of readings) {
    if (r.category === null) indicatorScores[r.index] = indicatorScore(r, '', 0, 0);
    else byCategory.get(r.category)?.push(r);
  }
  const categories: CategoryScore[] = [];
  let unassigned = 0;
  for (const c of profile.categories) {
    const members = byCategory.get(c.name) ?? [];
    let scored = 0;
    let printedWeights = 0;
    let allPrinted = members.length > 0;
    for (const r of members) {
      if (r.ratio.ratio !== null) scored += 1;
      if (r.ind.weight == null) allPrinted = false;
      else printedWeights += r.ind.weight;
    }
    const catPoints = allPrinted ? printedWeights : (points.get(c.name) ?? 0);
    if (scored === 0) unassigned += catPoints;
    const share = scored > 0 ? catPoints / scored : 0;
    let catScore = 0;
    for (const r of members) {
      const weight = r.ratio.ratio === null ? 0 : allPrinted ? (r.ind.weight ?? 0) : share;
      const score = weight * (r.ratio.ratio ?? 0);
      catScore += score;
      indicatorScores[r.index] = indicatorScore(r, c.name, weight, score);
    }
    categories.push({ level1: c.name, points: catPoints, score: catScore, indicators: members.length });
  }

  const budget = scoreBudget(form, profile);
  let total = budget.score + categories.reduce((s, c) => s + c.score, 0);
  if (unassigned > 0 && unassigned < 100) total = (total * 100) / (100 - unassigned);

  const adjustments: { reason: string; points: number }[] = [];
  const over = indicatorScores.filter((i) => i.flags.includes('target-too-low')).length;
  if (over > 0 && profile.overAchievement.deductionPerIndicator > 0) {
    const points = -over * profile.overAchievement.deductionPerIndicator;
    adjustments.push({
      reason: `${over} 个指标超额完成（目标偏低），每个扣 ${profile.overAchievement.deductionPerIndicator} 分`,
      points,
    });
    total += points;
  }
  if (budget.rate !== null) {
    const cap = profile.executionCaps
      .filter((c) => budget.rate !== null && budget.rate < c.below)
      .reduce<number | null>((m, c) => (m === null ? c.maxTotal : Math.min(m, c.maxTotal)), null);
    if (cap !== null && total > cap) {
      adjustments.push({ reason: `预算执行率 ${budget.rate.toFixed(2)}%，总分至多 ${cap} 分`, points: cap - total });
      total = cap;
    }
  }
  total = Math.max(0, total);

  return {
    project: form.project.name,
    year: form.year,
    department: form.project.department,
    profile: profile.name,
    total,
    grade: gradeOf(total, profile),
    provisional: indicatorScores.some((i) => i.status === 'needs-rating'),
    budget,
    categories,
    indicators: indicatorScores,
    unassignedPoints: unassigned,
    adjustments,
  };
}

interface Reading {
  readonly ind: Form['indicators'][number];
  readonly index: number;
  readonly target: IndicatorScore['target'];
  readonly actual: IndicatorScore['actual'];
  readonly category: string | null;
  readonly ratio: RatioResult;
}

function indicatorScore(r: Reading, category: string, weight: number, score: number): IndicatorScore {
  const status =
    r.ratio.rule === 'not-applicable' ? 'not-applicable' : r.ratio.ratio === null ? 'needs-rating' : 'scored';
  return {
    index: r.index,
    level1: r.ind.level1,
    category,
    level2: r.ind.level2,
    name: r.ind.name,
    target: r.target,
    actual: r.actual,
    rule: r.ratio.rule,
    ratio: r.ratio.ratio,
    weight,
    score,
    status,
    explanation: r.ratio.explanation,
    flags: r.ratio.flags,
    achieved: r.ratio.achieved,
    qualitativePercent: r.ratio.qualitativePercent,
  };
}

/** The grade band of a total; compares the exact total, as the profile's minimums are inclusive. */
export function gradeOf(total: number, profile: Profile): Grade {
  for (const g of profile.grades) if (total >= g.min - 1e-9) return g.grade;
  return '差';
}
