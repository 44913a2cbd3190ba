/**
 * Writes forms as the flat .xlsx template (docs/xlsx-flat-template.md), so that people can fill
 * it by hand (an empty template is `writeFlatTemplate([])`) and tests can round-trip it.
 */
import ExcelJS from 'exceljs';
import type { Form } from '../../../domain/form/form.schema.js';
import {
  FORM_COLUMNS,
  FUNDING_COLUMNS,
  FUNDING_SHEET,
  HELP_SHEET,
  MAIN_SHEET,
  type FormColumn,
  type FundingColumnKey,
} from './flat-template-columns.js';

type Cell = string | number | null;

const HELP: readonly string[] = [
  '“绩效指标”表：每个三级指标占一行；年度、表名、项目名称等项目信息在每一行重复填写（也可只在项目的第一行填写，下面的行留空表示同一项目）。',
  '“项目资金”表：每个资金来源占一行（第一行为年度资金总额），按“项目名称”（和“年度”）对应到项目。金额按“资金单位”填写数字，执行率填百分数（99.75 或 99.75%）。',
  '是否重点绩效项目填“是”或“否”；项目起止时间写成 2020.1.1-2020.12.31；资金单位填“万元”或“元”。',
  '“指标分值”“指标得分”及“项目资金”表的“分值”“得分”只在自评表印有分值时填写，不用时可以整列删除。',
  '表中没有的栏目（如项目负责人）可以在“绩效指标”表最右侧加一列，列名即栏目名，导入时保存在附加信息中。',
];

function formRow(form: Form, indicator: Form['indicators'][number] | null): Record<FormColumn, Cell> {
  const p = form.project;
  return {
    year: form.year,
    title: form.title,
    name: p.name,
    period: p.period === null ? null : `${dotted(p.period.start)}-${dotted(p.period.end)}`,
    department: p.department,
    implementer: p.implementer,
    isKeyProject: p.isKeyProject === null ? null : p.isKeyProject ? '是' : '否',
    attribute: p.attribute,
    unit: form.funding.unit,
    planned: form.objectives.planned,
    actual: form.objectives.actual,
    remarks: form.remarks,
    preparer: form.preparer.name,
    phone: form.preparer.phone,
    total: form.selfScore?.total ?? null,
    grade: form.selfScore?.grade ?? null,
    level1: indicator?.level1 ?? null,
    level2: indicator?.level2 ?? null,
    indicator: indicator?.name ?? null,
    target: indicator?.target ?? null,
    indicatorActual: indicator?.actual ?? null,
    note: indicator?.note ?? null,
    weight: indicator?.weight ?? null,
    score: indicator?.score ?? null,
  };
}

/** `2020-01-01` → `2020.1.1`, the way forms print dates. */
const dotted = (iso: string): string =>
  iso
    .split('-')
    .map((part) => String(Number(part)))
    .join('.');

/**
 * The forms as a flat-template workbook (.xlsx bytes). Score columns are written only when some
 * form prints scores; every form's extras keys become extra columns at the right.
 */
export async function writeFlatTemplate(forms: readonly Form[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const scored = forms.some((f) => f.indicators.some((i) => i.weight !== undefined || i.score !== undefined));
  const lineScored = forms.some((f) => f.funding.lines.some((l) => l.weight !== undefined || l.score !== undefined));
  const columns = FORM_COLUMNS.filter((c) => scored || (c.key !== 'weight' && c.key !== 'score'));
  const extraKeys = [...new Set(forms.flatMap((f) => Object.keys(f.extras ?? {})))];

  const main = book.addWorksheet(MAIN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  main.columns = [
    ...columns.map((c) => ({ header: c.header, width: c.width })),
    ...extraKeys.map((k) => ({ header: k, width: 16 })),
  ];
  for (const form of forms) {
    const indicators = form.indicators.length === 0 ? [null] : form.indicators;
    for (const indicator of indicators) {
      const row = formRow(form, indicator);
      main.addRow([...columns.map((c) => row[c.key]), ...extraKeys.map((k) => form.extras?.[k] ?? null)]);
    }
  }

  const fundingColumns = FUNDING_COLUMNS.filter((c) => lineScored || (c.key !== 'weight' && c.key !== 'score'));
  const funding = book.addWorksheet(FUNDING_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  funding.columns = fundingColumns.map((c) => ({ header: c.header, width: c.width }));
  for (const form of forms) {
    for (const line of form.funding.lines) {
      const values: Record<FundingColumnKey, Cell> = {
        year: form.year,
        name: form.project.name,
        line: line.name,
        initialBudget: line.initialBudget,
        budget: line.budget,
        executed: line.executed,
        rate: line.rate,
        weight: line.weight ?? null,
        score: line.score ?? null,
      };
      funding.addRow(fundingColumns.map((c) => values[c.key]));
    }
  }
  for (const sheet of [main, funding]) {
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  }

  const help = book.addWorksheet(HELP_SHEET);
  help.columns = [{ width: 120 }];
  help.addRow(['项目支出绩效自评表 — 平铺模板填写说明']).font = { bold: true };
  for (const line of HELP) help.addRow([line]).alignment = { wrapText: true };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
