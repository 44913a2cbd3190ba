/**
 * Rebuilds the tables of a PDF from glyph positions and drawn lines into one Grid (see
 * ../grid/grid.ts): ruled tables give rows, columns and merged cells; the text runs inside a cell
 * become its text with one `\n` per printed line (so a stacked vertical label 绩/效/指/标 reads
 * "绩\n效\n指\n标" and a wrapped cell keeps its lines); text outside every table becomes
 * `grid.outside` in reading order. Tables of all pages are concatenated row after row.
 */
import type { Grid, GridCell, OutsideLine } from '../grid/grid.js';
import type { TextPiece } from './assemble-lines.js';
import { assembleLines, cellText, joinWrappedHeadings, MIDDLE_ABOVE_BASELINE, WIDE_CHAR } from './assemble-lines.js';
import type { PdfPageContent, PdfTextRun } from './extract-pdf-glyphs.js';
import type { RuledTable, TableCell } from './find-tables.js';
import { cutTableCells, drawnAcross, findRuledTables } from './find-tables.js';
import { dropClippedOverflow } from './drop-clipped-overflow.js';
import { dropPageFurniture } from './drop-page-furniture.js';
import { dropRepeatedTitles } from './drop-repeated-titles.js';
import { groupContinuedTables } from './group-continued-tables.js';
import type { CellAbove } from './join-page-breaks.js';
import { continuesAbove } from './join-page-breaks.js';
import type { TopCell } from './repeated-header-rows.js';
import { repeatedHeaderRows } from './repeated-header-rows.js';
import { isUnrelatedTable } from './unrelated-tables.js';
import { cellText as joinedCellText } from '../grid/grid-labels.js';

interface PlacedTable {
  readonly table: RuledTable;
  readonly cells: TableCell[];
  /** Index into `cells` of the cell covering each grid square, row-major. */
  readonly owner: Int32Array;
  readonly pieces: TextPiece[][];
}

/** Index of the last value ≤ x in an ascending array, or -1. */
function lastAtMost(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function placeTable(table: RuledTable): PlacedTable {
  const cells = cutTableCells(table);
  return { table, cells, owner: ownerOf(table, cells), pieces: cells.map(() => []) };
}

/** Index into `cells` of the cell covering each grid square of the table, row-major. */
function ownerOf(table: RuledTable, cells: readonly TableCell[]): Int32Array {
  const cols = table.xs.length - 1;
  const owner = new Int32Array((table.ys.length - 1) * cols).fill(-1);
  cells.forEach((cell, k) => {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) owner[r * cols + c] = k;
    }
  });
  return owner;
}

const textCells = new WeakMap<PlacedTable, TopCell[]>();

/**
 * The cells of a placed table with their text (to compare parts of a table, or read it as lines);
 * made once per table, as several steps ask.
 */
function cellsWithText(t: PlacedTable): TopCell[] {
  let cells = textCells.get(t);
  if (cells === undefined) {
    const { xs } = t.table;
    cells = t.cells.map((c, k) => ({
      ...c,
      text: cellText(t.pieces[k] ?? [], xs[c.col] ?? 0, xs[c.col + c.colSpan] ?? Infinity),
    }));
    textCells.set(t, cells);
  }
  return cells;
}

/**
 * The table without its first `k` rows (a header repeated after a page break). A cell reaching
 * below them (a row-spanning label cut by the page) keeps its text and starts under them.
 */
function withoutTopRows(t: PlacedTable, k: number): PlacedTable {
  const ys = t.table.ys.slice(k);
  const table = { ...t.table, ys, top: ys[0] ?? t.table.top };
  const kept = t.cells.flatMap((c, i) => {
    if (c.row + c.rowSpan <= k) return [];
    const row = Math.max(0, c.row - k);
    return [{ cell: { ...c, row, rowSpan: c.row + c.rowSpan - k - row }, pieces: t.pieces[i] ?? [] }];
  });
  const cells = kept.map((x) => x.cell);
  return { table, cells, owner: ownerOf(table, cells), pieces: kept.map((x) => x.pieces) };
}

