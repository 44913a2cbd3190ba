/**
 * The columns of the open-data tables (forms, funding lines, indicators), shared by the flat CSV
 * export, the data package and their readers, with the Frictionless type of each column. Values
 * are written exactly (money and rates as JS prints the number, no rounding), so that reading
 * them back gives the same form. Conventions the readers rely on:
 * - an empty cell is null (a blank string field is therefore read back as null);
 * - `weight`/`score` columns are filled only where the form prints 分值/得分: a form whose
 *   indicators (or funding lines) have any value there gets both keys on all of them;
 * - `selfScoreTotal`/`selfScoreGrade` make a `selfScore` when either is filled;
 * - `extras` is the JSON text of the form's extras (empty when the form has none).
 */
import type { Cell, Column } from '../../../domain/report/index.js';
import type { Form, FundingLine, Indicator } from '../../../domain/form/form.schema.js';

/** Frictionless Table Schema field types used here. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface Field<Row> extends Column<Row> {
  readonly type: FieldType;
  /** A constraint in the table schema: the cell is never empty. */
  readonly required?: boolean;
}

export interface FormRow {
  /** 1-based position of the form in the export; the key that links the tables. */
  readonly id: number;
  readonly form: Form;
}

const yesNo = (b: boolean | null): Cell => (b === null ? null : b);

export const formFields: readonly Field<FormRow>[] = [
  { key: 'form', title: '表序号', type: 'integer', required: true, value: (r) => r.id },
  { key: 'year', title: '年度', type: 'integer', required: true, value: (r) => r.form.year },
  { key: 'title', title: '表名', type: 'string', value: (r) => r.form.title },
  { key: 'project', title: '项目名称', type: 'string', required: true, value: (r) => r.form.project.name },
  { key: 'periodStart', title: '项目开始日期', type: 'date', value: (r) => r.form.project.period?.start ?? null },
  { key: 'periodEnd', title: '项目结束日期', type: 'date', value: (r) => r.form.project.period?.end ?? null },
  { key: 'department', title: '主管部门', type: 'string', value: (r) => r.form.project.department },
  { key: 'implementer', title: '实施单位', type: 'string', value: (r) => r.form.project.implementer },
  { key: 'isKeyProject', title: '是否重点绩效项目', type: 'boolean', value: (r) => yesNo(r.form.project.isKeyProject) },
  { key: 'attribute', title: '项目属性', type: 'string', value: (r) => r.form.project.attribute },
  { key: 'fundingUnit', title: '资金单位', type: 'string', required: true, value: (r) => r.form.funding.unit },
  { key: 'objectivePlanned', title: '年初设定目标', type: 'string', value: (r) => r.form.objectives.planned },
  { key: 'objectiveActual', title: '全年实际完成情况', type: 'string', value: (r) => r.form.objectives.actual },
  { key: 'remarks', title: '说明', type: 'string', value: (r) => r.form.remarks },
  { key: 'preparer', title: '填表人', type: 'string', value: (r) => r.form.preparer.name },
  { key: 'phone', title: '联系电话', type: 'string', value: (r) => r.form.preparer.phone },
  { key: 'selfScoreTotal', title: '自评总分', type: 'number', value: (r) => r.form.selfScore?.total ?? null },
  { key: 'selfScoreGrade', title: '自评等级', type: 'string', value: (r) => r.form.selfScore?.grade ?? null },
  {
    key: 'extras',
    title: '其他栏目（JSON）',
    type: 'string',
    value: (r) => (r.form.extras === undefined ? null : JSON.stringify(r.form.extras)),
  },
];

export interface LineRow {
  readonly id: number;
  readonly index: number;
  readonly line: FundingLine;
}

export const fundingFields: readonly Field<LineRow>[] = [
  { key: 'name', title: '资金名称', type: 'string', required: true, value: (r) => r.line.name },
  { key: 'initialBudget', title: '年初预算数', type: 'number', value: (r) => r.line.initialBudget },
  { key: 'budget', title: '全年预算数（A）', type: 'number', value: (r) => r.line.budget },
  { key: 'executed', title: '全年执行数（B）', type: 'number', value: (r) => r.line.executed },
  { key: 'rate', title: '执行率（%，如表所印）', type: 'number', value: (r) => r.line.rate },
  { key: 'weight', title: '分值', type: 'number', value: (r) => r.line.weight ?? null },
  { key: 'score', title: '得分', type: 'number', value: (r) => r.line.score ?? null },
];

export interface IndicatorRow {
  readonly id: number;
  readonly index: number;
  readonly indicator: Indicator;
}

export const indicatorFields: readonly Field<IndicatorRow>[] = [
  { key: 'level1', title: '一级指标', type: 'string', value: (r) => r.indicator.level1 },
  { key: 'level2', title: '二级指标', type: 'string', value: (r) => r.indicator.level2 },
  { key: 'name', title: '三级指标', type: 'string', required: true, value: (r) => r.indicator.name },
  { key: 'target', title: '年度指标值', type: 'string', value: (r) => r.indicator.target },
  { key: 'actual', title: '全年完成值', type: 'string', value: (r) => r.indicator.actual },
  { key: 'note', title: '未完成原因和改进措施', type: 'string', value: (r) => r.indicator.note },
  { key: 'weight', title: '分值', type: 'number', value: (r) => r.indicator.weight ?? null },
  { key: 'score', title: '得分', type: 'number', value: (r) => r.indicator.score ?? null },
];

/** Text of a cell as written: empty for null, `true`/`false`, numbers exactly. */
export const cellText = (cell: Cell): string => (cell === null ? '' : String(cell));

/** The fields that link a child table to forms.csv. */
export const childKeyFields = (record: string): readonly Field<{ id: number; index: number }>[] => [
  { key: 'form', title: '表序号', type: 'integer', required: true, value: (r) => r.id },
  { key: 'index', title: `${record}序号（从 0 起）`, type: 'integer', required: true, value: (r) => r.index },
];
