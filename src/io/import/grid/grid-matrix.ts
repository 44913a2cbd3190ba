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

/** Builds the matrix; grids are small (hundreds of cells), so a plain map is enough. */
export function buildMatrix(grid: Grid): GridMatrix {
  const cover = new Map<number, GridCell>();
  let colCount = 0;
  const width = (): number => colCount + 1;
  for (const row of grid.rows)
    for (const cell of row) colCount = Math.max(colCount, cell.col + Math.max(1, cell.colSpan));
  const rowCount = grid.rows.length;
  const key = (r: number, c: number): number => r * width() + c;
  for (const row of grid.rows) {
    for (const cell of row) {
      const lastRow = Math.min(rowCount - 1, cell.row + Math.max(1, cell.rowSpan) - 1);
      for (let r = cell.row; r <= lastRow; r += 1) {
        for (let c = cell.col; c < cell.col + Math.max(1, cell.colSpan); c += 1) {
          if (!cover.has(key(r, c))) cover.set(key(r, c), cell);
        }
      }
    }
  }
  const at = (row: number, col: number): GridCell | undefined => cover.get(key(row, col));
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
