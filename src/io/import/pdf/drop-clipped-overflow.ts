/**
 * LibreOffice Calc (like Excel) prints the text of a merged cell centred in the whole merged
 * range; when a page break cuts the range, it draws the text on both pages and clips it to each
 * page's part of the cell. The clip hides the copy on paper, but the text layer keeps it: on the
 * next page the label (`产出指标`, `(50分)`) stands above the table, in the margin, where it would
 * read as a line of text between the two parts and keep them from being read as one table.
 */
import { MIDDLE_ABOVE_BASELINE } from './assemble-lines.js';
import type { PdfPageContent, PdfTextRun } from './extract-pdf-glyphs.js';
import type { RuledTable } from './find-tables.js';

const middleOf = (r: PdfTextRun): number => r.y - MIDDLE_ABOVE_BASELINE * r.size;

const inside = (r: PdfTextRun, t: RuledTable): boolean => {
  const y = middleOf(r);
  return y >= t.top && y <= t.bottom && r.x >= t.left && r.x + r.width <= t.right;
};

/** Runs printed one after the other on a baseline (a gap under one em): a line of a cell. */
interface RunLine {
  readonly runs: PdfTextRun[];
  readonly text: string;
  readonly x: number;
  readonly size: number;
}

function linesOf(runs: readonly PdfTextRun[]): RunLine[] {
  const lines: PdfTextRun[][] = [];
  for (const run of [...runs].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines.find((l) => {
      const last = l[l.length - 1];
      return last !== undefined && Math.abs(last.y - run.y) <= run.size / 2 && run.x - (last.x + last.width) < run.size;
    });
    if (line) line.push(run);
    else lines.push([run]);
  }
  return lines.map((l) => ({
    runs: l,
    text: l
      .map((r) => r.text)
      .join('')
      .trim(),
    x: l[0]?.x ?? 0,
    size: l[0]?.size ?? 0,
  }));
}

/**
 * The runs of `margin` lines (outside `table`, within its columns, on the side `side` selects)
 * that repeat a line of `cells` at the same x: two characters or more, since one character of a
 * title may well stand at the x of the same character in the table.
 */
function copiesOf(margin: readonly PdfTextRun[], table: RuledTable, cells: readonly RunLine[]): PdfTextRun[] {
  const lines = linesOf(margin.filter((r) => r.x >= table.left && r.x + r.width <= table.right));
  return lines
    .filter(
      (l) => Array.from(l.text).length >= 2 && cells.some((c) => c.text === l.text && Math.abs(c.x - l.x) <= l.size),
    )
    .flatMap((l) => l.runs);
}

/**
 * The pages without those copies: a line in the margin between two pages' tables — above the
 * first table of a page, or under the last table of the page before — that repeats, at the same
 * x, a line inside the table on the other side of the break. Nothing is lost: the text is read
 * from the cell it repeats.
 */
export function dropClippedOverflow(
  pages: readonly PdfPageContent[],
  tablesByPage: readonly (readonly RuledTable[])[],
): PdfPageContent[] {
  const drop = pages.map(() => new Set<PdfTextRun>());
  pages.forEach((page, p) => {
    const first = tablesByPage[p]?.[0];
    const before = tablesByPage[p - 1];
    const last = before?.[before.length - 1];
    const previous = pages[p - 1];
    if (first === undefined || last === undefined || previous === undefined) return;
    const lastCells = linesOf(previous.runs.filter((q) => inside(q, last)));
    const firstCells = linesOf(page.runs.filter((q) => inside(q, first)));
    const above = page.runs.filter((r) => middleOf(r) < first.top);
    const under = previous.runs.filter((r) => middleOf(r) > last.bottom);
    for (const r of copiesOf(above, first, lastCells)) drop[p]?.add(r);
    for (const r of copiesOf(under, last, firstCells)) drop[p - 1]?.add(r);
  });
  return pages.map((page, p) => {
    const gone = drop[p];
    return gone === undefined || gone.size === 0 ? page : { ...page, runs: page.runs.filter((r) => !gone.has(r)) };
  });
}
