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

/** True when `text` holds white space (as `/\s/.test(text)`), by a scan of its character codes. */
export function hasWhite(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (isWhiteCode(text.charCodeAt(k))) return true;
  return false;
}
