/**
 * Page headers and footers of published documents (`第 3 页 共 12 页`, `- 3 -`, a running head such
 * as `某某局2021年度部门决算公开` on every page) are printed by the document, not by the form. Read
 * as lines above a table they would become the form's title or year, or unplaced-text warnings on
 * every page; they are dropped before the page's text is read.
 */
import { MIDDLE_ABOVE_BASELINE } from './assemble-lines.js';
import type { PdfPageContent, PdfTextRun } from './extract-pdf-glyphs.js';
import type { RuledTable } from './find-tables.js';
import { isAttachmentLabel, isTitle, isYearLine } from '../grid/grid-labels.js';

/** Header and footer lines sit in this top or bottom share of the page. */
const BAND = 0.12;
/** A page number, alone on its line: `第 3 页 共 12 页`, `第3页`, `- 3 -`, `3 / 12`, `Page 3 of 12`, `3`. */
const PAGE_NUMBER =
  /^(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|[-—–]\s*\d+\s*[-—–]|\d+\s*\/\s*\d+|(page\s*)?\d+(\s*of\s*\d+)?)$/i;

interface BandLine {
  readonly runs: PdfTextRun[];
  readonly text: string;
  /** Baseline, rounded to the point: a running head sits at the same height on every page. */
  readonly y: number;
  /** The first or last line of text on the page. */
  readonly outermost: boolean;
}

const middleOf = (r: PdfTextRun): number => r.y - MIDDLE_ABOVE_BASELINE * r.size;

/** The page's lines in the header and footer bands, outside every table, as printed left to right. */
function bandLines(page: PdfPageContent, tables: readonly RuledTable[]): BandLine[] {
  const inBand = page.runs.filter((r) => {
    const y = middleOf(r);
    if (y > page.height * BAND && y < page.height * (1 - BAND)) return false;
    return !tables.some((t) => y >= t.top && y <= t.bottom && r.x < t.right && r.x + r.width > t.left);
  });
  const lines: PdfTextRun[][] = [];
  for (const run of [...inBand].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs((l[0]?.y ?? 0) - run.y) <= run.size / 2);
    if (line) line.push(run);
    else lines.push([run]);
  }
  const first = Math.min(...page.runs.map((r) => r.y));
  const last = Math.max(...page.runs.map((r) => r.y));
  return lines.map((runs) => {
    const sorted = runs.sort((a, b) => a.x - b.x);
    const y = sorted[0]?.y ?? 0;
    const size = sorted[0]?.size ?? 0;
    return {
      runs: sorted,
      text: sorted
        .map((r) => r.text)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
      y: Math.round(y),
      outermost: Math.abs(y - first) <= size / 2 || Math.abs(y - last) <= size / 2,
    };
  });
}

/**
 * The line with its numbers blanked, and its height: a running head or footer differs from page
 * to page only in its numbers, and is printed at the same place.
 */
const shapeOf = (line: BandLine): string => `${line.y}|${line.text.replace(/\d+/g, '#')}`;

/** What the form prints above its table, even when each page starts with it: never furniture. */
const formLine = (text: string): boolean => isTitle(text) || isYearLine(text) || isAttachmentLabel(text);

/**
 * The pages without their header and footer lines: a line in the top or bottom band of the page
 * (outside every table) that is a page number, or the page's first or last line when the same
 * text (numbers aside) stands at the same height on at least two pages and at least half of them
 * — unless it is a form's own title, year or attachment label. A one-page file keeps its lines
 * unless they are page numbers.
 */
export function dropPageFurniture(
  pages: readonly PdfPageContent[],
  tablesByPage: readonly (readonly RuledTable[])[],
): PdfPageContent[] {
  const linesByPage = pages.map((page, p) => bandLines(page, tablesByPage[p] ?? []));
  const pagesWith = new Map<string, number>();
  for (const lines of linesByPage) {
    const shapes = new Set(lines.filter((l) => l.outermost).map(shapeOf));
    for (const shape of shapes) pagesWith.set(shape, (pagesWith.get(shape) ?? 0) + 1);
  }
  const repeated = (line: BandLine): boolean => {
    const n = pagesWith.get(shapeOf(line)) ?? 0;
    return line.outermost && n >= 2 && n * 2 >= pages.length && !formLine(line.text);
  };
  return pages.map((page, p) => {
    const furniture = new Set(
      (linesByPage[p] ?? []).filter((l) => PAGE_NUMBER.test(l.text) || repeated(l)).flatMap((l) => l.runs),
    );
    return furniture.size === 0 ? page : { ...page, runs: page.runs.filter((r) => !furniture.has(r)) };
  });
}
