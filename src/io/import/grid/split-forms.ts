/**
 * Cutting a grid into forms. A form starts at a row labelled 项目名称, or, for a form that prints
 * none (027, 区域绩效目标自评表), at the first table row under its title. Its title, year and other
 * lines above (outside text, or lone title rows at the end of the previous form's rows) are its
 * head, and the lines after its table (填表人, 备注 …) its tail. Between two forms' tables, the head
 * of the one below starts at its first title, year or 附件 line, with the lines right above it
 * that name that form (报表编号): lines above a title belong to the form the title heads.
 */
import type { Grid, GridCell } from './grid.js';
import {
  cellText,
  fieldKeyOf,
  inlineFields,
  isAttachmentLabel,
  isFundingAnchor,
  isNotesStart,
  isTitle,
  isYearLine,
  splitLabelled,
  unitLineOf,
} from './grid-labels.js';

/** A line of text above or below a form's table; `cell` when it is a lone cell of the grid. */
export interface TextLine {
  readonly text: string;
  readonly location: string;
  readonly cell: GridCell | null;
  /** A table of no form, read as lines (see OutsideLine): reported, never read. */
  readonly otherTable?: boolean;
}

export interface FormPart {
  readonly head: TextLine[];
  /** Rows [start, end) of the form's table. */
  readonly start: number;
  readonly end: number;
  readonly tail: TextLine[];
  /** False for a form printed without 项目名称: its title stands for the name. */
  readonly named?: boolean;
}

const opensForm = (text: string): boolean =>
  fieldKeyOf(text) === 'name' || inlineFields(text)?.some((p) => fieldKeyOf(p.label) === 'name') === true;

const startsHead = (text: string): boolean => isTitle(text) || isYearLine(text) || isAttachmentLabel(text);

/** Labels of what is printed under a table (signatures, dates, notes), never above the next title. */
const TAIL_LABEL = /日期|时间|签字|签章|盖章|审核|负责人|填表|填报|联系|电话|备注|说明|^注/;

/**
 * A line printed right above a title that belongs to the form the title heads: `报表编号:…`
 * (family C), `单位:万元`, an attachment label. Lines the previous form prints under its table
 * (填表人, 填报日期, 备注 and its numbered continuation lines) are not.
 */
function headsNextForm(text: string): boolean {
  const line = cellText(text);
  if (startsHead(line) || unitLineOf(line) !== null) return true;
  if (isNotesStart(line) || /^[(（]?\d+[.、．)）]/.test(line)) return false;
  const { lead, pairs } = splitLabelled(text);
  return (
    lead === '' &&
    pairs.length > 0 &&
    pairs.every((p) => fieldKeyOf(p.label) === undefined && !TAIL_LABEL.test(cellText(p.label)))
  );
}

const filled = (row: readonly GridCell[]): GridCell[] => row.filter((c) => cellText(c.text) !== '');

/** The grid in reading order: each row preceded by the lines printed above it. */
type Item =
  | { readonly kind: 'line'; readonly text: string; readonly location: string; readonly otherTable?: boolean }
  | { readonly kind: 'row'; readonly row: number };

interface Layout {
  readonly items: readonly Item[];
  /** Index in `items` of each row. */
  readonly rowItem: readonly number[];
}

function layoutOf(grid: Grid): Layout {
  const items: Item[] = [];
  const rowItem: number[] = [];
  let next = 0;
  for (let r = 0; r <= grid.rows.length; r += 1) {
    for (; next < grid.outside.length && (grid.outside[next]?.beforeRow ?? 0) <= r; next += 1) {
      const line = grid.outside[next];
      if (line !== undefined) items.push({ kind: 'line', ...line });
    }
    if (r < grid.rows.length) {
      rowItem.push(items.length);
      items.push({ kind: 'row', row: r });
    }
  }
  return { items, rowItem };
}

/** The text of a line, or of a row holding one filled cell (a title row of a sheet); else null. */
function loneText(grid: Grid, item: Item | undefined): string | null {
  if (item === undefined || (item.kind === 'line' && item.otherTable === true)) return null;
  if (item.kind === 'line') return item.text;
  const cells = filled(grid.rows[item.row] ?? []);
  return cells.length === 1 ? (cells[0]?.text ?? null) : null;
}

/** A row of the table proper: a label and its value, or several columns. */
const isBodyRow = (grid: Grid, r: number): boolean => filled(grid.rows[r] ?? []).length >= 2;