/**
 * Drops the header rows that a continued table repeats at the top of each new page (see
 * repeated-header-rows.ts), in place, so that the rows after them join the part before the break.
 */
function dropRepeatedHeaders(placedByPage: PlacedTable[][], groupOf: readonly (readonly number[])[]): void {
  const partsOfGroup = new Map<number, TopCell[][]>();
  placedByPage.forEach((placed, p) =>
    placed.forEach((t, i) => {
      const group = groupOf[p]?.[i] ?? -1;
      const earlier = partsOfGroup.get(group) ?? [];
      const cells = cellsWithText(t);
      const k = earlier.length === 0 ? 0 : repeatedHeaderRows(earlier, cells);
      if (k > 0) placed[i] = withoutTopRows(t, k);
      partsOfGroup.set(group, [...earlier, cells]);
    }),
  );
}

/** The cell of `placed` under the point, or -1. */
function cellAt(placed: PlacedTable, x: number, y: number): number {
  const { xs, ys } = placed.table;
  const r = lastAtMost(ys, y);
  const c = lastAtMost(xs, x);
  if (r < 0 || c < 0 || r >= ys.length - 1 || c >= xs.length - 1) return -1;
  return placed.owner[r * (xs.length - 1) + c] ?? -1;
}

/** Which table and cell (`t:k`) lies under a point, or '' for none. */
function placeOf(placed: readonly PlacedTable[], x: number, y: number): string {
  for (let t = 0; t < placed.length; t++) {
    const p = placed[t];
    const k = p ? cellOf(p, x, y) : -1;
    if (k >= 0) return `${t}:${k}`;
  }
  return '';
}

/**
 * The groups of tables with nothing of a self-evaluation form (unrelated-tables.ts); none when no
 * group is a form's, so that a file of such tables is read as before (the text fallback).
 */
function unrelatedGroups(placedByPage: readonly PlacedTable[][], groupOf: readonly (readonly number[])[]): Set<number> {
  const texts = new Map<number, string[]>();
  placedByPage.forEach((placed, p) =>
    placed.forEach((t, i) => {
      const group = groupOf[p]?.[i] ?? -1;
      const list = texts.get(group) ?? [];
      for (const c of cellsWithText(t)) list.push(c.text);
      texts.set(group, list);
    }),
  );
  const unrelated = new Set([...texts].filter(([, list]) => isUnrelatedTable(list)).map(([group]) => group));
  return unrelated.size === texts.size ? new Set() : unrelated;
}

/** A table's rows as lines: the texts of the cells starting on each row, left to right. */
function tableLines(t: PlacedTable): string[] {
  const cells = cellsWithText(t);
  const starts = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
  return starts.flatMap((row) => {
    const texts = cells
      .filter((c) => c.row === row)
      .sort((a, b) => a.col - b.col)
      .map((c) => joinedCellText(c.text))
      .filter((x) => x !== '');
    return texts.length === 0 ? [] : [texts.join(' ')];
  });
}

/** Estimated advance of a character in em: ideographs and full-width forms are square. */
const advance = (ch: string): number => (WIDE_CHAR.test(ch) ? 1 : ch === ' ' ? 0 : 0.5);

/**
 * Pieces of a run as placed in cells: the whole run when it starts and ends in the same cell,
 * else the run cut where the cell under its characters changes. pdfjs joins text that Word and
 * LibreOffice draw in neighbouring cells into one run (`项目起止时间 2020.1.1-2020.12.31`), so
 * character positions are estimated — ideographs 1 em, others ½ em, the rest of the run's width
 * shared by its spaces — which is exact enough to find the cell boundary in the gap.
 */
