import type { FormLayout } from '../../export/layout/official-layout.js';

/**
 * A form laid out by the exporter (`layoutForm`), as the rows a web host serves of its printed
 * table: each row holds the cells that START in it, in column order, the way an HTML `<tr>` lists
 * its `<td>`s. A merged cell is printed once, in its first row and column; the rows it spans below
 * simply lack it (022, 115, 121 in fixtures/real show rows so shortened). Test support for the
 * shape harness (shape-recovery.test.ts), not import code.
 */
export interface PrintedForm {
  /** Lines above the table (附件2, the title, the year line). */
  readonly above: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns of the table (a host padding rows to the full width prints this many cells). */
  readonly width: number;
  /** Lines below the table: 填表人/联系电话 pairs on one line, then each 备注 note. */
  readonly below: readonly string[];
}

export function printedRows(layout: FormLayout): PrintedForm {
  const rows: string[][] = Array.from({ length: layout.rowCount }, () => []);
  const ordered = [...layout.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of ordered) rows[cell.row]?.push(cell.text);
  const below = layout.below.map((item) =>
    item.kind === 'text' ? item.text : item.pairs.map(([label, value]) => `${label}${value}`).join(' '),
  );
  return { above: layout.above, rows, width: layout.colCount, below };
}

/** Rows of strings as test/support/family-tables.ts writes them: `<` covered from the left, `^` from above. */
type SpannedRows = readonly (readonly string[])[];

/**
 * A family table (test/support/family-tables.ts) as the rows a host serves of it: a merged cell's
 * text once, in its first row and column, as `printedRows` prints the exporter's layout; the lines
 * above the table are its `above`, nothing is printed below it.
 */
export function printedTable(table: { readonly lines: readonly string[]; readonly rows: SpannedRows }): PrintedForm {
  const rows = table.rows.map((row) => row.filter((cell) => cell !== '<' && cell !== '^'));
  const width = Math.max(0, ...table.rows.map((row) => row.length));
  return { above: table.lines, rows, width, below: [] };
}
