/**
 * Spreadsheets print their top rows again at the top of every page (print titles, 顶端标题行):
 * the title, the year and the first row of the form (项目名称 …). The repeated title lines stand
 * between the parts of the table and would keep them apart, making each page a new form without
 * a year; they are dropped when the page repeats the page before's title lines and first table
 * row, which two different forms never both do (their 项目名称 rows differ). The repeated table
 * rows themselves are dropped later, as repeated header rows (repeated-header-rows.ts).
 */
import { assembleLines, MIDDLE_ABOVE_BASELINE } from './assemble-lines.js';
import type { PdfPageContent, PdfTextRun } from './extract-pdf-glyphs.js';
import type { RuledTable } from './find-tables.js';

const middleOf = (r: PdfTextRun): number => r.y - MIDDLE_ABOVE_BASELINE * r.size;

/** The runs' text by printed lines, top down, white space left out (it differs with the layout). */
const linesOf = (runs: readonly PdfTextRun[]): string[] =>
  assembleLines(runs).map((line) => line.text.replace(/\s+/g, ''));

/** The page's lines above its first table, and the text of that table's first row. */
function topBlock(page: PdfPageContent, table: RuledTable): { above: PdfTextRun[]; lines: string[]; firstRow: string } {
  const above = page.runs.filter((r) => middleOf(r) < table.top);
  const bottom = table.ys[1] ?? table.bottom;
  const row = page.runs.filter((r) => {
    const y = middleOf(r);
    return y >= table.top && y <= bottom && r.x >= table.left && r.x <= table.right;
  });
  return { above, lines: linesOf(above), firstRow: linesOf(row).join('|') };
}

/** The pages without title lines that repeat, with the first table row under them, the page before's. */
export function dropRepeatedTitles(
  pages: readonly PdfPageContent[],
  tablesByPage: readonly (readonly RuledTable[])[],
): PdfPageContent[] {
  const blocks = pages.map((page, p) => {
    const table = tablesByPage[p]?.[0];
    return table === undefined ? null : topBlock(page, table);
  });
  return pages.map((page, p) => {
    const block = blocks[p];
    const before = blocks[p - 1];
    if (!block || !before || block.lines.length === 0 || block.firstRow === '') return page;
    const same = block.firstRow === before.firstRow && block.lines.join('\n') === before.lines.join('\n');
    if (!same) return page;
    const drop = new Set(block.above);
    return { ...page, runs: page.runs.filter((r) => !drop.has(r)) };
  });
}
