import type { FundingColumn } from './vocabulary.js';

/**
 * A funding row's numbers served with no separator (`202010100.00%10` under 全年预算数 / 全年执行数 /
 * 分值 / 执行率 / 得分 is 20 | 20 | 10 | 100.00% | 10). The cut must give numbers of the right shape
 * for each column, a rate that agrees with 执行数 / 预算数, and amounts of one order of magnitude; a
 * run without a rate, or that can be cut in more than one such way, is left whole.
 */

const MONEY = /^(?:0|[1-9]\d*)(?:\.\d{1,6})?$/;
const POINTS = /^(?:100|[1-9]?\d)(?:\.\d{1,2})?$/;
const RATE = /^(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?[%％]$/;
const GLUED_AMOUNTS = /^[\d.]+[%％]?[\d.]*$/;
/** Runs longer than this are not cut (bounded time). */
const MAX_RUN = 40;

function fits(kind: FundingColumn, text: string): boolean {
  if (kind === 'rate') return RATE.test(text);
  if (kind === 'weight' || kind === 'score') return POINTS.test(text);
  return MONEY.test(text);
}

/**
 * True when the cells agree: a printed rate matches executed / budget within rounding, plus `slack`
 * percentage points for forms that round sloppily.
 */
function consistent(kinds: readonly FundingColumn[], cells: readonly string[], slack = 0.01): boolean {
  const at = (k: FundingColumn): number | null => {
    const i = kinds.indexOf(k);
    const text = i < 0 ? undefined : cells[i];
    return text === undefined ? null : Number.parseFloat(text);
  };
  const rate = at('rate');
  const budget = at('budget') ?? at('initialBudget');
  const executed = at('executed');
  if (rate === null || budget === null || executed === null || budget === 0) return rate === null || rate <= 200;
  const printed = cells[kinds.indexOf('rate')] ?? '';
  const decimals = /\.(\d+)/.exec(printed)?.[1]?.length ?? 0;
  return Math.abs((executed / budget) * 100 - rate) <= 0.5 * 10 ** -decimals + slack;
}

/** True when the amounts of a row are within a factor of ten of each other, as budgets and spending are. */
function alike(kinds: readonly FundingColumn[], cells: readonly string[]): boolean {
  const money = cells.filter((_, i) => ['initialBudget', 'budget', 'executed'].includes(kinds[i] ?? ''));
  const values = money.map(Number);
  if (values.every((n) => n === 0)) return true;
  return values.every((n) => n > 0) && Math.max(...values) <= 10 * Math.min(...values);
}

/**
 * Cuts `run` into one value per column of `kinds` (numeric funding columns, in printed order),
 * all of them or a leading part; null when the run is not glued numbers or the cut is not unique.
 */
export function splitGluedAmounts(run: string, kinds: readonly FundingColumn[]): string[] | null {
  if (run.length > MAX_RUN || !GLUED_AMOUNTS.test(run) || !/\d[%％]/.test(run)) return null;
  const found: string[][] = [];
  const walk = (at: number, col: number, cells: string[]): void => {
    if (found.length > 8) return;
    if (at === run.length) {
      if (cells.length >= 2 && consistent(kinds, cells)) found.push(cells);
      return;
    }
    const kind = kinds[col];
    if (kind === undefined) return;
    // A source row prints the 分值 before its rate blank (family A scores the total row only): the
    // column is left empty, and the run read on from the next one.
    if (kind === 'weight' && col + 1 < kinds.length) walk(at, col + 1, [...cells, '']);
    for (let end = at + 1; end <= run.length; end++) {
      const text = run.slice(at, end);
      if (fits(kind, text) && !(kind !== 'rate' && /^[%％]/.test(run.slice(end)))) walk(end, col + 1, [...cells, text]);
    }
  };
  walk(0, 0, []);
  const plausible = found.length === 1 ? found : found.filter((cells) => alike(kinds, cells));
  if (plausible.length === 1) return plausible[0] ?? null;
  // Of several cuts, the one whose rate is 执行数/预算数 rounded as printed, when only one is (the
  // others agreeing only within the slack kept for sloppy forms); otherwise the run stays whole.
  const exact = plausible.filter((cells) => consistent(kinds, cells, 0));
  return exact.length === 1 ? (exact[0] ?? null) : null;
}
