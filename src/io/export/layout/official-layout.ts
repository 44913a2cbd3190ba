/**
 * Lays a canonical form out as the official 项目支出绩效自评表 table (the layout of the 财政 template
 * the seed prints): which text goes in which cell, with row and column spans. The HTML/PDF and .xlsx
 * exporters render this one layout, so every export prints the same table. The importers never use
 * it (they read the rendered file back through pdf.js / exceljs / LibreOffice), which keeps the
 * round-trip tests honest.
 */
import type { Form, Indicator } from '../../../domain/form/form.schema.js';

export interface LayoutCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
  /** Labels and column headers are printed bold and centred. */
  readonly role: 'label' | 'value';
}

/** Text printed below the table: label/value pairs (填表人/联系电话) or a plain line (备注). */
export type BelowItem =
  | { readonly kind: 'pairs'; readonly pairs: readonly (readonly [string, string])[] }
  | { readonly kind: 'text'; readonly text: string };

export interface FormLayout {
  readonly above: readonly string[];
  readonly cells: readonly LayoutCell[];
  readonly rowCount: number;
  readonly colCount: number;
  /** The row (0-based, in `cells`) of the indicator table's column headers, repeated on every printed page. */
  readonly indicatorHeaderRow: number;
  readonly below: readonly BelowItem[];
}

/** A printed 二级指标 row with no indicator under it (the seed prints 生态效益指标 / 经济效益指标 empty). */
export interface EmptyCategory {
  readonly level1: string;
  readonly level2: string;
  /** The 二级指标 it is printed before; null appends it at the end of its 一级指标. */
  readonly before: string | null;
}

export interface LayoutOptions {
  /** A line such as `附件2` above the title. */
  readonly attachmentLabel?: string;
  readonly emptyCategories?: readonly EmptyCategory[];
  /** The 备注 lines printed under the table. */
  readonly notes?: readonly string[];
}

/** The 备注 notes of the 财政 template, printed under every form of the seed and by default on exports. */
export const TEMPLATE_NOTES: readonly string[] = [
  '备注：1.请按项目体系一级开展绩效自评，一个项目填报一份自评表。',
  '2.其他资金包括和中央补助、地方财政资金共同投入到同一项目的自有资金、社会资金等。',
  '3.产出数量指完成数、计划完成率等指标；产出质量指产出应该达到的规格、公共服务品质等，如政策公平性、工程验收通过率、业务达标率等；工作实效指按照既定计划完成，如按时完成率等；服务对象满意度一般通过问卷调查或者已有评价系统取数；社会效益指社会稳定、社会文明、社会公正、满足特定人群如残疾人事业需要等；生态效益指设备的污染性减少，水、大气、土壤等环境的改善；经济效益指项目实施带来的经济价值，利润、税收、产值等；可持续影响指未来的收益和效益等。',
  '4.定量指标填写实际完成数。主管部门汇总时，对绝对值直接累加计算，相对值按照资金额度加权平均计算。',
  '5.定性指标根据指标完成情况分为：全部或基本达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档，分别按照100%-80%（含）、80%-60%（含）、60-0%合理填写完成比例。主管部门汇总时，进行加权平均计算。',
];

/**
 * Column widths in percent of the table: narrow label columns and a wide 三级指标, for the seven
 * columns of the template and the nine with 分值/得分; other counts share the width equally.
 */
export function columnPercents(count: number): readonly number[] {
  if (count === 7) return [7, 9, 11, 27, 13, 13, 20];
  if (count === 9) return [7, 8, 9, 21, 10, 10, 9, 9, 17];
  return Array.from({ length: count }, () => 100 / count);
}

/** `2020-01-01`,`2020-12-31` → `2020.1.1-2020.12.31`, as the seed prints it. */
export function formatPeriod(period: Form['project']['period']): string {
  if (period === null) return '';
  const dotted = (iso: string): string =>
    iso
      .split('-')
      .map((part) => String(Number(part)))
      .join('.');
  return `${dotted(period.start)}-${dotted(period.end)}`;
}

