import type { FormScore, Grade, IndicatorStatus, RuleName } from '../scoring/score.js';
import { formatValue } from '../values/format-value.js';
import type { Column } from './columns.js';
import { formatNumber, formatPercent } from './round2.js';

/** One indicator of a score report (`--json` contract: level1, level2, name, ratio, weight, score, status). */
export interface IndicatorReport {
  readonly index: number;
  readonly level1: string;
  /** The category it counted in (成本指标 printed as level 1 counts in 产出指标). */
  readonly category: string;
  readonly level2: string;
  readonly name: string;
  /** Completion ratio in [0, 1]; null unless status is `scored`. */
  readonly ratio: number | null;
  readonly weight: number;
  readonly score: number;
  readonly status: IndicatorStatus;
  readonly rule: RuleName;
  /** Chinese, one line: how the ratio was found. */
  readonly explanation: string;
  /** Target and actual as printed (empty string when blank). */
  readonly target: string;
  readonly actual: string;
  /** How the system read them, for people (`≥ 95 %`). */
  readonly targetReading: string;
  readonly actualReading: string;
}

/** One form's score (`jixiao score --json` emits an array of these; the HTTP API reuses it). */
export interface ScoreReport {
  readonly project: string;
  readonly year: number;
  readonly department: string | null;
  readonly profile: string;
  readonly total: number;
  readonly grade: Grade;
  readonly provisional: boolean;
  /** rate: execution rate B/A in percent (null without a usable total line); score in points. */
  readonly budget: {
    readonly rate: number | null;
    readonly points: number;
    readonly score: number;
    readonly source: string;
  };
  readonly categories: readonly {
    readonly level1: string;
    readonly points: number;
    readonly score: number;
    readonly indicators: number;
  }[];
  readonly indicators: readonly IndicatorReport[];
  readonly unassignedPoints: number;
  readonly adjustments: readonly { readonly reason: string; readonly points: number }[];
}

/** The JSON shape of a form score. Numbers keep full precision. */
export function toScoreReport(score: FormScore): ScoreReport {
  return {
    project: score.project,
    year: score.year,
    department: score.department,
    profile: score.profile,
    total: score.total,
    grade: score.grade,
    provisional: score.provisional,
    budget: {
      rate: score.budget.rate,
      points: score.budget.points,
      score: score.budget.score,
      source: score.budget.source,
    },
    categories: score.categories.map((c) => ({
      level1: c.level1,
      points: c.points,
      score: c.score,
      indicators: c.indicators,
    })),
    indicators: score.indicators.map((i) => ({
      index: i.index,
      level1: i.level1,
      category: i.category,
      level2: i.level2,
      name: i.name,
      ratio: i.ratio,
      weight: i.weight,
      score: i.score,
      status: i.status,
      rule: i.rule,
      explanation: i.explanation,
      target: i.target.raw,
      actual: i.actual.raw,
      targetReading: formatValue(i.target),
      actualReading: formatValue(i.actual),
    })),
    unassignedPoints: score.unassignedPoints,
    adjustments: score.adjustments.map((a) => ({ reason: a.reason, points: a.points })),
  };
}

/** Chinese label of an indicator status, for tables. */
export const statusLabel: Readonly<Record<IndicatorStatus, string>> = {
  scored: '已计分',
  'not-applicable': '不适用',
  'needs-rating': '待评分',
};

/** A score CSV/table row: one indicator with its form's keys. */
export interface ScoreRow {
  readonly form: ScoreReport;
  readonly indicator: IndicatorReport;
}

/** Rows of a score report: one per indicator. */
export function scoreRows(report: ScoreReport): ScoreRow[] {
  return report.indicators.map((indicator) => ({ form: report, indicator }));
}

/** Columns of the score CSV (all) and human table (those not marked table: false). */
export const scoreColumns: readonly Column<ScoreRow>[] = [
  { key: 'project', title: '项目', value: (r) => r.form.project, table: false },
  { key: 'year', title: '年度', value: (r) => r.form.year, table: false },
  { key: 'department', title: '主管部门', value: (r) => r.form.department, table: false },
  { key: 'profile', title: '评分规则', value: (r) => r.form.profile, table: false },
  { key: 'total', title: '总分', value: (r) => formatNumber(r.form.total), table: false },
  { key: 'grade', title: '等级', value: (r) => r.form.grade, table: false },
  { key: 'provisional', title: '待复核', value: (r) => r.form.provisional, table: false },
  { key: 'budgetRate', title: '预算执行率', value: (r) => formatNumber(r.form.budget.rate), table: false },
  { key: 'budgetScore', title: '预算得分', value: (r) => formatNumber(r.form.budget.score), table: false },
  { key: 'level1', title: '一级指标', value: (r) => r.indicator.level1 },
  { key: 'level2', title: '二级指标', value: (r) => r.indicator.level2 },
  { key: 'indicator', title: '三级指标', value: (r) => r.indicator.name },
  { key: 'target', title: '年度指标值', value: (r) => r.indicator.target },
  { key: 'actual', title: '全年完成值', value: (r) => r.indicator.actual },
  { key: 'targetReading', title: '目标读作', value: (r) => r.indicator.targetReading, table: false },
  { key: 'actualReading', title: '完成读作', value: (r) => r.indicator.actualReading, table: false },
  { key: 'rule', title: '计分方法', value: (r) => r.indicator.rule, table: false },
  {
    key: 'ratio',
    title: '完成率',
    value: (r) => (r.indicator.ratio == null ? '' : formatPercent(r.indicator.ratio * 100)),
  },
  { key: 'weight', title: '分值', value: (r) => formatNumber(r.indicator.weight) },
  { key: 'score', title: '得分', value: (r) => formatNumber(r.indicator.score) },
  { key: 'status', title: '状态', value: (r) => statusLabel[r.indicator.status] },
  { key: 'explanation', title: '说明', value: (r) => r.indicator.explanation, table: false },
];

/** One line heading a form's table: `社区矫正 · 深圳市坪山区司法局 · 2020 年  总分 98.97 优 …`. */
export function scoreHeading(report: ScoreReport): string {
  const where = [report.project, report.department, `${report.year} 年`]
    .filter((s) => s != null && s !== '')
    .join(' · ');
  const budget = `预算执行率 ${report.budget.rate == null ? '无' : formatPercent(report.budget.rate)}，得分 ${formatNumber(report.budget.score)}/${formatNumber(report.budget.points)}`;
  const cats = report.categories
    .map((c) => `${c.level1} ${formatNumber(c.score)}/${formatNumber(c.points)}`)
    .join('，');
  const provisional = report.provisional ? '（有指标待评分，分数暂定）' : '';
  return `${where}  总分 ${formatNumber(report.total)} ${report.grade}${provisional}  [${report.profile}]\n${budget}；${cats}`;
}
