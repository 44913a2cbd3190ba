/**
 * Finds tables that a page break cut in two, so that their parts are read as one table.
 */
import { MIDDLE_ABOVE_BASELINE } from './assemble-lines.js';
import type { PdfPageContent } from './extract-pdf-glyphs.js';
import type { RuledTable } from './find-tables.js';
import { clusterPositions } from './find-tables.js';

/** Edges closer than this (points) make a table on the next page the continuation of the last. */
const SAME_EDGE = 3;
/** Page numbers (`- 3 -`, `第 3 页`, `3/12`) do not separate a table from its continuation. */
const PAGE_FURNITURE = /^[\s\-—–第共页/Pagep.]*\d+[\s\-—–页/第共ofOF\d]*$/;

/** Whether the page shows text (other than a page number) above `top` or below `bottom`. */
function textOutside(page: PdfPageContent, top: number, bottom: number): boolean {
  return page.runs.some((r) => {
    const middle = r.y - MIDDLE_ABOVE_BASELINE * r.size;
    return (middle < top || middle > bottom) && !PAGE_FURNITURE.test(r.text);
  });
}

const onLine = (x: number, xs: readonly number[]): boolean => xs.some((v) => Math.abs(v - x) <= SAME_EDGE);

/**
 * Whether two table parts are ruled for the same columns: the same right edge, and the column
 * lines of one are among those of the other (Chromium draws no box for the empty part of a
 * row-spanning first column after the break, so the continuation may start one column in).
 */
function sameColumns(a: RuledTable, b: RuledTable): boolean {
  if (Math.abs(a.right - b.right) > SAME_EDGE) return false;
  return b.xs.every((x) => onLine(x, a.xs)) || a.xs.every((x) => onLine(x, b.xs));
}

/**
 * Tables that run on from one page to the next form one group: the first table of a page ruled
 * for the same columns as the last table of the page before (see sameColumns), when the new part is open
 * at the top (Chromium draws no border there) or nothing but page numbers stands between the
 * two parts. A group shares one set of column lines, so that a column keeps its index after the
 * page break: the xs (and left/right) of grouped tables are widened in place. Returns each table's group number.
 */
export function groupContinuedTables(pages: readonly PdfPageContent[], tables: RuledTable[][]): number[][] {
  const groupOf = tables.map((list) => list.map(() => 0));
  let group = -1;
  let prev: RuledTable | undefined;
  let prevPage = -2;
  tables.forEach((list, p) => {
    list.forEach((table, index) => {
      const page = pages[p];
      const before = pages[p - 1];
      const sameEdges = index === 0 && prev !== undefined && prevPage === p - 1 && sameColumns(prev, table);
      const openTop = table.virtualH.some((r) => r.pos <= table.top + 0.5);
      const adjacent =
        page !== undefined &&
        before !== undefined &&
        prev !== undefined &&
        !textOutside(page, table.top, Infinity) &&
        !textOutside(before, -Infinity, prev.bottom);
      if (!(sameEdges && (openTop || adjacent))) group++;
      (groupOf[p] ?? [])[index] = group;
      prev = table;
      prevPage = p;
    });
  });
  for (let g = 0; g <= group; g++) {
    const members: [number, number][] = [];
    groupOf.forEach((ids, p) => ids.forEach((id, i) => id === g && members.push([p, i])));
    if (members.length < 2) continue;
    const xs = clusterPositions(
      members.flatMap(([p, i]) => tables[p]?.[i]?.xs ?? []),
      SAME_EDGE,
    );
    for (const [p, i] of members) {
      const t = tables[p]?.[i];
      if (t && tables[p]) tables[p][i] = { ...t, xs, left: xs[0] ?? t.left, right: xs[xs.length - 1] ?? t.right };
    }
  }
  return groupOf;
}