const num = (value: number | null | undefined): string => (value == null ? '' : String(value));
const pct = (value: number | null | undefined): string => (value == null ? '' : `${value}%`);

/** Forms put a space between the two characters of a two-character name (`赵 益`). */
function spacedName(name: string | null): string {
  if (name === null) return '';
  return [...name].length === 2 ? [...name].join(' ') : name;
}

interface IndicatorRow {
  readonly level1: string;
  readonly level2: string;
  readonly indicator: Indicator | null;
}

/** Indicators in printed order, with the empty categories inserted where the form prints them. */
function indicatorRows(form: Form, empty: readonly EmptyCategory[]): IndicatorRow[] {
  const rows: IndicatorRow[] = form.indicators.map((indicator) => ({
    level1: indicator.level1,
    level2: indicator.level2,
    indicator,
  }));
  for (const category of empty) {
    const at =
      category.before === null
        ? rows.findLastIndex((r) => r.level1 === category.level1) + 1
        : rows.findIndex((r) => r.level1 === category.level1 && r.level2 === category.before);
    rows.splice(at < 0 ? rows.length : at, 0, { level1: category.level1, level2: category.level2, indicator: null });
  }
  return rows;
}

/** Lengths of the runs of equal keys, for rowspans: `a a b` → `[[0,2],[2,1]]`. */
function runs<T>(items: readonly T[], key: (item: T) => string): [number, number][] {
  const out: [number, number][] = [];
  items.forEach((item, i) => {
    const last = out.at(-1);
    if (last !== undefined && key(items[last[0]] as T) === key(item)) last[1] += 1;
    else out.push([i, 1]);
  });
  return out;
}

