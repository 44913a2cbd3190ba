import { hasWhite } from './white-space.js';

/**
 * Joining text that PDF extraction broke over several lines or cells, by the spec's rule: no
 * separator between CJK characters (or any non-Latin character), one space between Latin words or
 * numbers. Leading and trailing white space is removed; nothing else is changed.
 */

const SPACES = /[\s\u00a0\u3000]+/;

/** `[A-Za-z0-9]` by character code. */
function isLatin(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Joins wrapped pieces of one cell; white space inside a piece is collapsed by the same rule. */
export function joinWrapped(pieces: readonly string[]): string {
  let out = '';
  // Whether `out` ends with a Latin character, remembered rather than read back: charCodeAt on the
  // concatenation flattens it, which copied the whole text once per word (quadratic on a long
  // glued line of many words; 0.4 MB of garbage a bench pass).
  let latinEnd = false;
  for (const piece of pieces) {
    // Most pieces hold no white space: no split (and no array) for them.
    const words = hasWhite(piece) ? piece.split(SPACES) : null;
    const count = words === null ? 1 : words.length;
    for (let k = 0; k < count; k++) {
      const word = words === null ? piece : (words[k] ?? '');
      if (word === '') continue;
      // One space between two Latin characters, none otherwise.
      out = latinEnd && isLatin(word.charCodeAt(0)) ? `${out} ${word}` : out + word;
      latinEnd = isLatin(word.charCodeAt(word.length - 1));
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
  // By code point: a surrogate pair (a character beyond the BMP) counts two once, a lone
  // surrogate two as well (it lies in the wide range). A char-code loop, not a string iterator.
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(k + 1);
      if (next >= 0xdc00 && next <= 0xdfff) k += 1;
      w += 2;
    } else w += code >= 0x2e80 && code <= 0xffef ? 2 : 1;
  }
  return w;
}
