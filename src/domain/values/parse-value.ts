import { memoizeString } from '../memo.js';
import { chineseNumeralChars, parseChineseNumeral } from './chinese-numerals.js';
import { knownUnits, periodDays, unitInfo } from './units.js';
import type { Comparator, Leniency, ParsedValue, Quantity, Value } from './value.js';

/**
 * Reads a target (年度指标值) or actual (全年完成值) string as printed into a Value (scoring.md §1).
 * Total: never throws, never returns NaN; what cannot be read is `{ kind: 'unparsed' }` with the raw
 * string kept, so the checker can say which cell to fix. `null` or blank is `{ kind: 'blank' }`.
 */
export function parseValue(raw: string | null): ParsedValue {
  return parseCached(raw ?? '');
}

const parseCached = memoizeString((text: string): ParsedValue => {
  const leniencies: Leniency[] = [];
  const value = readValue(normalizeValueText(text), leniencies);
  return Object.freeze({ ...value, raw: text, leniencies: Object.freeze(leniencies) });
});

/**
 * Full-width to half-width (NFKC), one spelling per comparator, white space folded. Exported for the
 * checker and the summary, which compare indicator names and narrative text the same way.
 */
export function normalizeValueText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/≧|>=|≥/gu, '≥')
    .replace(/≦|<=|≤/gu, '≤')
    .replace(/[﹦═]/gu, '=');
}

// Forms write "nothing" in many ways; a blank target or one of these means the indicator does not apply.
const notApplicable = /^(?:[/\\／—–\-_.…·~～]+|无|暂无|不适用|不涉及|未涉及|未设置|空|n\/?a)$/iu;

