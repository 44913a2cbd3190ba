/**
 * The runs of a line of laid-out text (`pdftotext -layout`): the pieces of text between gaps, each
 * with the display columns it occupies (an ideograph or full-width form takes two, as on a
 * terminal and in poppler's character grid). These positions are what tell the table's columns
 * apart when a cell wraps onto lines that hold no other cell of its row.
 */
import { displayWidth } from './join-wrapped.js';

export interface Run {
  readonly text: string;
  /** Display column of the first character, and one past the last. */
  readonly x: number;
  readonly end: number;
}

const isWide = (ch: string): boolean => displayWidth(ch) === 2;

/**
 * Whether one space between `before` and `after` separates two cells. Two or more spaces always
 * do. One space does too — cells print no spaces inside in these tables, and poppler puts a single
 * space where two cells come close (`数量指标 活动`, `…参加公益 ≧1次`, `效果显著 90%`) — except
 * between a number and the unit LibreOffice spaces from it (`≧50 人`, `3 月/次`), and in
 * autospaced text between an ideograph and a number.
 */
function singleSpaceCuts(before: string, after: string, autospaced: boolean): boolean {
  if (/[0-9]/.test(before) && isWide(after)) return false;
  // LibreOffice also spaces an ideograph from the number after it (`错证率在 1‰内`).
  return !(autospaced && isWide(before) && /[0-9A-Za-z]/.test(after));
}

/**
 * Whether the lines space numbers from the ideographs next to them, as LibreOffice prints
 * (`≧50 人`, `3 月/次`, `错证率在 1‰内`): then one space between an ideograph and a number is no
 * cell boundary. Chromium prints none (`≧50人`) and cuts cells with one space (`效果显著 90%`).
 */
export function isAutospaced(lines: readonly string[]): boolean {
  return lines.filter((l) => /[0-9] [\u4e00-\u9fff]/u.test(l)).length >= AUTOSPACED_LINES;
}
const AUTOSPACED_LINES = 3;

/** The runs of one line, left to right. A form feed (poppler's page break) is no text. */
export function runsOf(line: string, autospaced = false): Run[] {
  const runs: Run[] = [];
  let x = 0;
  let text = '';
  let start = 0;
  let spaces = 0;
  let last = '';
  const flush = (): void => {
    if (text !== '') runs.push({ text, x: start, end: start + displayWidth(text) });
    text = '';
  };
  for (const ch of line.replace(/[\f\r]/g, '')) {
    if (ch === ' ' || ch === '\t' || ch === '\u3000') {
      spaces += ch === '\u3000' ? 2 : 1;
      x += ch === '\u3000' ? 2 : 1;
      continue;
    }
    if (text !== '' && spaces > 0 && (spaces >= 2 || singleSpaceCuts(last, ch, autospaced))) flush();
    if (text === '') start = x;
    else if (spaces > 0) text += ' ';
    text += ch;
    spaces = 0;
    last = ch;
    x += displayWidth(ch);
  }
  flush();
  return runs;
}
