/**
 * The department summary workbook (主管部门汇总): one sheet each for the departments (money, rate,
 * weighted score, grade counts), the projects (budget, execution, score, grade, ranked by score),
 * the funding sources, the recurring indicators aggregated across projects, and the findings.
 * Money is in 万元 (the summary unit of summarizeDepartments); numbers stay numbers so that people
 * can add and filter them in Excel; display is rounded to 2 decimals by the number format only.
 */
import ExcelJS from 'exceljs';
import {
  checkForm,
  scoreForm,
  summarizeDepartments,
  type AggregateKind,
  type DepartmentSummary,
  type Finding,
  type Form,
  type FormScore,
  type FundingAggregate,
  type IndicatorAggregate,
  type Profile,
} from '../../../domain/index.js';
import { severityLabel } from '../../../domain/report/index.js';
import { noDepartment } from '../../../domain/summary/summarize-departments.js';
import { addTableSheet, type SheetColumn } from './table-sheet.js';

const MONEY = '#,##0.00';
const TWO = '0.00';

type Dept = DepartmentSummary;
type Project = DepartmentSummary['ranking'][number] & { readonly summary: Dept; readonly rank: number };

const departmentColumns: readonly SheetColumn<Dept>[] = [
  { key: 'department', title: '主管部门', width: 26, value: (d) => d.department },
  { key: 'year', title: '年度', width: 7, value: (d) => d.year },
  { key: 'projects', title: '项目数', width: 8, value: (d) => d.projects },
  { key: 'budget', title: '全年预算数（万元）', width: 14, numFmt: MONEY, value: (d) => d.budget },
  { key: 'executed', title: '全年执行数（万元）', width: 14, numFmt: MONEY, value: (d) => d.executed },
  { key: 'rate', title: '执行率（%）', width: 10, numFmt: TWO, value: (d) => d.rate },
  { key: 'score', title: '加权得分', width: 10, numFmt: TWO, value: (d) => d.score },
  ...(['优', '良', '中', '差'] as const).map((g): SheetColumn<Dept> => ({
    key: `grade${g}`,
    title: `${g}（项）`,
    width: 7,
    value: (d) => d.grades[g],
  })),
];

const projectColumns: readonly SheetColumn<Project>[] = [
  { key: 'department', title: '主管部门', width: 24, value: (p) => p.summary.department },
  { key: 'year', title: '年度', width: 7, value: (p) => p.summary.year },
  { key: 'rank', title: '部门内排名', width: 8, value: (p) => p.rank },
  { key: 'project', title: '项目名称', width: 30, value: (p) => p.project },
  { key: 'budget', title: '全年预算数（万元）', width: 14, numFmt: MONEY, value: (p) => p.budget },
  { key: 'executed', title: '全年执行数（万元）', width: 14, numFmt: MONEY, value: (p) => p.executed },
  { key: 'rate', title: '执行率（%）', width: 10, numFmt: TWO, value: (p) => p.rate },
  { key: 'total', title: '总分', width: 8, numFmt: TWO, value: (p) => p.total },
  { key: 'grade', title: '等级', width: 6, value: (p) => p.grade },
  { key: 'weight', title: '汇总权重', width: 9, numFmt: '0.00%', value: (p) => p.weight },
];

type Funding = FundingAggregate & { readonly summary: Dept };
const fundingColumns: readonly SheetColumn<Funding>[] = [
  { key: 'department', title: '主管部门', width: 24, value: (f) => f.summary.department },
  { key: 'year', title: '年度', width: 7, value: (f) => f.summary.year },
  { key: 'name', title: '资金来源', width: 22, value: (f) => f.name },
  { key: 'projects', title: '项目数', width: 8, value: (f) => f.projects.length },
  { key: 'budget', title: '全年预算数（万元）', width: 14, numFmt: MONEY, value: (f) => f.budget },
  { key: 'executed', title: '全年执行数（万元）', width: 14, numFmt: MONEY, value: (f) => f.executed },
  { key: 'rate', title: '执行率（%）', width: 10, numFmt: TWO, value: (f) => f.rate },
];

