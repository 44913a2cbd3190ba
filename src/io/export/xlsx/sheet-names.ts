/** Excel refuses these in sheet names. */
const FORBIDDEN = /[[\]:*?/\\]/g;
/** Excel's limit, in characters. */
export const MAX_SHEET_NAME = 31;

const cut = (text: string, max: number): string => Array.from(text).slice(0, max).join('');

/**
 * Turns names (project names) into valid, distinct Excel sheet names, in order: `[]:*?/\` and
 * control characters removed, leading/trailing apostrophes and spaces trimmed, at most 31
 * characters, never blank (`表1`, `表2` … by position) nor the reserved `History`, and unique
 * ignoring case (a repeat gets `(2)`, `(3)` … within the 31 characters).
 */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, index) => {
    // eslint-disable-next-line no-control-regex
    let base = raw.replace(FORBIDDEN, '').replace(/[\u0000-\u001f]/g, '');
    base = cut(base.replace(/^[\s']+|[\s']+$/g, ''), MAX_SHEET_NAME).replace(/[\s']+$/, '');
    if (base === '' || base.toLowerCase() === 'history') base = `表${index + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) {
      const suffix = `(${n})`;
      name = cut(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
