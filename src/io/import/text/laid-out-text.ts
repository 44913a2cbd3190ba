/**
 * Text laid out as on the page, columns aligned with runs of spaces (`pdftotext -layout`, a
 * viewer's "copy as layout"): a cell's wrapped lines sit on the lines of other rows, which line
 * by line reading cannot take apart. Its indicator tables are then read by their columns
 * (read-laid-out.ts); the user is told so, and that the PDF itself reads best.
 */

import { isWhiteCode } from './white-space.js';

/** Lines looked at: the pattern shows from the first page on, and the check stays cheap. */
const SAMPLE_LINES = 80;
/** Fewer non-empty lines than this and the text says too little to tell. */
const MIN_LINES = 20;
/**
 * Share of lines with a run of 4+ spaces between two words: 0.44–0.47 in pdftotext -layout output,
 * at most 0.07 in the real forms served by web pages (whitespace rows pad with single spaces or tabs).
 */
const MIN_SHARE = 0.25;

/**
 * Whether line [from, to) has words and, if so, a run of at least four spaces between two of them:
 * 0 blank line, 1 words, 2 words with such a gap. One scan of the line, no copies (a plain
 * `indexOf('    ')` would search past the line's end, through the rest of the text).
 */
function lineShape(text: string, from: number, to: number): 0 | 1 | 2 {
  let start = from;
  while (start < to && isWhiteCode(text.charCodeAt(start))) start++;
  if (start === to) return 0;
  let run = 0;
  for (let k = start; k < to; k++) {
    if (text.charCodeAt(k) === 0x20) run++;
    else {
      // A gap counts only with a word after it: trailing spaces are no gap.
      if (run >= 4 && !isWhiteCode(text.charCodeAt(k))) return 2;
      run = 0;
    }
  }
  return 1;
}

export function looksLaidOut(text: string): boolean {
  // Most text has no four spaces in a row anywhere: one native search settles it.
  if (!text.includes('    ')) return false;
  let lines = 0;
  let padded = 0;
  for (let from = 0; from <= text.length && lines < SAMPLE_LINES;) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl;
    const shape = lineShape(text, from, to);
    if (shape > 0) lines++;
    if (shape === 2) padded++;
    if (nl < 0) break;
    from = nl + 1;
  }
  return lines >= MIN_LINES && padded / lines >= MIN_SHARE;
}

/** The indicator table's column labels, as a PDF cell wraps them at its edge (`一级指` / `标`). */
const COLUMN_LABELS = ['一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值', '未完成原因和改进措施'];
/** Labels a row of the header prints apart in poppler's reading order, one per line. */
const ALONE = new Set(['三级指标', '年度指标值', '全年完成值']);
/** A line holding only one of ALONE's labels. */
const LONE_LABEL = /^\s*(?:三级指标|年度指标值|全年完成值)\s*$/m;
/** Lines around the header looked at. */
const NEAR = 8;

/**
 * Text in poppler's default reading order (`pdftotext` without options): the cells of a table row
 * come on lines of their own, in an order that follows the page's blocks, not the row, so that a
 * row's values may come before or after its name's wrapped lines. It shows at the indicator
 * header: two of its column labels alone on lines, next to a label cut at its cell's edge
 * (`一级指`, `未完成原因和改进`) — hosts serving one cell per line keep each cell whole, and
 * `-raw` prints the header on one line. The lines carry no positions to rebuild the columns
 * from; the user is told so.
 */
export function looksColumnsApart(text: string): boolean {
  // Most text never prints the header so: one native search settles it.
  if (!text.includes('三级指标')) return false;
  // Nor do most forms that print it print a column label on a line of its own.
  if (!LONE_LABEL.test(text)) return false;
  const lines = text.split('\n', 5000).map((l) => l.trim());
  const alone: number[] = [];
  lines.forEach((line, i) => {
    if (ALONE.has(line)) alone.push(i);
  });
  // Cut labels are looked for only around two lone labels: most forms print 三级指标, few alone.
  const endsCut = (line: string): boolean => {
    const last = /\S+$/.exec(line)?.[0] ?? '';
    return last.length >= 3 && COLUMN_LABELS.some((l) => l !== last && l.startsWith(last));
  };
  return alone.some(
    (i, k) => (alone[k + 1] ?? Infinity) - i <= NEAR && lines.slice(Math.max(0, i - NEAR), i + NEAR + 1).some(endsCut),
  );
}
