import { isNothing, parseMoney, parseRate } from './parse-number.js';
import type { FundingColumn } from './vocabulary.js';

/**
 * A funding row that printed fewer numbers before its rate than the header has columns there
 * (`年度资金总额 30 30 10 100% 99` under 年初预算数 / 调整预算数 / 全年执行数 / 分值 / 执行率 / 得分):
 * which columns are blank is chosen so that 执行数 / 预算数 gives the printed rate and 分值 looks
 * like points. Ties keep the numbers in the leftmost columns, as printed.
 */

const MAX_SLOTS = 8;

function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= n - k; first++)
    for (const rest of combinations(n - first - 1, k - 1)) out.push([first, ...rest.map((r) => r + first + 1)]);
  return out;
}

function fitScore(placed: ReadonlyMap<FundingColumn, string>, rate: number): number {
  const num = (c: FundingColumn): number | null => {
    const text = placed.get(c);
    return text === undefined || isNothing(text) ? null : parseMoney(text);
  };
  let score = 0;
  const budget = num('budget') ?? num('initialBudget');
  const executed = num('executed');
  if (budget !== null && executed !== null && budget !== 0)
    score += Math.abs((executed / budget) * 100 - rate) <= 0.6 ? 2 : -1;
  const weight = num('weight');
  if (weight !== null) score += Number.isInteger(weight) && weight <= 30 ? 1 : -2;
  if (num('budget') !== null) score += 0.5;
  if (executed !== null) score += 0.5;
  return score;
}

/** The row's values with '' for the blank columns before the rate; the values unchanged otherwise. */
export function placeBeforeRate(values: readonly string[], numeric: readonly FundingColumn[]): string[] {
  const slots = numeric.indexOf('rate');
  const at = values.findIndex((v) => parseRate(v) !== null);
  const rate = at < 0 ? null : parseRate(values[at] ?? '');
  if (slots < 0 || rate === null || at >= slots || slots > MAX_SLOTS) return [...values];
  let best: number[] | null = null;
  let bestScore = -Infinity;
  for (const chosen of combinations(slots, at)) {
    const placed = new Map(chosen.map((slot, k) => [numeric[slot] as FundingColumn, values[k] ?? '']));
    const score = fitScore(placed, rate);
    if (score > bestScore) {
      best = chosen;
      bestScore = score;
    }
  }
  if (best === null) return [...values];
  const head = Array.from({ length: slots }, (_, slot) => {
    const k = (best as number[]).indexOf(slot);
    return k < 0 ? '' : (values[k] ?? '');
  });
  return [...head, ...values.slice(at)];
}
