/**
 * Joining text that PDF extraction broke over several lines or cells, by the spec's rule: no
 * separator between CJK characters (or any non-Latin character), one space between Latin words or
 * numbers. Leading and trailing white space is removed; nothing else is changed.
 */

const LATIN = /[A-Za-z0-9]/;
const SPACES = /[\s\u00a0\u3000]+/;

/** Joins wrapped pieces of one cell; white space inside a piece is collapsed by the same rule. */
export function joinWrapped(pieces: readonly string[]): string {
  let out = '';
  for (const piece of pieces) {
    for (const word of piece.split(SPACES)) {
      if (word === '') continue;
      if (out !== '' && LATIN.test(out.charAt(out.length - 1)) && LATIN.test(word.charAt(0))) out += ' ';
      out += word;
    }
  }
  return out;
}

/** One piece of printed text with its inner white space normalized (`赵 益` → `赵益`). */
export function normalizeText(text: string): string {
  return joinWrapped([text]);
}

/** Width of text as printed: CJK and full-width characters count two, others one. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