function splitRun(run: PdfTextRun, placed: readonly PlacedTable[]): TextPiece[] {
  const middle = run.y - MIDDLE_ABOVE_BASELINE * run.size;
  const inset = run.size * 0.1;
  const chars = Array.from(run.text);
  if (
    chars.length < 2 ||
    placeOf(placed, run.x + inset, middle) === placeOf(placed, run.x + run.width - inset, middle)
  ) {
    return [run];
  }
  const widths = chars.map((ch) => advance(ch) * run.size);
  const estimated = widths.reduce((a, b) => a + b, 0);
  const spaces = chars.filter((ch) => ch === ' ').length;
  const spare = run.width - estimated;
  const scale = spare < 0 || spaces === 0 ? run.width / (estimated || 1) : 1;
  const spaceWidth = spare > 0 && spaces > 0 ? spare / spaces : 0;
  const pieces: TextPiece[] = [];
  let x = run.x;
  let current: { text: string; x: number; end: number; place: string } | null = null;
  const flush = (): void => {
    const text = current?.text.trim();
    if (current && text) pieces.push({ text, x: current.x, y: run.y, width: current.end - current.x, size: run.size });
    current = null;
  };
  chars.forEach((ch, i) => {
    const w = ch === ' ' ? spaceWidth : (widths[i] ?? 0) * scale;
    if (ch !== ' ') {
      const place = placeOf(placed, x + w / 2, middle);
      if (current?.place !== place) {
        flush();
        current = { text: '', x, end: x, place };
      }
    }
    if (current) {
      current.text += ch;
      current.end = x + w;
    }
    x += w;
  });
  flush();
  return pieces;
}

function cellOf(placed: PlacedTable, x: number, y: number): number {
  const { left, right, top, bottom } = placed.table;
  if (x < left || x > right || y < top || y > bottom) return -1;
  return cellAt(placed, x, y);
}

/** Maps used indices to 0..n-1 so that empty grid lines do not leave empty rows or columns. */
function compactIndex(starts: readonly number[]): (i: number) => number {
  const used = [...new Set(starts)].sort((a, b) => a - b);
  return (i) => lastAtMost(used, i - 0.5) + 1;
}

type MutableCell = { -readonly [K in keyof GridCell]: GridCell[K] };

/** A cell at the bottom of a table part, carried to the part after the page break. */
interface Carried extends CellAbove {
  readonly cell: MutableCell;
}

/**
 * Whether a cell's text touches its top and its bottom edge (within one line): text cut by a
 * page break runs to the edge, while a cell that merely starts or ends there is padded or
 * centred away from it.
 */
function textEdges(pieces: readonly TextPiece[], top: number, bottom: number): { top: boolean; bottom: boolean } {
  if (pieces.length === 0) return { top: false, bottom: false };
  const size = Math.max(...pieces.map((p) => p.size));
  const textTop = Math.min(...pieces.map((p) => p.y - p.size));
  const textBottom = Math.max(...pieces.map((p) => p.y + 0.25 * p.size));
  return { top: textTop - top <= size, bottom: bottom - textBottom <= size };
}

/** How far (in lines) text may overflow under a table cut by a page break. */
const OVERFLOW_LINES = 3;

/**
 * Chromium lets the last line of a cell cut by a page break overflow the table's bottom edge
 * (a stacked label's 度 of 年/度/总/体…). A piece just under a table, within a few lines, belongs
 * to the bottom cell above it when that cell is open at the bottom. Returns whether it was placed.
 */
function overflowIntoCell(placed: readonly PlacedTable[], piece: TextPiece, cx: number, cy: number): boolean {
  for (const t of placed) {
    const { table } = t;
    if (cx < table.left || cx > table.right || cy <= table.bottom || cy > table.bottom + OVERFLOW_LINES * piece.size)
      continue;
    const k = cellAt(t, cx, table.bottom - 0.5);
    const cell = t.cells[k];
    if (!cell || drawnAcross(table, cell.row + cell.rowSpan, cell.col, cell.colSpan)) continue;
    t.pieces[k]?.push(piece);
    return true;
  }
  return false;
}

