import type { Grade } from '../scoring/score.js';
import type { AggregateKind, DepartmentSummary } from '../summary/summary.js';
import type { Column } from './columns.js';
import { formatNumber, formatPercent } from './round2.js';

/** A recurring indicator of a department summary. target/actual: Σ (absolute) or fund-weighted mean (relative, qualitative %). */
export interface IndicatorAggregateReport {
  readonly name: string;
  readonly kind: AggregateKind;
  readonly unit: string | null;
  readonly projects: number;
  readonly target: number | null;
  readonly actual: number | null;
  readonly ratio: number | null;
  readonly reason: string | null;
  readonly sources: readonly {
    readonly project: string;
    readonly target: number | null;
    readonly actual: number | null;
    readonly weight: number;
  }[];
}

/** One department and year (`jixiao summary --json` emits an array of these). Money in `unit`; rate in percent. */
export interface SummaryReport {
  readonly department: string;
  readonly year: number;
  readonly unit: string;
  readonly projects: number;
  readonly budget: number;
  readonly executed: number;
  readonly rate: number | null;
  readonly score: number | null;
  readonly grades: Readonly<Record<Grade, number>>;
  readonly indicators: readonly IndicatorAggregateReport[];
  readonly funding: DepartmentSummary['funding'];
  readonly ranking: DepartmentSummary['ranking'];
}

/** The JSON shape of a department summary. Numbers keep full precision. */
export function toSummaryReport(s: DepartmentSummary): SummaryReport {
  return {
    department: s.department,
    year: s.year,
    unit: s.unit,
    projects: s.projects,
    budget: s.budget,
    executed: s.executed,
    rate: s.rate,
    score: s.score,
    grades: { 优: s.grades['优'], 良: s.grades['良'], 中: s.grades['中'], 差: s.grades['差'] },
    indicators: s.indicators.map((i) => ({
      name: i.name,
      kind: i.kind,
      unit: i.unit,
      projects: i.projects,
      target: i.target,
      actual: i.actual,
      ratio: i.ratio,
      reason: i.reason,
      sources: i.sources,
    })),
    funding: s.funding,
    ranking: s.ranking,
  };
}

/**
 * A summary CSV/table row. The CSV is one table with a `row` column: `department` rows (one per
 * department and year, with money, rate, score and grade counts) followed by that department's
 * `indicator` rows (one per recurring indicator). Columns that do not apply to a row are empty.
 */
export type SummaryRow =
  | { readonly row: 'department'; readonly summary: SummaryReport }
  | { readonly row: 'indicator'; readonly summary: SummaryReport; readonly indicator: IndicatorAggregateReport };

export function summaryRows(report: SummaryReport): SummaryRow[] {
  return [
    { row: 'department', summary: report },
    ...report.indicators.map((indicator) => ({ row: 'indicator' as const, summary: report, indicator })),
  ];
}

const kindLabel: Readonly<Record<AggregateKind, string>> = {
  absolute: '绝对值（求和）',
  relative: '相对值（加权平均）',
  qualitative: '定性（加权完成度）',
  'cannot-aggregate': '无法汇总',
};

function dept<T>(r: SummaryRow, f: (s: SummaryReport) => T): T | null {
  return r.row === 'department' ? f(r.summary) : null;
}

function ind<T>(r: SummaryRow, f: (i: IndicatorAggregateReport) => T): T | null {
  return r.row === 'indicator' ? f(r.indicator) : null;
}

/** Columns of the summary CSV; the human output uses summaryIndicatorColumns under a department heading. */
export const summaryColumns: readonly Column<SummaryRow>[] = [
  { key: 'row', title: '行', value: (r) => r.row },
  { key: 'department', title: '主管部门', value: (r) => r.summary.department },
  { key: 'year', title: '年度', value: (r) => r.summary.year },
  { key: 'unit', title: '单位', value: (r) => r.summary.unit },
  {
    key: 'projects',
    title: '项目数',
    value: (r) => (r.row === 'department' ? r.summary.projects : r.indicator.projects),
  },
  { key: 'budget', title: '预算数', value: (r) => dept(r, (s) => formatNumber(s.budget)) },
  { key: 'executed', title: '执行数', value: (r) => dept(r, (s) => formatNumber(s.executed)) },
  { key: 'rate', title: '执行率', value: (r) => dept(r, (s) => formatNumber(s.rate)) },
  { key: 'score', title: '加权得分', value: (r) => dept(r, (s) => formatNumber(s.score)) },
  { key: 'grade优', title: '优', value: (r) => dept(r, (s) => s.grades['优']) },
  { key: 'grade良', title: '良', value: (r) => dept(r, (s) => s.grades['良']) },
  { key: 'grade中', title: '中', value: (r) => dept(r, (s) => s.grades['中']) },
  { key: 'grade差', title: '差', value: (r) => dept(r, (s) => s.grades['差']) },
  { key: 'indicator', title: '指标', value: (r) => ind(r, (i) => i.name) },
  { key: 'kind', title: '类型', value: (r) => ind(r, (i) => i.kind) },
  { key: 'indicatorUnit', title: '计量单位', value: (r) => ind(r, (i) => i.unit) },
  { key: 'target', title: '目标', value: (r) => ind(r, (i) => formatNumber(i.target)) },
  { key: 'actual', title: '完成', value: (r) => ind(r, (i) => formatNumber(i.actual)) },
  { key: 'ratio', title: '完成率', value: (r) => ind(r, (i) => formatNumber(i.ratio)) },
  { key: 'reason', title: '说明', value: (r) => ind(r, (i) => i.reason) },
];

/** Human table of a department's recurring indicators. */
export const summaryIndicatorColumns: readonly Column<IndicatorAggregateReport>[] = [
  { key: 'indicator', title: '指标', value: (i) => i.name },
  { key: 'kind', title: '汇总方式', value: (i) => kindLabel[i.kind] },
  { key: 'unit', title: '单位', value: (i) => i.unit },
  { key: 'projects', title: '项目数', value: (i) => i.projects },
  { key: 'target', title: '目标', value: (i) => formatNumber(i.target) },
  { key: 'actual', title: '完成', value: (i) => formatNumber(i.actual) },
  { key: 'ratio', title: '完成率', value: (i) => (i.ratio == null ? (i.reason ?? '') : formatPercent(i.ratio * 100)) },
];

/** Heading of a department's block: money, rate, weighted score and grade counts. */
export function summaryHeading(s: SummaryReport): string {
  const grades = (['优', '良', '中', '差'] as const).map((g) => `${g} ${s.grades[g]}`).join('，');
  return (
    `${s.department} · ${s.year} 年 · ${s.projects} 个项目\n` +
    `预算 ${formatNumber(s.budget)} ${s.unit}，执行 ${formatNumber(s.executed)} ${s.unit}，执行率 ${formatPercent(s.rate)}；` +
    `加权得分 ${formatNumber(s.score)}；${grades}`
  );
}
