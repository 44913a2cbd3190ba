/**
 * White space by character code: exactly the characters of the regex class `\s` (NBSP and the
 * ideographic space U+3000 among them), for scans that look at each character anyway and so need
 * no regex run per line or per cell.
 */
export function isWhiteCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0xfeff
  );
}

const WHITE = /\s/;
/** Up to this length a scan in JS beats the fixed cost of a regex call; past it the regex is faster. */
const SHORT_TEXT = 32;

/** True when `text` holds white space (as `/\s/.test(text)`). */
export function hasWhite(text: string): boolean {
  if (text.length > SHORT_TEXT) return WHITE.test(text);
  for (let k = 0; k < text.length; k++) if (isWhiteCode(text.charCodeAt(k))) return true;
  return false;
}