/** Puts each run (or its characters) into the cell under it; returns what no cell took. */
function distributeRuns(runs: readonly PdfTextRun[], placed: readonly PlacedTable[]): TextPiece[] {
  const loose: TextPiece[] = [];
  for (const run of runs) {
    for (const piece of splitRun(run, placed)) {
      const cx = piece.x + piece.width / 2;
      const cy = piece.y - MIDDLE_ABOVE_BASELINE * piece.size;
      const home = placed.find((t) => cellOf(t, cx, cy) >= 0);
      if (home) home.pieces[cellOf(home, cx, cy)]?.push(piece);
      else if (!overflowIntoCell(placed, piece, cx, cy)) loose.push(piece);
    }
  }
  return loose;
}

export interface PdfToGridOptions {
  /**
   * Read the tables of a document that are no form's (unrelated-tables.ts) as one outside line
   * each (`otherTable`, its rows as lines), when some other table is a form's. The importer does; the table rebuild alone keeps
   * every table as rows.
   */
  readonly unrelatedTablesAsLines?: boolean;
}

/**
 * Builds the file's Grid from its pages. Cell locations read `第3页 表1 第4行第2列` (table-local,
 * 1-based); outside lines read `第3页`. A cell that a page break cut in two (open at the bottom of
 * one page and at the top of the next, same columns) becomes one cell. Page headers and footers
 * are left out (drop-page-furniture.ts), and so are the clipped copies of a cut merged cell's text
 * (drop-clipped-overflow.ts) and the title lines a spreadsheet repeats on every page
 * (drop-repeated-titles.ts). Never throws.
 */
