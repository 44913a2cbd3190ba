/**
 * Finding a block's column-header row (the funding block's 年初预算数 / 全年执行数 …, the indicator
 * table's 一级指标 / 二级指标 / 三级指标 …): one of the first three rows of the block, its columns
 * keyed by what their header says.
 */
import type { GridCell } from './grid.js';
import { colRange } from './grid-matrix.js';
import { cellText } from './grid-labels.js';
import type { FormContext } from './form-draft.js';

/** A column of a block, the grid columns c0..c1 its header cell spans, and the header as printed. */
export interface HeaderColumn<K> {
  readonly key: K;
  readonly c0: number;
  readonly c1: number;
  readonly header: string;
}

/**
 * The first row from `from` (at most three rows, not past `end`) that `isHeader` accepts, with the
 * columns of the cells `keyOf` knows; null when none is.
 */
export function findHeaderRow<K>(
  ctx: FormContext,
  from: number,
  end: number,
  keyOf: (text: string) => K | undefined,
  isHeader: (cells: readonly GridCell[], columns: readonly HeaderColumn<K>[]) => boolean,
): { row: number; columns: HeaderColumn<K>[] } | null {
  for (let r = from; r < Math.min(end, from + 3); r += 1) {
    const cells = ctx.grid.rows[r] ?? [];
    const columns = cells.flatMap((cell): HeaderColumn<K>[] => {
      const key = keyOf(cell.text);
      if (key === undefined) return [];
      const [c0, c1] = colRange(cell);
      return [{ key, c0, c1, header: cellText(cell.text) }];
    });
    if (isHeader(cells, columns)) return { row: r, columns };
  }
  return null;
}
