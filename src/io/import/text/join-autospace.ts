/**
 * Word and LibreOffice print a gap between CJK and Latin text (autospace), which text extraction
 * (pdf.js) gives as a space: `指标 1:开展…`, `(第 1 项)`, `(50 分)`, `(2021 年度)`, while the printed
 * cell (and the PDF importer) says `指标1:`. In the same text cells are also apart by one space, so
 * such a gap is joined only where it cannot be a cell border:
 * - inside brackets: a cell that opens `(` and a later cell of the line that closes it, every gap
 *   between them CJK next to a digit or Latin letter (`(第` `1` `项)`);
 * - a numbered label: a short CJK word then a number with its colon (`指标` `1:开展…`), a cell that
 *   rarely begins `1:` after a border; a category (`数量指标` `1:培训…`) is a cell of its own.
 * The join drops the gap (joinWrapped's rule).
 */

import { LEVEL1_NAMES, LEVEL2_NAMES } from './vocabulary.js';

/** How many cells a bracketed run may span (`(第` `1` `项)` is three). */
const BRACKET_CELLS = 4;
const NUMBERED = /^\d{1,3}[:：]\S/;
const SHORT_WORD = /^\p{Script=Han}{1,4}$/u;

const isHan = (code: number): boolean => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const isLatin = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

const isCategory = (text: string): boolean => LEVEL1_NAMES.has(text) || LEVEL2_NAMES.has(text);

/** True when the gap between `a` and `b` is CJK next to a digit or Latin letter, either way round. */
export function autospaceGap(a: string, b: string): boolean {
  const end = a.charCodeAt(a.length - 1);
  const start = b.charCodeAt(0);
  return (isHan(end) && isLatin(start)) || (isLatin(end) && isHan(start));
}

/** +1 per open bracket, −1 per close, ASCII and full-width. */
function bracketDepth(text: string): number {
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === 0x28 || code === 0xff08) depth += 1;
    else if (code === 0x29 || code === 0xff09) depth -= 1;
  }
  return depth;
}

/** Where the bracket `cells[i]` leaves open closes over autospace gaps only, or -1. */
function bracketEnd(cells: readonly string[], i: number): number {
  let depth = bracketDepth(cells[i] ?? '');
  if (depth <= 0) return -1;
  for (let j = i + 1; j < cells.length && j < i + BRACKET_CELLS; j++) {
    if (!autospaceGap(cells[j - 1] ?? '', cells[j] ?? '')) return -1;
    depth += bracketDepth(cells[j] ?? '');
    if (depth === 0) return j;
    if (depth < 0) return -1;
  }
  return -1;
}

/** The cells of one plain line with autospace gaps that are no cell border joined. */
export function joinAutospaced(cells: string[]): string[] {
  if (cells.length < 2) return cells;
  let out: string[] | null = null;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? '';
    const next = cells[i + 1];
    let end = -1;
    if (next !== undefined && autospaceGap(cell, next)) {
      // Cheap character tests first: most cells hold no bracket and open no number.
      if ((cell.includes('(') || cell.includes('（')) && bracketEnd(cells, i) > i) end = bracketEnd(cells, i);
      else if (NUMBERED.test(next) && SHORT_WORD.test(cell) && !isCategory(cell)) end = i + 1;
    }
    if (end < 0) {
      out?.push(cell);
      continue;
    }
    out ??= cells.slice(0, i);
    out.push(cells.slice(i, end + 1).join(''));
    i = end;
  }
  return out ?? cells;
}
