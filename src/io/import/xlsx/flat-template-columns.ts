/**
 * The flat .xlsx template (docs/xlsx-flat-template.md): one row per indicator on the sheet
 * 绩效指标 with the form's fields repeated, and one row per funding line on the sheet 项目资金.
 * The reader and the writer share these column lists, so they cannot drift apart.
 */

export type FormColumn =
  | 'year'
  | 'title'
  | 'name'
  | 'period'
  | 'department'
  | 'implementer'
  | 'isKeyProject'
  | 'attribute'
  | 'unit'
  | 'planned'
  | 'actual'
  | 'remarks'
  | 'preparer'
  | 'phone'
  | 'total'
  | 'grade'
  | 'level1'
  | 'level2'
  | 'indicator'
  | 'target'
  | 'indicatorActual'
  | 'note'
  | 'weight'
  | 'score';

export type FundingColumnKey =
  'year' | 'name' | 'line' | 'initialBudget' | 'budget' | 'executed' | 'rate' | 'weight' | 'score';

export const MAIN_SHEET = '绩效指标';
export const FUNDING_SHEET = '项目资金';
export const HELP_SHEET = '填写说明';

/** Main sheet columns in written order; the header is what people see. */
export const FORM_COLUMNS: readonly { readonly key: FormColumn; readonly header: string; readonly width: number }[] = [
  { key: 'year', header: '年度', width: 8 },
  { key: 'title', header: '表名', width: 28 },
  { key: 'name', header: '项目名称', width: 18 },
  { key: 'period', header: '项目起止时间', width: 22 },
  { key: 'department', header: '主管部门', width: 20 },
  { key: 'implementer', header: '实施单位', width: 20 },
  { key: 'isKeyProject', header: '是否重点绩效项目', width: 10 },
  { key: 'attribute', header: '项目属性', width: 10 },
  { key: 'unit', header: '资金单位', width: 8 },
  { key: 'planned', header: '年初设定目标', width: 40 },
  { key: 'actual', header: '全年实际完成情况', width: 40 },
  { key: 'remarks', header: '说明', width: 30 },
  { key: 'preparer', header: '填表人', width: 10 },
  { key: 'phone', header: '联系电话', width: 16 },
  { key: 'total', header: '总分', width: 8 },
  { key: 'grade', header: '评价等级', width: 8 },
  { key: 'level1', header: '一级指标', width: 12 },
  { key: 'level2', header: '二级指标', width: 16 },
  { key: 'indicator', header: '三级指标', width: 30 },
  { key: 'target', header: '年度指标值', width: 14 },
  { key: 'indicatorActual', header: '全年完成值', width: 14 },
  { key: 'note', header: '未完成原因和改进措施', width: 30 },
  { key: 'weight', header: '指标分值', width: 8 },
  { key: 'score', header: '指标得分', width: 8 },
];

export const FUNDING_COLUMNS: readonly {
  readonly key: FundingColumnKey;
  readonly header: string;
  readonly width: number;
}[] = [
  { key: 'year', header: '年度', width: 8 },
  { key: 'name', header: '项目名称', width: 18 },
  { key: 'line', header: '资金名称', width: 20 },
  { key: 'initialBudget', header: '年初预算数', width: 12 },
  { key: 'budget', header: '全年预算数', width: 12 },
  { key: 'executed', header: '全年执行数', width: 12 },
  { key: 'rate', header: '执行率', width: 10 },
  { key: 'weight', header: '分值', width: 8 },
  { key: 'score', header: '得分', width: 8 },
];

/** Header spellings people type that mean the same column (matched after removing white space). */
const ALIASES: Readonly<Record<string, string>> = {
  年份: '年度',
  项目起止日期: '项目起止时间',
  是否重点项目: '是否重点绩效项目',
  单位: '资金单位',
  金额单位: '资金单位',
  年度总体目标: '年初设定目标',
  实际完成情况: '全年实际完成情况',
  指标值: '年度指标值',
  实际完成值: '全年完成值',
  偏差原因分析及改进措施: '未完成原因和改进措施',
  未完成原因及改进措施: '未完成原因和改进措施',
  分值: '指标分值',
  得分: '指标得分',
  '全年预算数(A)': '全年预算数',
  '全年执行数(B)': '全年执行数',
  '执行率(B/A)': '执行率',
  '执行率(%)': '执行率',
  资金来源: '资金名称',
};

/** The canonical header for a typed header: white space and full-width brackets normalised, aliases resolved. */
export function canonicalHeader(text: string): string {
  const t = text
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
  return ALIASES[t] ?? t;
}
