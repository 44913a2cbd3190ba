/**
 * Cutting a grid into forms. Each form starts at a row labelled 项目名称; its title, year and other
 * lines above (outside text, or lone title rows at the end of the previous form's rows) are its
 * head, and the lines after its table (填表人, 备注 …) its tail.
 */
import type { Grid, GridCell } from './grid.js';
import { cellText, fieldKeyOf, inlineFields, isAttachmentLabel, isTitle, isYearLine } from './grid-labels.js';

/** A line of text above or below a form's table; `cell` when it is a lone cell of the grid. */
export interface TextLine {
  readonly text: string;
  readonly location: string;
  readonly cell: GridCell | null;
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

const filled = (row: readonly GridCell[]): GridCell[] => row.filter((c) => cellText(c.text) !== '');

/** Where the rows of the form before `next` end: at a run of lone title/year rows above `next`. */
function cutBefore(grid: Grid, start: number, next: number): number {
  let r = next - 1;
  while (r > start && filled(grid.rows[r] ?? []).length <= 1) r -= 1;
  for (let i = r + 1; i < next; i += 1) {
    const [only] = filled(grid.rows[i] ?? []);
    if (only !== undefined && startsHead(only.text)) return i;
  }
  return next;
}

const rowLines = (grid: Grid, from: number, to: number): TextLine[] =>
  grid.rows
    .slice(from, to)
    .flatMap((row) => filled(row).map((cell) => ({ text: cell.text, location: cell.location, cell })));

/**
 * A grid with no 项目名称 row at all, under a title (转移支付区域绩效目标自评表 prints none, 027):
 * one form of the whole table, `named: false` so the reader takes the title as its name, as the
 * text importer does. None when no line above the table is a title, or when the grid holds several.
 */
function untitledForm(grid: Grid): FormPart[] {
  // The title may be a line above the table or, in a sheet or a table that holds it, a lone cell
  // in one of the rows above the first row of label and value cells.
  let start = 0;
  while (start < grid.rows.length && filled(grid.rows[start] ?? []).length <= 1) start += 1;
  const head = grid.outside.filter((l) => l.beforeRow <= 0);
  const headRows = rowLines(grid, 0, start);
  if (![...head, ...headRows].some((l) => isTitle(l.text)) || start === grid.rows.length) return [];
  // Several titles may be several such forms, which nothing here tells apart: left to the text importer.
  const titles =
    grid.outside.filter((l) => isTitle(l.text)).length +
    grid.rows.filter((row) => filled(row).length === 1 && isTitle(filled(row)[0]?.text ?? '')).length;
  if (titles > 1) return [];
  const line = (l: Grid['outside'][number]): TextLine => ({ text: l.text, location: l.location, cell: null });
  return [
    {
      head: [...head.map(line), ...headRows],
      start,
      end: grid.rows.length,
      tail: grid.outside.filter((l) => l.beforeRow > 0).map(line),
      named: false,
    },
  ];
}

/** Splits the grid into form parts; none when no row is labelled 项目名称. */
export function splitForms(grid: Grid): FormPart[] {
  const anchors: number[] = [];
  grid.rows.forEach((row, r) => {
    if (row.some((cell) => opensForm(cell.text))) anchors.push(r);
  });
  if (anchors.length === 0) return untitledForm(grid);
  const ends = anchors.map((a, k) => {
    const next = anchors[k + 1];
    return next === undefined ? grid.rows.length : cutBefore(grid, a, next);
  });
  const parts = anchors.map((start, k) => {
    const headFrom = k === 0 ? 0 : (ends[k - 1] ?? start);
    return { head: rowLines(grid, headFrom, start), start, end: ends[k] ?? start, tail: [] as TextLine[] };
  });
  // Lines outside the table: before a form's end they belong to it; after it, from the first
  // title-like line on (or after the lone title rows), to the next form.
  const heads: TextLine[][] = parts.map(() => []);
  let k = 0;
  let handedOver = false;
  for (const line of grid.outside) {
    const b = line.beforeRow;
    while (k < parts.length - 1 && b > (anchors[k + 1] ?? Infinity)) {
      k += 1;
      handedOver = false;
    }
    const part = parts[k];
    const next = parts[k + 1];
    const text: TextLine = { text: line.text, location: line.location, cell: null };
    if (part === undefined) continue;
    if (b <= (anchors[0] ?? 0)) heads[0]?.push(text);
    else if (next === undefined || b < part.end) part.tail.push(text);
    else if (b > part.end) heads[k + 1]?.push(text);
    else if (part.end < next.start) part.tail.push(text);
    else if (handedOver || startsHead(line.text)) {
      handedOver = true;
      heads[k + 1]?.push(text);
    } else part.tail.push(text);
  }
  // Outside head lines come before the lone title rows of the grid, except those placed between them.
  return parts.map((part, i) => ({ ...part, head: [...(heads[i] ?? []), ...part.head] }));
}
