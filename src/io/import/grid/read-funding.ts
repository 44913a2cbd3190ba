/**
 * Reading the 项目资金 block: the anchor cell (which prints the unit), the column headers
 * (年初预算数 / 全年预算数（A） / 全年执行数（B） / 执行率 / 分值 / 得分) and one line per row, by
 * column position rather than by the order of numbers.
 */
import type { FundingLine } from '../../../domain/form/form.schema.js';
import type { GridCell } from './grid.js';
import {
  cellText,
  fundingColumnOf,
  fundingLineName,
  isFundingAnchor,
  isNothing,
  pointsOf,
  rowKindOf,
  unitOf,
} from './grid-labels.js';
import { readParsed, report, setExtra, take, type FormContext } from './form-draft.js';
import { parseNumber, parseRate } from './parse-cell-values.js';
import type { FundingColumn } from '../text/vocabulary.js';
import { isPairsRow, money, readFundingPairs } from './read-funding-pairs.js';
import { findHeaderRow, type HeaderColumn } from './header-row.js';
import { readFundingSources, sourceColumns } from './read-funding-sources.js';

type Column = HeaderColumn<FundingColumn>;

/** Reads the header row of the block: ≥2 known funding headers within the first three rows. */
function findHeader(ctx: FormContext, from: number, end: number): { row: number; columns: Column[] } | null {
  const header = findHeaderRow(ctx, from, end, fundingColumnOf, (_, columns) => columns.length >= 2);
  if (header !== null)
    for (let r = from; r <= header.row; r += 1) for (const cell of ctx.grid.rows[r] ?? []) takeLabelOrBlank(ctx, cell);
  return header;
}

/** Header-area cells: anchors, headers and blanks are placed; anything else is left to report. */
function takeLabelOrBlank(ctx: FormContext, cell: GridCell): void {
  const text = cellText(cell.text);
  if (isFundingAnchor(text)) {
    const unit = unitOf(text);
    if (unit !== null) ctx.draft.unit = unit;
    keepPoints(ctx, text, cell.location);
    ctx.consumed.add(cell);
  } else if (text === '' || fundingColumnOf(text) !== undefined || /^(资金来源|来源|项目资金|资金)$/.test(text)) {
    ctx.consumed.add(cell);
  }
}

/**
 * Scored templates print the block's points after its label (`预算执行情况(万元)(20分)`); they are
 * kept in extras as the text importer keeps them (`预算执行情况(万元)(分值)`).
 */
export function keepPoints(ctx: FormContext, text: string, location: string): void {
  const { base, points } = pointsOf(text);
  if (points === null) return;
  // Keyed as the text importer keys it: the label as printed, without a number (`年度绩效目标1`).
  setExtra(ctx, `${base.replace(/\d+$/, '')}(分值)`, points, location);
}

/**
 * Reads the funding block that starts at row `from`; returns the first row after it. Rows end at
 * the next row that opens another part of the form.
 */
export function readFunding(ctx: FormContext, from: number, end: number): number {
  const header = findHeader(ctx, from, end);
  if (header === null) {
    for (const cell of ctx.grid.rows[from] ?? []) takeLabelOrBlank(ctx, cell);
    report(
      ctx,
      'grid-no-funding-header',
      'warning',
      '项目资金部分没有找到“全年预算数/全年执行数/执行率”等列标题，资金未读取。请核对表格。',
      {
        location: ctx.grid.rows[from]?.[0]?.location ?? null,
        raw: null,
      },
    );
    return from + 1;
  }
  // Central-transfer forms print `预算数: | 2.38 | 执行数: | 2.38`: label/value pairs, not columns.
  if (isPairsRow(ctx.grid.rows[header.row] ?? [])) return readFundingPairs(ctx, header.row, end);
  const firstValueCol = Math.min(...header.columns.map((c) => c.c0));
  const sources = sourceColumns(ctx, header.row, firstValueCol);
  if (sources !== null) return readFundingSources(ctx, header.row, sources, header.columns, end);
  let r = header.row + 1;
  for (; r < end; r += 1) {
    const cells = ctx.grid.rows[r] ?? [];
    if (rowKindOf(cells.map((c) => c.text)) !== 'other') break;
    readLine(ctx, r, firstValueCol, header.columns);
  }
  return r;
}

function readLine(ctx: FormContext, row: number, firstValueCol: number, columns: readonly Column[]): void {
  const { matrix } = ctx;
  // The name: cells left of the values, except the block's anchor and a bare 其中 spanning rows.
  const nameCells = new Set<GridCell>();
  for (let c = 0; c < firstValueCol; c += 1) {
    const cell = matrix.at(row, c);
    if (cell === undefined || isFundingAnchor(cell.text)) continue;
    if (cell.row !== row && /^其中[：:]?$/.test(cellText(cell.text))) continue;
    nameCells.add(cell);
  }
  const name = fundingLineName([...nameCells].map((cell) => take(ctx, cell)).join(''));
  const values = columns.map((column) => {
    const cell = matrix.best(row, column.c0, column.c1, true);
    return { column, cell, text: take(ctx, cell) };
  });
  if (name === '' && values.every((v) => isNothing(v.text))) return;
  const index = ctx.draft.fundingLines.length;
  const line: FundingLine = { name, initialBudget: null, budget: null, executed: null, rate: null };
  const read = new Map<string, GridCell | undefined>();
  for (const { column, cell, text } of values) {
    const location = cell?.location ?? '';
    const path = `funding.lines[${index}].${column.key}`;
    // A second column of a kind already read (a header printed twice) has no field of its own:
    // its text is kept under its header, not written over the first (unless one cell spans both).
    if (column.key !== 'extra' && read.has(column.key)) {
      if (!isNothing(text) && read.get(column.key) !== cell) setExtra(ctx, `${name}(${column.header})`, text, location);
      continue;
    }
    read.set(column.key, cell);
    if (column.key === 'extra') {
      // A 原因 / 得分计算方法 note has no field: it is kept under the line's name, as the text
      // importer keeps it (`总额(说明)`). A note merged down the block is read once, at its top row.
      if (!isNothing(text)) setExtra(ctx, `${name}(说明)`, text, location);
      continue;
    }
    const parsed =
      column.key === 'rate'
        ? parseRate(text)
        : column.key === 'weight' || column.key === 'score'
          ? parseNumber(text)
          : money(ctx, text);
    line[column.key] = readParsed(ctx, parsed, text, location, path, column.header);
  }
  if (name === '') {
    report(ctx, 'grid-unnamed-funding-line', 'warning', '有一行资金没有名称，已按空名称导入。请核对。', {
      location: values.find((v) => v.cell !== undefined)?.cell?.location ?? null,
      raw: values.map((v) => v.text).join(' | '),
      path: `funding.lines[${index}].name`,
    });
  }
  ctx.draft.fundingLines.push(line);
}
