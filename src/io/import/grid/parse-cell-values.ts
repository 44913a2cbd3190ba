/**
 * Reading the few typed values of a form from cell text: money, rates, scores, the project period
 * and 是/否. Each returns `{ ok: false }` for text it cannot read, so the caller can keep the raw
 * text in an issue; blank and "nothing" marks (`/`, `—`) read as null.
 */
import { isNothing } from './grid-labels.js';

export type Parsed<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A plain number as printed (`529.99`, `1,674.18`); null when blank. */
export function parseNumber(text: string): Parsed<number> {
  const t = text.replace(/[\s\u00a0\u3000]+/g, '');
  if (isNothing(t)) return { ok: true, value: null };
  if (!NUMBER.test(t)) return { ok: false };
  return { ok: true, value: Number(t.replace(/,/g, '')) };
}

/** A rate in percent as printed: `99.75%` → 99.75, `100` → 100; null when blank. */
export function parseRate(text: string): Parsed<number> {
  const t = text.replace(/[\s\u00a0\u3000]+/g, '').replace(/[%％]$/, '');
  return parseNumber(t);
}

const DATE = /(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?/g;

/** `2020.1.1-2020.12.31` (also `2020年1月1日至2020年12月31日`, `2020/01/01—2020/12/31`) → ISO dates. */
export function parsePeriod(text: string): Parsed<{ start: string; end: string }> {
  if (isNothing(text)) return { ok: true, value: null };
  const dates = [...text.matchAll(DATE)].map((m) => {
    const [y, mo, d] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, mo - 1, d));
    const valid = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
    return valid ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
  });
  const [start, end] = dates;
  if (dates.length !== 2 || start == null || end == null) return { ok: false };
  return { ok: true, value: { start, end } };
}

/** 是 → true, 否 → false; null when blank. */
export function parseYesNo(text: string): Parsed<boolean> {
  const t = text.replace(/[\s\u00a0\u3000]+/g, '');
  if (isNothing(t)) return { ok: true, value: null };
  if (t === '是') return { ok: true, value: true };
  if (t === '否') return { ok: true, value: false };
  return { ok: false };
}
