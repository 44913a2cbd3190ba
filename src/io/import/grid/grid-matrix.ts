import type { Grid, GridCell } from './grid.js';

/**
 * Which cell covers each (row, column) of a grid, spans included, so that a merged 一级指标 cell
 * is found from every row it covers. Overlapping spans (possible in grids built from PDF glyph
 * positions) are tolerated: the cell listed first keeps the position.
 */
export interface GridMatrix {
  readonly rowCount: number;
  readonly colCount: number;
  /** The cell covering (row, col), or undefined for a hole. */
  at(row: number, col: number): GridCell | undefined;
  /** The cell covering `row` that overlaps columns [c0, c1] the most, or undefined. */
  best(row: number, c0: number, c1: number, startsInRow: boolean): GridCell | undefined;
}

/** Columns [c0, c1] (inclusive) that a cell covers. */
export const colRange = (cell: GridCell): [number, number] => [cell.col, cell.col + Math.max(1, cell.colSpan) - 1];

/**
 * Builds the matrix: for each row, the cells covering it, in the order they are listed (so the
 * first that covers a column is the one listed first). Work and memory grow with the rows each cell
 * spans, not with its area: a map of every covered position made a grid of 100 cells each spanning
 * 1000 × 1000 (a 6 KB hostile web page) take 4 s and 500 MB.
 */
export function buildMatrix(grid: Grid): GridMatrix {
  let colCount = 0;
  for (const row of grid.rows)
    for (const cell of row) colCount = Math.max(colCount, cell.col + Math.max(1, cell.colSpan));
  const rowCount = grid.rows.length;
  const covering: GridCell[][] = [];
  for (let r = 0; r < rowCount; r += 1) covering.push([]);
  for (const row of grid.rows) {
    for (const cell of row) {
      const lastRow = Math.min(rowCount - 1, cell.row + Math.max(1, cell.rowSpan) - 1);
      for (let r = Math.max(0, cell.row); r <= lastRow; r += 1) covering[r]?.push(cell);
    }
  }
  const at = (row: number, col: number): GridCell | undefined => {
    for (const cell of covering[row] ?? [])
      if (col >= cell.col && col < cell.col + Math.max(1, cell.colSpan)) return cell;
    return undefined;
  };
  return {
    rowCount,
    colCount,
    at,
    best(row, c0, c1, startsInRow) {
      let found: GridCell | undefined;
      let most = 0;
      const seen = new Set<GridCell>();
      for (let c = c0; c <= c1; c += 1) {
        const cell = at(row, c);
        if (cell === undefined || seen.has(cell) || (startsInRow && cell.row !== row)) continue;
        seen.add(cell);
        const [a, b] = colRange(cell);
        const overlap = Math.min(b, c1) - Math.max(a, c0) + 1;
        if (overlap > most) {
          most = overlap;
          found = cell;
        }
      }
      return found;
    },
  };
}