const hasFundingRow = (grid: Grid, from: number, to: number): boolean =>
  grid.rows.slice(from, to).some((row) => row.some((cell) => isFundingAnchor(cell.text)));

interface FormStart {
  readonly row: number;
  readonly named: boolean;
}

/**
 * Where forms start: every 项目名称 row, and the first table row under a title that heads no
 * 项目名称 row (a form printed without one). Such a title starts a form only when the rows it
 * heads hold a funding section and, after another form, when that form's rows before it do too:
 * a title repeated over a table continued on the next page (a running head) starts nothing.
 */
function formStarts(grid: Grid, layout: Layout): FormStart[] {
  const anchors: number[] = [];
  grid.rows.forEach((row, r) => {
    if (row.some((cell) => opensForm(cell.text))) anchors.push(r);
  });
  // The first row printed after each title (after a title row of a sheet, the row below it).
  const rowAfter: number[] = [];
  let nextRow = grid.rows.length;
  for (let i = layout.items.length - 1; i >= 0; i -= 1) {
    const item = layout.items[i];
    const text = loneText(grid, item);
    if (text !== null && isTitle(text)) rowAfter.push(nextRow);
    if (item?.kind === 'row') nextRow = item.row;
  }
  rowAfter.reverse();
  const starts: FormStart[] = anchors.map((row) => ({ row, named: true }));
  for (const from of rowAfter) {
    let t = from;
    while (t < grid.rows.length && !isBodyRow(grid, t)) t += 1;
    if (t >= grid.rows.length) continue;
    if (anchors.some((a) => a >= from && a <= t) || starts.some((s) => s.row === t)) continue;
    const next = Math.min(grid.rows.length, ...anchors.filter((a) => a > t), ...rowAfter.filter((p) => p > t));
    if (!hasFundingRow(grid, t, next)) continue;
    const before = starts.filter((s) => s.row < t).map((s) => s.row);
    if (before.length > 0 && !hasFundingRow(grid, Math.max(...before), from)) continue;
    starts.push({ row: t, named: false });
  }
  return starts.sort((a, b) => a.row - b.row);
}

/**
 * Where the head of the form starting at row `start` begins (an index in `items`), the form
 * before it starting at `prev`: at the first title, year or 附件 line after the last table row of
 * the form before, and the lines right above it that belong with it (`报表编号:…`); with none, at
 * the row itself (what is printed between is the tail of the form before).
 */
function headFrom(grid: Grid, layout: Layout, prev: number, start: number): number {
  let last = start - 1;
  while (last > prev && !isBodyRow(grid, last)) last -= 1;
  const gapFrom = (layout.rowItem[last] ?? 0) + 1;
  const rowAt = layout.rowItem[start] ?? layout.items.length;
  let cut = rowAt;
  for (let i = gapFrom; i < rowAt; i += 1) {
    const text = loneText(grid, layout.items[i]);
    if (text !== null && startsHead(cellText(text))) {
      cut = i;
      break;
    }
  }
  if (cut === rowAt) return cut;
  while (cut > gapFrom) {
    const text = loneText(grid, layout.items[cut - 1]);
    if (text === null || !headsNextForm(text)) break;
    cut -= 1;
  }
  return cut;
}

/** Splits the grid into form parts; none when no row is labelled 项目名称 and no title heads a form. */
export function splitForms(grid: Grid): FormPart[] {
  const layout = layoutOf(grid);
  const { items, rowItem } = layout;
  const starts = formStarts(grid, layout);
  const cuts = starts.map((s, k) => (k === 0 ? 0 : headFrom(grid, layout, starts[k - 1]?.row ?? 0, s.row)));
  return starts.map((s, k) => {
    const startItem = rowItem[s.row] ?? items.length;
    const endItem = cuts[k + 1] ?? items.length;
    const head: TextLine[] = [];
    const tail: TextLine[] = [];
    let end = s.row;
    items.slice(cuts[k] ?? 0, endItem).forEach((item, n) => {
      const before = (cuts[k] ?? 0) + n < startItem;
      if (item.kind === 'line') {
        const line = { text: item.text, location: item.location, cell: null };
        (before ? head : tail).push(item.otherTable === true ? { ...line, otherTable: true } : line);
      } else if (before) {
        for (const cell of filled(grid.rows[item.row] ?? []))
          head.push({ text: cell.text, location: cell.location, cell });
      } else end = item.row + 1;
    });
    return { head, start: s.row, end, tail, ...(s.named ? {} : { named: false }) };
  });
}