const kindLabel: Readonly<Record<AggregateKind, string>> = {
  absolute: '绝对值（累加）',
  relative: '相对值（按资金加权平均）',
  qualitative: '定性（按资金加权平均完成度）',
  'cannot-aggregate': '无法汇总',
};

type Recurring = IndicatorAggregate & { readonly summary: Dept };
const indicatorColumns: readonly SheetColumn<Recurring>[] = [
  { key: 'department', title: '主管部门', width: 22, value: (i) => i.summary.department },
  { key: 'year', title: '年度', width: 7, value: (i) => i.summary.year },
  { key: 'name', title: '三级指标', width: 30, value: (i) => i.name },
  { key: 'kind', title: '汇总方式', width: 16, value: (i) => kindLabel[i.kind] },
  { key: 'unit', title: '计量单位', width: 9, value: (i) => i.unit },
  { key: 'projects', title: '项目数', width: 8, value: (i) => i.projects },
  { key: 'target', title: '年度指标值（汇总）', width: 14, numFmt: TWO, value: (i) => i.target },
  { key: 'actual', title: '全年完成值（汇总）', width: 14, numFmt: TWO, value: (i) => i.actual },
  { key: 'ratio', title: '完成率', width: 9, numFmt: '0.00%', value: (i) => i.ratio },
  { key: 'sources', title: '来源项目', width: 30, value: (i) => i.sources.map((s) => s.project).join('、') },
  { key: 'reason', title: '说明', width: 24, value: (i) => i.reason },
];

type Problem = Finding & { readonly department: string; readonly year: number };
const findingColumns: readonly SheetColumn<Problem>[] = [
  { key: 'department', title: '主管部门', width: 22, value: (f) => f.department },
  { key: 'year', title: '年度', width: 7, value: (f) => f.year },
  { key: 'project', title: '项目名称', width: 24, value: (f) => f.project },
  { key: 'severity', title: '级别', width: 6, value: (f) => severityLabel[f.severity] },
  { key: 'code', title: '代码', width: 18, value: (f) => f.code },
  { key: 'indicator', title: '指标', width: 24, value: (f) => f.indicator ?? '（全表）' },
  { key: 'message', title: '说明', width: 60, value: (f) => f.message },
];

/**
 * The summary workbook (.xlsx bytes) of `forms` scored and checked under `profile`, one block of
 * rows per department and year. An empty `forms` gives the sheets with headers only.
 */
export async function writeSummaryXlsx(
  forms: readonly Form[],
  profile: Profile,
  scores: readonly FormScore[] = forms.map((f) => scoreForm(f, profile)),
): Promise<Uint8Array> {
  const summaries = summarizeDepartments(forms, scores, profile);
  const book = new ExcelJS.Workbook();
  addTableSheet(book, '部门汇总', departmentColumns, summaries);
  addTableSheet(
    book,
    '项目',
    projectColumns,
    summaries.flatMap((summary) => summary.ranking.map((p, i) => ({ ...p, summary, rank: i + 1 }))),
  );
  addTableSheet(
    book,
    '资金来源',
    fundingColumns,
    summaries.flatMap((summary) => summary.funding.map((f) => ({ ...f, summary }))),
  );
  addTableSheet(
    book,
    '重复指标',
    indicatorColumns,
    summaries.flatMap((summary) => summary.indicators.map((i) => ({ ...i, summary }))),
  );
  const problems = forms.flatMap((form, i) =>
    checkForm(form, scores[i] ?? scoreForm(form, profile), profile).map((f): Problem => ({
      ...f,
      department: form.project.department ?? noDepartment,
      year: form.year,
    })),
  );
  addTableSheet(book, '问题', findingColumns, problems);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
