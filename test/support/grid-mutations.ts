import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'parse5';
import * as TABLE from './family-tables.js';
import { htmlToGrid } from '../../src/io/import/html/html-to-grid.js';
import { formSchema } from '../../src/domain/form/form.schema.js';
import type { ImportResult } from '../../src/io/import/import-result.js';
import { findLostText } from '../../src/io/import/grid/find-lost-text.js';
import type { Grid, GridCell } from '../../src/io/import/grid/grid.js';
import { gridToForms } from '../../src/io/import/grid/grid-to-forms.js';

/**
 * Ways a table breaks between its printing and its reading, for property tests of the grid path
 * (grid-to-forms.property.test.ts): cells blanked or dropped, spans changed, rows and columns
 * deleted or doubled, cell text cut or added to. Edits are data, so a failing case prints as a
 * short list. Test support, not import code.
 */

const root = new URL('../../', import.meta.url);
const gridOfPage = (html: string, file: string): Grid => htmlToGrid(parse(html), file).grid;

/** The grids the edits start from: the seed web page's six forms, then the family tables. */
export const realGrids = (): [string, Grid][] => [
  ['seed.html', gridOfPage(readFileSync(new URL('fixtures/html/pingshan-justice-2020.html', root), 'utf8'), 'seed')],
  ...(['C_101', 'E_022', 'A_024', 'H_023', 'B_026', 'B_027'] as const).map((k): [string, Grid] => [
    k,
    gridOfPage(TABLE.familyPage(TABLE[k]), k),
  ]),
];

export type Edit =
  | { op: 'blank' | 'drop-cell' | 'digits' | 'truncate-text'; at: number; n: number }
  | { op: 'span'; at: number; rowSpan: number; colSpan: number }
  | { op: 'delete-row' | 'duplicate-row' | 'delete-col' | 'duplicate-col'; at: number }
  | { op: 'insert-text'; at: number; n: number; text: string };

const insertText = fc
  .array(fc.constantFrom(...'项目指标值完成分元万：:（）()%≥≤ \u00a0\u3000\t\n0123456789.|'), {
    minLength: 1,
    maxLength: 5,
  })
  .map((c) => c.join(''));
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('blank', 'drop-cell', 'digits', 'truncate-text'), at: fc.nat(), n: fc.nat() }),
  fc.record({
    op: fc.constant('span'),
    at: fc.nat(),
    rowSpan: fc.integer({ min: 1, max: 4 }),
    colSpan: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ op: fc.constantFrom('delete-row', 'duplicate-row', 'delete-col', 'duplicate-col'), at: fc.nat() }),
  fc.record({ op: fc.constant('insert-text'), at: fc.nat(), n: fc.nat(), text: insertText }),
);

/**
 * The rows renumbered after rows were removed or added, so that every cell's `row` is its row's
 * index (lines outside the table move with the rows after them).
 */
const renumber = (rows: readonly (readonly GridCell[])[]): GridCell[][] =>
  rows.map((row, r) => row.map((c) => ({ ...c, row: r })));

export function applyEdit(grid: Grid, e: Edit): Grid {
  const rows = grid.rows.map((r) => [...r]);
  const cells = rows.flatMap((row, r) => row.map((_, k) => [r, k] as const));
  const at = cells.length === 0 ? undefined : cells[e.at % cells.length];
  const change = (f: (c: GridCell) => GridCell | null): Grid => {
    if (at === undefined) return grid;
    const [r, k] = at;
    const row = rows[r] ?? [];
    const cell = row[k];
    if (cell === undefined) return grid;
    const next = f(cell);
    if (next === null) row.splice(k, 1);
    else row[k] = next;
    return { ...grid, rows };
  };
  const cols = Math.max(1, ...grid.rows.flat().map((c) => c.col + c.colSpan));
  switch (e.op) {
    case 'blank':
      return change((c) => ({ ...c, text: '' }));
    case 'drop-cell':
      return change(() => null);
    case 'digits':
      return change((c) => ({ ...c, text: c.text.replace(/\d/g, (_, k: number) => String((e.n + k * 3) % 10)) }));
    case 'truncate-text':
      return change((c) => ({ ...c, text: c.text.slice(0, e.n % (c.text.length + 1)) }));
    case 'insert-text':
      return change((c) => {
        const p = e.n % (c.text.length + 1);
        return { ...c, text: c.text.slice(0, p) + e.text + c.text.slice(p) };
      });
    case 'span':
      return change((c) => ({ ...c, rowSpan: e.rowSpan, colSpan: e.colSpan }));
    case 'delete-row': {
      if (rows.length === 0) return grid;
      const r = e.at % rows.length;
      rows.splice(r, 1);
      const outside = grid.outside.map((l) => (l.beforeRow > r ? { ...l, beforeRow: l.beforeRow - 1 } : l));
      return { ...grid, rows: renumber(rows), outside };
    }
    case 'duplicate-row': {
      if (rows.length === 0) return grid;
      const r = e.at % rows.length;
      rows.splice(
        r,
        0,
        (rows[r] ?? []).map((c) => ({ ...c, location: `${c.location}′` })),
      );
      const outside = grid.outside.map((l) => (l.beforeRow > r ? { ...l, beforeRow: l.beforeRow + 1 } : l));
      return { ...grid, rows: renumber(rows), outside };
    }
    case 'delete-col': {
      const col = e.at % cols;
      return {
        ...grid,
        rows: rows.map((row) =>
          row.flatMap((c): GridCell[] => {
            if (c.col === col && c.colSpan === 1) return [];
            if (c.col <= col && col < c.col + c.colSpan) return [{ ...c, colSpan: c.colSpan - 1 }];
            return [c.col > col ? { ...c, col: c.col - 1 } : c];
          }),
        ),
      };
    }
    case 'duplicate-col': {
      const col = e.at % cols;
      return {
        ...grid,
        rows: rows.map((row) =>
          row.flatMap((c): GridCell[] => {
            if (c.col === col && c.colSpan === 1) return [c, { ...c, col: c.col + 1, location: `${c.location}′` }];
            if (c.col <= col && col < c.col + c.colSpan) return [{ ...c, colSpan: c.colSpan + 1 }];
            return [c.col > col ? { ...c, col: c.col + 1 } : c];
          }),
        ),
      };
    }
  }
}

/** What gridToForms promises on any grid: no throw, canonical forms, no text lost. */
export function brokenPromises(grid: Grid): string[] {
  let result: ImportResult;
  try {
    result = gridToForms(grid);
  } catch (error) {
    return [`threw ${String(error)}`];
  }
  const problems: string[] = [];
  result.forms.forEach((form, k) => {
    const parsed = formSchema.safeParse(form);
    if (!parsed.success) problems.push(`form ${k}: ${JSON.stringify(parsed.error.issues)}`);
  });
  for (const lost of findLostText(grid, result)) problems.push(`lost: ${lost}`);
  return problems;
}
