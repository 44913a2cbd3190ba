/**
 * Decides which cells at the top of a table's continuation on a new page are the rest of a cell
 * from the bottom of the page before. Renderers differ: Chromium draws no border on either side
 * of the break for cells that cross it, and none under a row-spanning cell that ends there;
 * Word and LibreOffice close both sides and repeat a row-spanning label's column as an empty
 * cell, or split one row's text over the two pages.
 */

/** A cell of the part before the break that ends on its last grid line. */
export interface CellAbove {
  readonly text: string;
  /** No drawn rule under it. */
  readonly open: boolean;
  /** Its text reaches its bottom edge. */
  readonly atEdge: boolean;
  /** How many rows of its part it spans. */
  readonly rows?: number;
}

/** A cell of the continuation's first row, in column order. */
export interface CellBelow {
  readonly text: string;
  /** No drawn rule above it. */
  readonly open: boolean;
  /** Its text starts at its top edge. */
  readonly atEdge: boolean;
  /** The cell above with the same columns, if any. */
  readonly above: CellAbove | undefined;
  /** How many rows of its part it spans. */
  readonly rows?: number;
}

/**
 * For each first-row cell (column order), whether it continues the cell above. `aboveAllOpen`
 * says that no cell at the bottom of the part before the break has a drawn bottom rule.
 * A cell continues the one above when
 * - the break cut through a row: every cell on both sides is open (Chromium), or the row's text
 *   was cut (Word, LibreOffice): every non-empty cell sits under a non-empty one, their texts
 *   run into the break from both sides, and some cell right of the labels is empty under a
 *   non-empty one (the values stayed on the first page while the name wrapped onto the next); or
 * - it is one of the empty leading cells of a row that has text further right: the column of a
 *   row-spanning label such as 绩效指标 / 产出指标, which every renderer repeats empty (a label
 *   with no cell above it may stand before them); or
 * - both sides are open and the text runs into the break from both sides (a centred label
 *   such as 产出指 / 标 cut by the page), where a new cell's text would keep clear of the edge; or
 * - both span several rows, the one above is empty and this one is not: a row-spanning label
 *   (产出指标 over ten indicators) that Excel and LibreOffice cut at the page with borders on
 *   both sides, its text printed centred in the whole cell and so only on the later page. Cells
 *   of a single row (a note, a value) never join this way.
 */
export function continuesAbove(row: readonly CellBelow[], aboveAllOpen: boolean): boolean[] {
  let leading = 0;
  while (leading < row.length && row[leading]?.text === '') leading++;
  const hasText = leading < row.length;
  const labelBelowBreak = (c: CellBelow): boolean =>
    c.text !== '' && c.above?.text === '' && (c.rows ?? 1) > 1 && (c.above.rows ?? 1) > 1;
  // The lower part of a row-spanning label such as 年度绩效指标完成情况, which Calc cuts at the page
  // and labels on the later part (with no cell above, or joining an empty one), does not end the
  // empty leading cells after it.
  const label = (c: CellBelow | undefined): boolean =>
    c !== undefined && (c.text === '' || c.above === undefined || labelBelowBreak(c));
  let labels = 0;
  while (labels < row.length && label(row[labels])) labels++;
  const textAfterLabels = row.slice(labels).some((c) => c.text !== '');
  const aboveText = (c: CellBelow): boolean => (c.above?.text ?? '') !== '';
  const splitOpen = aboveAllOpen && row.length > 0 && row.every((c) => c.open);
  // Only where the renderer closed the break: under Chromium's open borders a label-only row
  // (an empty category such as 生态效益指标) would look like a cut row.
  const closed = row.every((c) => !c.open);
  const splitText =
    closed &&
    hasText &&
    row.every((c) => c.text === '' || (aboveText(c) && c.atEdge && c.above?.atEdge === true)) &&
    row.some((c, i) => i >= leading && c.text === '' && aboveText(c));
  const cutLabel = (c: CellBelow): boolean =>
    c.open && c.atEdge && c.above !== undefined && c.above.open && c.above.atEdge && c.text !== '' && aboveText(c);
  return row.map(
    (c, i) =>
      c.above !== undefined &&
      (splitOpen ||
        splitText ||
        (hasText && i < leading) ||
        (textAfterLabels && i < labels && c.text === '') ||
        cutLabel(c) ||
        labelBelowBreak(c)),
  );
}