/** Lays out one form; see the module comment. */
export function layoutForm(form: Form, options: LayoutOptions = {}): FormLayout {
  const withIndicatorScores = form.indicators.some((i) => i.weight !== undefined || i.score !== undefined);
  const lines = form.funding.lines;
  const withInitial = lines.some((l) => l.initialBudget !== null);
  const withLineScores = lines.some((l) => l.weight !== undefined || l.score !== undefined);

  const fundingHeaders: [string, (l: (typeof lines)[number]) => string][] = [];
  if (withInitial) fundingHeaders.push(['年初预算数', (l) => num(l.initialBudget)]);
  fundingHeaders.push(['全年预算数（A）', (l) => num(l.budget)], ['全年执行数（B）', (l) => num(l.executed)]);
  if (withLineScores) fundingHeaders.push(['分值', (l) => num(l.weight)]);
  fundingHeaders.push(['执行率（B/A)', (l) => pct(l.rate)]);
  if (withLineScores) fundingHeaders.push(['得分', (l) => num(l.score)]);

  const indicatorHeaders = ['一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值'];
  if (withIndicatorScores) indicatorHeaders.push('分值', '得分');
  indicatorHeaders.push('未完成原因和改进措施');

  const width = Math.max(indicatorHeaders.length + 1, fundingHeaders.length + 2);
  const cells: LayoutCell[] = [];
  let row = 0;
  const put = (col: number, colSpan: number, text: string, role: LayoutCell['role'], rowSpan = 1): void => {
    cells.push({ row, col, rowSpan, colSpan, text, role });
  };
  const pairRow = (pairs: readonly (readonly [string, string])[]): void => {
    const valueWidth = Math.floor((width - 2) / 2);
    const [first, second] = pairs;
    if (first) put(0, 2, first[0], 'label');
    if (first) put(2, second ? valueWidth : width - 2, first[1], 'value');
    if (second) put(2 + valueWidth, 1, second[0], 'label');
    if (second) put(3 + valueWidth, width - 3 - valueWidth, second[1], 'value');
    row += 1;
  };

  const p = form.project;
  pairRow([
    ['项目名称', p.name],
    ['项目起止时间', formatPeriod(p.period)],
  ]);
  pairRow([
    ['主管部门', p.department ?? ''],
    ['实施单位', p.implementer ?? ''],
  ]);
  pairRow([
    ['是否重点绩效项目', p.isKeyProject === null ? '' : p.isKeyProject ? '是' : '否'],
    ['项目属性', p.attribute ?? ''],
  ]);
  const extras = Object.entries(form.extras ?? {});
  for (let i = 0; i < extras.length; i += 2) pairRow(extras.slice(i, i + 2) as [string, string][]);

  // Funding: the label spans the block, the line names sit between it and the value columns.
  const valueStart = width - fundingHeaders.length;
  const labelWidth = Math.max(1, Math.floor(valueStart / 2));
  put(0, labelWidth, `项目资金（${form.funding.unit}）`, 'label', lines.length + 1);
  put(labelWidth, valueStart - labelWidth, '', 'value');
  fundingHeaders.forEach(([header], i) => put(valueStart + i, 1, header, 'label'));
  row += 1;
  lines.forEach((line, index) => {
    const name = index === 0 ? `${line.name}：` : index === 1 ? `其中：${line.name}` : line.name;
    put(labelWidth, valueStart - labelWidth, name, 'label');
    fundingHeaders.forEach(([, value], i) => put(valueStart + i, 1, value(line), 'value'));
    row += 1;
  });

  const half = Math.floor(width / 2);
  put(0, 1, '年度总体目标', 'label', 2);
  put(1, half, '年初设定目标', 'label');
  put(half + 1, width - half - 1, '全年实际完成情况', 'label');
  row += 1;
  put(1, half, form.objectives.planned ?? '', 'value');
  put(half + 1, width - half - 1, form.objectives.actual ?? '', 'value');
  row += 1;

  const printed = indicatorRows(form, options.emptyCategories ?? []);
  put(0, 1, '绩效指标', 'label', printed.length + 1);
  const lastSpan = width - indicatorHeaders.length;
  indicatorHeaders.forEach((header, i) =>
    put(1 + i, i === indicatorHeaders.length - 1 ? lastSpan : 1, header, 'label'),
  );
  const indicatorHeaderRow = row;
  row += 1;
  const top = row;
  for (const [start, length] of runs(printed, (r) => r.level1)) {
    cells.push({
      row: top + start,
      col: 1,
      rowSpan: length,
      colSpan: 1,
      text: printed[start]?.level1 ?? '',
      role: 'label',
    });
    const group = printed.slice(start, start + length);
    for (const [s2, l2] of runs(group, (r) => r.level2)) {
      const text = group[s2]?.level2 ?? '';
      cells.push({ row: top + start + s2, col: 2, rowSpan: l2, colSpan: 1, text, role: 'label' });
    }
  }
  for (const printedRow of printed) {
    const i = printedRow.indicator;
    const values = [i?.name ?? '', i?.target ?? '', i?.actual ?? ''];
    if (withIndicatorScores) values.push(num(i?.weight), num(i?.score));
    values.push(i?.note ?? '');
    values.forEach((text, k) => put(3 + k, k === values.length - 1 ? lastSpan : 1, text, 'value'));
    row += 1;
  }

  if (form.selfScore !== undefined) {
    put(0, 1, '总分', 'label');
    put(1, half, num(form.selfScore.total), 'value');
    put(half + 1, 1, '评价等级', 'label');
    put(half + 2, width - half - 2, form.selfScore.grade ?? '', 'value');
    row += 1;
  }
  put(0, 1, '说明', 'label');
  put(1, width - 1, form.remarks ?? '', 'value');
  row += 1;

  const above = [`${form.title}`, `（${form.year}年度）`];
  if (options.attachmentLabel !== undefined) above.unshift(options.attachmentLabel);
  const below: BelowItem[] = [
    {
      kind: 'pairs',
      pairs: [
        ['填表人：', spacedName(form.preparer.name)],
        ['联系电话：', form.preparer.phone ?? ''],
      ],
    },
    ...(options.notes ?? []).map((text): BelowItem => ({ kind: 'text', text })),
  ];
  return { above, cells, rowCount: row, colCount: width, indicatorHeaderRow, below };
}
