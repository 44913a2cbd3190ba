import { describe, expect, it } from 'vitest';
import type { Grid, GridCell } from './grid.js';
import { buildMatrix } from './grid-matrix.js';

const cell = (row: number, col: number, rowSpan: number, colSpan: number, text: string): GridCell => ({
  row,
  col,
  rowSpan,
  colSpan,
  text,
  location: text,
});
const gridOf = (rows: GridCell[][]): Grid => ({ file: 'm', rows, outside: [] });

describe('buildMatrix', () => {
  it('finds a merged cell from every position it covers, and nothing in a hole', () => {
    const a = cell(0, 0, 2, 2, 'a');
    const b = cell(0, 2, 1, 1, 'b');
    const c = cell(1, 3, 1, 1, 'c');
    const m = buildMatrix(gridOf([[a, b], [c]]));
    expect([m.rowCount, m.colCount]).toEqual([2, 4]);
    expect([m.at(0, 0), m.at(1, 1), m.at(0, 2), m.at(1, 3)]).toEqual([a, a, b, c]);
    expect([m.at(1, 2), m.at(0, 3), m.at(2, 0)]).toEqual([undefined, undefined, undefined]);
  });

  it('gives an overlapped position to the cell listed first, and ends spans at the last row', () => {
    const top = cell(0, 0, 9, 3, 'top');
    const under = cell(1, 1, 1, 3, 'under');
    const m = buildMatrix(gridOf([[top], [under]]));
    expect([m.at(1, 1), m.at(1, 3), m.at(1, 4)]).toEqual([top, under, undefined]);
    expect(m.at(2, 0)).toBeUndefined();
  });

  it('best: the cell overlapping the column range most, first on ties, optionally only cells starting in the row', () => {
    const wide = cell(0, 0, 2, 1, 'wide');
    const x = cell(1, 1, 1, 2, 'x');
    const y = cell(1, 3, 1, 1, 'y');
    const m = buildMatrix(gridOf([[wide], [x, y]]));
    expect(m.best(1, 0, 3, false)).toBe(x);
    expect(m.best(1, 0, 0, false)).toBe(wide);
    expect(m.best(1, 0, 0, true)).toBeUndefined();
    expect(m.best(1, 3, 3, true)).toBe(y);
  });
});
