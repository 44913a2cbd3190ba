import { knownUnits, multipliers } from '../../../domain/values/units.js';

/**
 * `≧50 人 147`: text extracted from some PDFs (LibreOffice prints through pdftotext) puts a space
 * between a number and its unit, which the white-space split makes two cells. A cell that is only a
 * unit (人, 次, 万元, 月/次 …) right after a bare number belongs to it; a unit never stands alone as
 * a value, so nothing else is joined.
 */

// 万/亿 alone are multipliers (`45 万`, a Word print's gap before CJK): no value either.
const UNITS: ReadonlySet<string> = new Set([...knownUnits, ...Object.keys(multipliers)]);
/** A rate printed as unit/unit: 月/次, 次/年, 人/次. */
const PER_UNIT = /^\p{Script=Han}{1,2}\/\p{Script=Han}{1,2}$/u;
/** A number as a value starts, with its comparator: `≧50`, `3`, `0.2`. */
const BARE_NUMBER = /^[≥≤≧≦<>=＞＜﹦═]{0,2}\d+(?:\.\d+)?$/;

const isUnit = (text: string): boolean => UNITS.has(text) || (text.includes('/') && PER_UNIT.test(text));

export function joinUnits(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const prev = out[out.length - 1];
    // The unit test first: a set look-up, where most cells stop.
    if (prev !== undefined && isUnit(text) && BARE_NUMBER.test(prev)) out[out.length - 1] = prev + text;
    else out.push(text);
  }
  return out;
}