// Longest cue first: 大于等于 before 大于. Cue words and symbols mean the same (scoring.md §1).
const cueBefore: readonly (readonly [string, Comparator])[] = [
  ['大于等于', '>='],
  ['小于等于', '<='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['达到', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['控制在', '<='],
  ['超过', '>'],
  ['大于', '>'],
  ['高于', '>'],
  ['多于', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

const cueAfter: readonly (readonly [string, Comparator])[] = [
  ['及以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['内', '<='],
];

const numberPattern = String.raw`\d+(?:,\d{3})*(?:\.\d+)?|\.\d+`;
const numeralClass = `[${chineseNumeralChars}]+`;
const unitAlternation = knownUnits.map(escapeRegExp).join('|');

// comparator? approx? number multiplier? 余/多? unit? 左右/余/多? cue-after? rest
const numberValue = new RegExp(
  String.raw`^(?<approxPre>约|近|大约|接近)?\s*(?:(?<num>${numberPattern})|(?<cn>${numeralClass}))\s*` +
    String.raw`(?<amp>&)?(?<approxMid>余|多)?\s*(?<unit>${unitAlternation}|万|亿)?(?<approxPost>左右|余|多)?` +
    String.raw`(?<after>及以上|以上|及以下|以下|以内|之内|内)?(?<rest>.*)$`,
  'u',
);

function readValue(s: string, leniencies: Leniency[]): Value {
  if (s === '') return { kind: 'blank' };
  if (notApplicable.test(s)) return { kind: 'not-applicable' };

  const parts = s
    .split(/[;；]/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length > 1) {
    const parsed = parts.map((p) => parseValue(p));
    if (parsed.every((p) => p.kind !== 'unparsed' && p.kind !== 'qualitative'))
      return { kind: 'compound', parts: parsed };
  }

  return (
    readDate(s) ??
    readFrequency(s) ??
    readPercentWords(s) ??
    readNumber(s, leniencies) ??
    readTextNumbers(s) ??
    (/\d/u.test(s) ? { kind: 'unparsed' } : { kind: 'qualitative', text: s })
  );
}

const onTimeWords = /^(?:按时|按期|如期|准时|提前|及时)(?:完成|实施|办结|到位|竣工|开展)?$/u;

function readDate(s: string): Value | null {
  if (onTimeWords.test(s) && s !== '及时') return { kind: 'date', year: null, month: null, day: null, onTime: true };
  const full =
    /^(\d{4})\s*(?:年|[.\-/])\s*(?:(\d{1,2})\s*(?:月|[.\-/])?\s*(?:(\d{1,2})\s*[日号]?)?)?(底|末|年底|前|之前|以前|中旬|上旬|下旬)?(?:前|之前|以前)?(?:完成|结束|竣工|实施|完工|到位|办结)?$/u.exec(
      s,
    );
  if (full) {
    const year = Number(full[1]);
    const month = full[2] === undefined ? null : Number(full[2]);
    const day = full[3] === undefined ? null : Number(full[3]);
    if (
      year >= 1990 &&
      year <= 2100 &&
      (month === null || (month >= 1 && month <= 12)) &&
      (day === null || (day >= 1 && day <= 31))
    ) {
      return { kind: 'date', year, month, day, onTime: false };
    }
  }
  const monthOnly =
    /^(\d{1,2})月(?:(\d{1,2})[日号])?(底|末|份|中旬|上旬|下旬)?(前|之前|以前)?(?:完成|结束|竣工|实施|完工|到位|办结)?$/u.exec(
      s,
    );
  if (monthOnly && (monthOnly[2] !== undefined || monthOnly[3] !== undefined || monthOnly[4] !== undefined)) {
    const month = Number(monthOnly[1]);
    if (month >= 1 && month <= 12) {
      return {
        kind: 'date',
        year: null,
        month,
        day: monthOnly[2] === undefined ? null : Number(monthOnly[2]),
        onTime: false,
      };
    }
  }
  return null;
}

const periodAlternation = Object.keys(periodDays)
  .sort((a, b) => b.length - a.length)
  .join('|');
const countPattern = String.raw`(\d+|[一二两三四五六七八九十]+)`;
const everyNPeriodsOnce = new RegExp(
  String.raw`^(?:≥|至少)?(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)?\s*(?:个)?(${periodAlternation})\s*/\s*次$`,
  'u',
);
const countPerPeriod = new RegExp(
  String.raw`^(?:≥|至少|不少于)?\s*${countPattern}\s*次\s*/\s*(?:每)?(?:个)?(${periodAlternation})$`,
  'u',
);
const everyPeriodCount = new RegExp(
  String.raw`^每\s*(\d+|[一二两三四五六七八九十半])?\s*(?:个)?(${periodAlternation})\s*(?:至少|不少于|≥)?\s*${countPattern}\s*次(?:以上)?$`,
  'u',
);

function readFrequency(s: string): Value | null {
  let m = everyNPeriodsOnce.exec(s);
  if (m) return frequency(1, m[1], m[2], s);
  m = countPerPeriod.exec(s);
  if (m) return frequency(toNumber(m[1]), undefined, m[2], s);
  m = everyPeriodCount.exec(s);
  if (m) return frequency(toNumber(m[3]), m[1], m[2], s);
  return null;
}

function frequency(
  count: number | null,
  periods: string | undefined,
  periodWord: string | undefined,
  text: string,
): Value | null {
  const days = periodWord === undefined ? undefined : periodDays[periodWord];
  const n = periods === undefined ? 1 : periods === '半' ? 0.5 : toNumber(periods);
  if (count === null || count <= 0 || days === undefined || n === null || n <= 0) return null;
  return { kind: 'frequency', count, periodDays: days * n, period: text };
}

function readPercentWords(s: string): Value | null {
  const m = /^(≥|≤|>|<|不低于|不少于|达到)?\s*百分之(.+?)(以上|以下)?$/u.exec(s);
  if (!m || m[2] === undefined) return null;
  const n = toNumber(m[2]);
  if (n === null) return null;
  const comparator = comparatorOf(m[1]) ?? (m[3] === '以上' ? '>=' : m[3] === '以下' ? '<=' : null);
  return { kind: 'number', comparator, quantity: quantity(n, '%', false) };
}

function readNumber(s: string, leniencies: Leniency[]): Value | null {
  let rest = s;
  let comparator: Comparator | null = null;
  // A short label before a comparator names the part of a compound: `群众≥5000人`.
  const labelled = /^[\p{Script=Han}A-Za-z]{1,8}(?=[≥≤<>=])/u.exec(rest);
  if (labelled) rest = rest.slice(labelled[0].length);
  for (const [word, c] of cueBefore) {
    if (rest.startsWith(word)) {
      comparator = c;
      rest = rest.slice(word.length).trim();
      break;
    }
  }
  const m = numberValue.exec(rest);
  if (!m?.groups) return null;
  const g = m.groups;
  let n: number | null;
  if (g.num !== undefined) {
    n = Number(g.num.replace(/,/gu, ''));
  } else {
    // A Chinese numeral counts only when a unit or the end follows it: `一般` is a word, `近百场` a number.
    if (g.cn === undefined || (g.unit === undefined && g.rest !== '')) return null;
    n = parseChineseNumeral(g.cn);
  }
  if (n === null || !Number.isFinite(n)) return null;
  const rest2 = g.rest ?? '';
  // More digits after the number mean several values glued together (`≥3 4`, `202010100.00%10`).
  if (/\d/u.test(rest2)) return null;
  let unit = g.unit ?? null;
  // A rate unit (`400元/人`, `5次/户`) is its own unit: it compares only with the same rate.
  const per = /^\/\s*(\p{Script=Han}{1,3})$/u.exec(rest2);
  if (per && unit !== null) return { kind: 'number', comparator, quantity: quantity(n, `${unit}/${per[1]}`, false) };
  if (g.amp !== undefined) {
    if (unit !== null) return null;
    // Forms print 80& for 80%: & is shift-7, beside shift-5 on the keyboard.
    unit = '%';
    leniencies.push('ampersand-percent');
  }
  if (comparator === null && g.after !== undefined) comparator = cueAfter.find(([w]) => w === g.after)?.[1] ?? null;
  if ((unit === '年' || unit === '年度') && Number.isInteger(n) && n >= 1990 && n <= 2100 && comparator === null) {
    return { kind: 'date', year: n, month: null, day: null, onTime: false };
  }
  const approx = g.approxPre !== undefined || g.approxMid !== undefined || g.approxPost !== undefined;
  return { kind: 'number', comparator, quantity: quantity(n, unit, approx) };
}

const quantityInText = new RegExp(
  String.raw`(?<approxPre>约|近)?(?:(?<num>${numberPattern})|(?<cn>${numeralClass}(?=余|多|${unitAlternation})))(?<approxMid>余|多)?(?<unit>${unitAlternation}|万|亿)?`,
  'gu',
);

/** `公证业务办理9827件`: every number in the text with its unit; the scorer picks the one that fits. */
function readTextNumbers(s: string): Value | null {
  // Only text that says something in words; bare glued numbers (`≥3 4`) are unreadable, not text.
  if (!/\p{Script=Han}{2,}/u.test(s)) return null;
  const quantities: Quantity[] = [];
  for (const m of s.matchAll(quantityInText)) {
    const g = m.groups ?? {};
    const n =
      g.num !== undefined ? Number(g.num.replace(/,/gu, '')) : g.cn !== undefined ? parseChineseNumeral(g.cn) : null;
    if (n === null || !Number.isFinite(n)) continue;
    quantities.push(quantity(n, g.unit ?? null, g.approxPre !== undefined || g.approxMid !== undefined));
    if (quantities.length >= 32) break;
  }
  return quantities.length > 0 ? { kind: 'text-numbers', text: s, quantities } : null;
}

function quantity(n: number, unit: string | null, approx: boolean): Quantity {
  const info = unitInfo(unit);
  return { number: n, unit, family: info.family, scale: info.scale, approx };
}

function comparatorOf(word: string | undefined): Comparator | null {
  if (word === undefined) return null;
  return cueBefore.find(([w]) => w === word)?.[1] ?? null;
}

function toNumber(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  if (/^\d+(?:\.\d+)?$/u.test(text)) return Number(text);
  return parseChineseNumeral(text);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}
