/**
 * Text laid out as on the page, columns aligned with runs of spaces (`pdftotext -layout`, a
 * viewer's "copy as layout"): a cell's wrapped lines sit on the lines of other rows, which the
 * text importer cannot take apart (fixtures/text/poppler: 1–14 of 77 indicators exact). The user
 * is told so, and what to import instead.
 */

/** Lines looked at: the pattern shows from the first page on, and the check stays cheap. */
const SAMPLE_LINES = 200;
/** Fewer non-empty lines than this and the text says too little to tell. */
const MIN_LINES = 20;
/**
 * Share of lines with a run of 4+ spaces between two words: 0.44–0.47 in pdftotext -layout output,
 * at most 0.07 in the real forms served by web pages (whitespace rows pad with single spaces or tabs).
 */
const MIN_SHARE = 0.25;

/** True when a run of at least four spaces stands between two non-space characters of the line. */
function hasInnerPadding(text: string, from: number, to: number): boolean {
  let start = from;
  while (start < to && text.charCodeAt(start) === 0x20) start++;
  let end = to;
  // Trailing spaces, tabs and the \r of CRLF lines are no gap between words.
  while (end > start && [0x20, 0x09, 0x0d].includes(text.charCodeAt(end - 1))) end--;
  const gap = text.indexOf('    ', start);
  return gap >= 0 && gap < end;
}

export function looksLaidOut(text: string): boolean {
  let lines = 0;
  let padded = 0;
  for (let from = 0; from <= text.length && lines < SAMPLE_LINES;) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl;
    if (text.slice(from, to).trim() !== '') {
      lines++;
      if (hasInnerPadding(text, from, to)) padded++;
    }
    if (nl < 0) break;
    from = nl + 1;
  }
  return lines >= MIN_LINES && padded / lines >= MIN_SHARE;
}
