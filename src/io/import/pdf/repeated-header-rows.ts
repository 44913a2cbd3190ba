/**
 * A table that runs over a page break often prints its header row(s) again at the top of each
 * new page (`<thead>` in HTML, 标题行重复 in Word, print titles in Excel). Read as rows they would
 * be a second header in the middle of the indicators; they are recognised by being the same
 * cells with the same text as the top rows of the table's first part.
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

const key = (c: TopCell): string => `${c.col}:${c.colSpan}:${c.rowSpan}:${c.text.replace(/\s+/g, '')}`;

/** The cells starting on row `r`, as keys in column order. */
function rowKeys(cells: readonly TopCell[], r: number): string[] {
  return cells
    .filter((c) => c.row === r)
    .sort((a, b) => a.col - b.col)
    .map(key);
}

/**
 * How many top rows of `part` repeat the top rows of `first` (the first part of the same table):
 * the largest k ≤ 3 such that rows 0..k-1 hold the same cells (columns, spans, text) in both,
 * no cell of those rows reaches below row k, at least two of their cells have text, and the part
 * has rows left after them. 0 when the part repeats nothing.
 */
export function repeatedHeaderRows(first: readonly TopCell[], part: readonly TopCell[]): number {
  const rows = Math.max(0, ...part.map((c) => c.row + c.rowSpan));
  let best = 0;
  for (let k = 1; k <= MAX_HEADER_ROWS && k < rows; k++) {
    const same = rowKeys(first, k - 1).join('|') === rowKeys(part, k - 1).join('|');
    if (!same || rowKeys(part, k - 1).length === 0) break;
    const top = part.filter((c) => c.row < k);
    const closed =
      top.every((c) => c.row + c.rowSpan <= k) && first.filter((c) => c.row < k).every((c) => c.row + c.rowSpan <= k);
    if (closed && top.filter((c) => c.text.trim() !== '').length >= 2) best = k;
  }
  return best;
}
