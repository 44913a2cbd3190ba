/**
 * Row heights for wrapped text. Excel does not grow a row for wrapped text in merged cells (nor,
 * reliably, on opening a file), so an official form with long 年度总体目标 would print cut off.
 * The estimate is deliberately generous: a cut-off cell is worse than some white space.
 */

/** Points per printed line of 10 pt CJK text, and the cell's top + bottom padding. */
const LINE_HEIGHT = 14;
const PADDING = 4;
/** The default row height of an empty or one-line row (points). */
export const MIN_ROW_HEIGHT = 18;

/** Width of one character in Excel column-width units (a CJK ideograph is as wide as two digits). */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80 && code <= 0xffef) return 2.1;
  return 1.1;
}

/** Printed lines of `text` in `size` pt in a cell `width` column-width units wide (at least 1). */
export function wrappedLines(text: string, width: number, size = 10): number {
  const usable = Math.max(1, width - 1.5) * (10 / size);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let units = 0;
    for (const ch of paragraph) units += charWidth(ch);
    // The epsilon keeps float sums (10 × 2.1 = 21.000000000000004) from adding a line.
    lines += Math.max(1, Math.ceil(units / usable - 1e-9));
  }
  return Math.max(1, lines);
}

/** Height in points a cell of `text` in `size` pt needs when it is `width` units wide. */
export function heightFor(text: string, width: number, size = 10): number {
  const lines = wrappedLines(text, width, size);
  return Math.max(MIN_ROW_HEIGHT, lines * LINE_HEIGHT * (size / 10) + PADDING);
}

export interface SizedCell {
  /** 0-based first row and number of rows the cell spans. */
  readonly row: number;
  readonly rowSpan: number;
  /** Needed height in points. */
  readonly height: number;
}

/**
 * Heights (points) of `rowCount` rows so that every cell fits: one-row cells set their row's
 * minimum; a cell spanning rows adds what its rows lack to its last row.
 */
export function fitRowHeights(rowCount: number, cells: readonly SizedCell[]): number[] {
  const heights = Array.from({ length: rowCount }, () => MIN_ROW_HEIGHT);
  for (const c of cells) {
    if (c.rowSpan === 1 && c.row < rowCount) heights[c.row] = Math.max(heights[c.row] ?? 0, c.height);
  }
  for (const c of cells) {
    if (c.rowSpan === 1) continue;
    const rows = heights.slice(c.row, c.row + c.rowSpan);
    const lack = c.height - rows.reduce((a, b) => a + b, 0);
    const last = Math.min(rowCount, c.row + c.rowSpan) - 1;
    if (lack > 0 && last >= 0) heights[last] = (heights[last] ?? 0) + lack;
  }
  return heights;
}
