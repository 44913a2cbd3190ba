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
