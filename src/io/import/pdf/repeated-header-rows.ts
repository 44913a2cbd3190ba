/**
 * A table that runs over a page break often prints its header row(s) again at the top of each
 * new page (`<thead>` in HTML, 标题行重复 in Word, print titles in Excel). Read as rows they would
 * be a second header in the middle of the indicators; they are recognised by being the same
 * cells with the same text as rows printed before in the same table.
 */

/** A cell of a table part by grid lines (shared by the parts of a continued table) and text. */
export interface TopCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
}

/** At most this many rows are repeated: a header is a row or two, a few with a title row. */
const MAX_HEADER_ROWS = 3;

/** A part's cells by the row they start on, each with its key text (white space removed). */
type RowIndex = readonly (readonly { readonly cell: TopCell; readonly text: string }[])[];

function indexRows(cells: readonly TopCell[]): RowIndex {
  const rows: { cell: TopCell; text: string }[][] = [];
  for (const cell of cells) (rows[cell.row] ??= []).push({ cell, text: cell.text.replace(/\s+/g, '') });
  return Array.from(rows, (row) => row ?? []);
}

/**
 * The cells lying wholly within rows from..from+k-1, as one key relative to `from`. A cell
 * reaching into the rows below (the empty or labelled part of a row-spanning label that Excel and
 * Word cut at the page) is left out: it is not part of the repeated header.
 */
function windowKey(rows: RowIndex, from: number, k: number): string {
  const keys: string[] = [];
  for (let r = from; r < from + k; r++) {
    for (const { cell: c, text } of rows[r] ?? []) {
      if (c.row + c.rowSpan <= from + k) keys.push(`${c.row - from}:${c.col}:${c.colSpan}:${c.rowSpan}:${text}`);
    }
  }
  return keys.sort().join('|');
}

/**
 * How many top rows of `part` repeat rows of an earlier part of the same table (`earlier`): the
 * largest k ≤ 3 such that the cells lying within the part's rows 0..k-1 are the same (columns,
 * spans, text) as those within k consecutive rows of an earlier part, each of the k rows starts
 * such a cell, at least two of them have text, and the part has rows left after them. 0 when the
 * part repeats nothing.
 */
export function repeatedHeaderRows(earlier: readonly (readonly TopCell[])[], part: readonly TopCell[]): number {
  const rows = Math.max(0, ...part.map((c) => c.row + c.rowSpan));
  const partRows = indexRows(part);
  // Indexed once per call, not once per window: a long table has hundreds of rows to slide over.
  const earlierRows = earlier.map(indexRows);
  let best = 0;
  for (let k = 1; k <= MAX_HEADER_ROWS && k < rows; k++) {
    const inside = part.filter((c) => c.row + c.rowSpan <= k);
    const everyRow = Array.from({ length: k }, (_, r) => inside.some((c) => c.row === r)).every(Boolean);
    if (!everyRow || inside.filter((c) => c.text.trim() !== '').length < 2) break;
    const key = windowKey(partRows, 0, k);
    const repeated = earlierRows.some((cells) => {
      for (let from = 0; from + k <= cells.length; from++) if (windowKey(cells, from, k) === key) return true;
      return false;
    });
    if (repeated) best = k;
  }
  return best;
}