export function pdfToGrid(printed: readonly PdfPageContent[], file: string, options: PdfToGridOptions = {}): Grid {
  const tablesByPage = printed.map((page) => findRuledTables(page.rules));
  const pages = dropRepeatedTitles(
    dropClippedOverflow(dropPageFurniture(printed, tablesByPage), tablesByPage),
    tablesByPage,
  );
  const groupOf = groupContinuedTables(pages, tablesByPage);
  const placedByPage = tablesByPage.map((tables) => tables.map(placeTable));
  const looseByPage = pages.map((page, p) => distributeRuns(page.runs, placedByPage[p] ?? []));
  dropRepeatedHeaders(placedByPage, groupOf);

  // Column numbering is shared by the tables of a group, so compact it over the whole group.
  const groupStarts = new Map<number, number[]>();
  placedByPage.forEach((placed, p) =>
    placed.forEach((t, i) => {
      const g = groupOf[p]?.[i] ?? -1;
      const starts = groupStarts.get(g) ?? [];
      for (const c of t.cells) starts.push(c.col);
      groupStarts.set(g, starts);
    }),
  );

  const unrelated =
    options.unrelatedTablesAsLines === true ? unrelatedGroups(placedByPage, groupOf) : new Set<number>();
  /** Whether each group is read as lines of text (decided at its first part, see below). */
  const asLines = new Map<number, boolean>();
  let linesSinceTable = 0;
  let previousGroup: number | undefined;

  const rows: MutableCell[][] = [];
  const outside: OutsideLine[] = [];
  let lastGroup = -1;
  /** Cells of the previous table that end on its last grid line, by `col:colSpan`. */
  let below = new Map<string, Carried>();

  pages.forEach((page, p) => {
    const placed = placedByPage[p] ?? [];
    const events: ({ y: number; line: string } | { y: number; index: number })[] = [
      ...joinWrappedHeadings(assembleLines(looseByPage[p] ?? [])).map((l) => ({ y: l.y, line: l.text })),
      ...placed.map((t, index) => ({ y: t.table.top, index })),
    ].sort((a, b) => a.y - b.y);
    for (const event of events) {
      if ('line' in event) {
        if (event.line !== '') {
          outside.push({ text: event.line, location: `第${page.page}页`, beforeRow: rows.length });
          linesSinceTable++;
        }
        continue;
      }
      const t = placed[event.index];
      if (!t) continue;
      const group = groupOf[p]?.[event.index] ?? -1;
      // A table of no form is read as lines, unless it follows a form's table with nothing
      // printed between them: then it may be the form's own rows (a continuation whose level
      // cells are empty), which the grid mapper reads.
      if (!asLines.has(group)) {
        const afterForm = previousGroup !== undefined && !unrelated.has(previousGroup) && linesSinceTable === 0;
        asLines.set(group, unrelated.has(group) && !afterForm);
      }
      previousGroup = group;
      linesSinceTable = 0;
      if (asLines.get(group) === true) {
        const text = tableLines(t).join('\n');
        if (text !== '')
          outside.push({
            text,
            location: `第${page.page}页 表${event.index + 1}`,
            beforeRow: rows.length,
            otherTable: true,
          });
        continue;
      }
      const above = group === lastGroup ? below : new Map<string, Carried>();
      lastGroup = group;
      below = new Map();
      const { table } = t;
      const lastLine = table.ys.length - 1;
      const row = compactIndex(t.cells.map((c) => c.row));
      const col = compactIndex(groupStarts.get(group) ?? []);
      const base = rows.length;
      const cells = t.cells.map((cell, k) => {
        const r = row(cell.row);
        const c = col(cell.col);
        const colSpan = col(cell.col + cell.colSpan) - c;
        const key = `${c}:${colSpan}`;
        const grid: MutableCell = {
          row: base + r,
          col: c,
          rowSpan: row(cell.row + cell.rowSpan) - r,
          colSpan,
          text: cellText(t.pieces[k] ?? [], table.xs[cell.col] ?? 0, table.xs[cell.col + cell.colSpan] ?? Infinity),
          location: `第${page.page}页 表${event.index + 1} 第${r + 1}行第${c + 1}列`,
        };
        const edges = textEdges(t.pieces[k] ?? [], table.ys[cell.row] ?? 0, table.ys[cell.row + cell.rowSpan] ?? 0);
        return { cell, grid, key, edges };
      });
      const first = cells.filter((x) => x.cell.row === 0);
      const aboveAllOpen = [...above.values()].every((a) => a.open);
      const joins = continuesAbove(
        first.map((x) => ({
          text: x.grid.text,
          open: !drawnAcross(table, 0, x.cell.col, x.cell.colSpan),
          atEdge: x.edges.top,
          above: above.get(x.key),
          rows: x.grid.rowSpan,
        })),
        aboveAllOpen,
      );
      for (const { cell, grid, key, edges } of cells) {
        const j = cell.row === 0 ? first.findIndex((x) => x.cell === cell) : -1;
        const before = j >= 0 && joins[j] ? above.get(key)?.cell : undefined;
        let target = grid;
        if (before) {
          before.rowSpan = grid.row + grid.rowSpan - before.row;
          before.text = [before.text, grid.text].filter((x) => x !== '').join('\n');
          target = before;
        } else {
          (rows[grid.row] ??= []).push(grid);
        }
        const end = cell.row + cell.rowSpan;
        if (end === lastLine) {
          const open = !drawnAcross(table, end, cell.col, cell.colSpan);
          below.set(key, { cell: target, text: target.text, open, atEdge: edges.bottom, rows: target.rowSpan });
        }
      }
    }
  });
  return dropCoveredRows(file, rows, outside);
}

/**
 * A row that a page-break join left without cells of its own is covered entirely by the cells
 * above it and says nothing new; drop it and renumber, so that the mapper does not read the row
 * above twice. Rows were filled in cell order (row-major), so each row is ordered by column.
 */
function dropCoveredRows(
  file: string,
  rows: readonly (MutableCell[] | undefined)[],
  outside: readonly OutsideLine[],
): Grid {
  const kept: number[] = [];
  for (let i = 0; i < rows.length; i++) if ((rows[i]?.length ?? 0) > 0) kept.push(i);
  const index = compactIndex(kept);
  return {
    file,
    rows: kept.map((i) =>
      (rows[i] ?? []).map((c) => ({ ...c, row: index(c.row), rowSpan: index(c.row + c.rowSpan) - index(c.row) })),
    ),
    outside: outside.map((o) => ({ ...o, beforeRow: index(o.beforeRow) })),
  };
}
