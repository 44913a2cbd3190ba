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
 *   row-spanning label such as 绩效指标 / 产出指标, which every renderer repeats empty; or
 * - both sides are open and the text runs into the break from both sides (a centred label
 *   such as 产出指 / 标 cut by the page), where a new cell's text would keep clear of the edge.
 */
export function continuesAbove(row: readonly CellBelow[], aboveAllOpen: boolean): boolean[] {
  let leading = 0;
  while (leading < row.length && row[leading]?.text === '') leading++;
  const hasText = leading < row.length;
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
    (c, i) => c.above !== undefined && (splitOpen || splitText || (hasText && i < leading) || cutLabel(c)),
  );
}
