import type { Cell } from './csv.js';

/**
 * A flat column of a report, shared by CSV (header = key) and the human table (header = title).
 * `table: false` keeps a column out of the human table (it is still in CSV).
 */
export interface Column<Row> {
  readonly key: string;
  /** Chinese header for people. */
  readonly title: string;
  readonly value: (row: Row) => Cell;
  readonly table?: boolean;
}

/** The values of one row, in column order. */
export function rowCells<Row>(columns: readonly Column<Row>[], row: Row): Cell[] {
  return columns.map((c) => c.value(row));
}
