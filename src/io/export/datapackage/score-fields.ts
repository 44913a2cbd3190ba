/**
 * Columns of the derived tables of the data package: scores per form, scores per indicator and
 * findings. Scores are rounded to 2 decimals like every CSV of jixiao (scoring.md §3); the JSON
 * API keeps full precision.
 */
import type { Finding, FormScore, IndicatorScore } from '../../../domain/index.js';
import { round2 } from '../../../domain/report/round2.js';
import type { Field } from '../csv/form-fields.js';

const r2 = (n: number | null): number | null => (n === null ? null : round2(n));

export interface ScoreRow {
  readonly id: number;
  readonly score: FormScore;
}

export const scoreFields: readonly Field<ScoreRow>[] = [
  { key: 'form', title: '表序号', type: 'integer', required: true, value: (r) => r.id },
  { key: 'profile', title: '评分规则', type: 'string', required: true, value: (r) => r.score.profile },
  { key: 'total', title: '总分', type: 'number', required: true, value: (r) => r2(r.score.total) },
  { key: 'grade', title: '等级', type: 'string', required: true, value: (r) => r.score.grade },
  { key: 'provisional', title: '有指标待评分', type: 'boolean', required: true, value: (r) => r.score.provisional },
  { key: 'budgetRate', title: '预算执行率（%）', type: 'number', value: (r) => r2(r.score.budget.rate) },
  {
    key: 'budgetPoints',
    title: '预算执行分值',
    type: 'number',
    required: true,
    value: (r) => r2(r.score.budget.points),
  },
  { key: 'budgetScore', title: '预算执行得分', type: 'number', required: true, value: (r) => r2(r.score.budget.score) },
];

export interface IndicatorScoreRow {
  readonly id: number;
  readonly indicator: IndicatorScore;
}

export const indicatorScoreFields: readonly Field<IndicatorScoreRow>[] = [
  { key: 'form', title: '表序号', type: 'integer', required: true, value: (r) => r.id },
  { key: 'index', title: '指标序号（从 0 起）', type: 'integer', required: true, value: (r) => r.indicator.index },
  { key: 'category', title: '计入的一级指标', type: 'string', value: (r) => r.indicator.category },
  { key: 'rule', title: '计分方法', type: 'string', required: true, value: (r) => r.indicator.rule },
  { key: 'status', title: '状态', type: 'string', required: true, value: (r) => r.indicator.status },
  { key: 'ratio', title: '完成率（0–1）', type: 'number', value: (r) => r2(r.indicator.ratio) },
  { key: 'weight', title: '分值', type: 'number', required: true, value: (r) => r2(r.indicator.weight) },
  { key: 'score', title: '得分', type: 'number', required: true, value: (r) => r2(r.indicator.score) },
  { key: 'explanation', title: '计算说明', type: 'string', value: (r) => r.indicator.explanation },
];

export interface FindingRow {
  readonly id: number;
  readonly finding: Finding;
}

export const findingFields: readonly Field<FindingRow>[] = [
  { key: 'form', title: '表序号', type: 'integer', required: true, value: (r) => r.id },
  { key: 'code', title: '问题代码', type: 'string', required: true, value: (r) => r.finding.code },
  {
    key: 'severity',
    title: '级别（error/warning/info）',
    type: 'string',
    required: true,
    value: (r) => r.finding.severity,
  },
  { key: 'indicatorIndex', title: '指标序号（从 0 起）', type: 'integer', value: (r) => r.finding.indicatorIndex },
  { key: 'indicator', title: '三级指标', type: 'string', value: (r) => r.finding.indicator },
  { key: 'field', title: '字段', type: 'string', value: (r) => r.finding.field },
  { key: 'message', title: '说明', type: 'string', required: true, value: (r) => r.finding.message },
  { key: 'messageEn', title: 'Message', type: 'string', required: true, value: (r) => r.finding.messageEn },
];
