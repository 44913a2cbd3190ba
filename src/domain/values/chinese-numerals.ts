/**
 * Chinese numerals as forms print them in place of digits: `一百二十`, `近百场`, `两千`, `十五`.
 * Returns null for anything that is not a whole numeral, never NaN. Digit-by-digit years (`二〇二〇`)
 * are read positionally.
 */
const digits: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const smallUnits: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const bigUnits: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Characters that can make up a numeral, for scanners that look for one inside text. */
export const chineseNumeralChars = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿';

export function parseChineseNumeral(text: string): number | null {
  if (text === '') return null;
  if (/^[零〇一二三四五六七八九]{2,}$/u.test(text) && !/[十百千]/u.test(text)) {
    let n = 0;
    for (const ch of text) n = n * 10 + (digits[ch] ?? 0);
    return n;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = digits[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = smallUnits[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
      continue;
    }
    const big = bigUnits[ch];
    if (big !== undefined) {
      total += (section + (digit ?? 0)) * big;
      section = 0;
      digit = null;
      continue;
    }
    return null;
  }
  return total + section + (digit ?? 0);
}
