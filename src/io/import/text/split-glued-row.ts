import type { IndicatorColumn } from './vocabulary.js';

/**
 * An indicator row served with no separator between its cells
 * (`指标1免费发放原原种8550万粒550万粒8` = 指标1免费发放原原种 | 8 | 550万粒 | 550万粒 | 8 under the
 * header 三级指标 分值 年度指标值 全年实际值 得分). The cut is chosen by the header's column list and
 * the shapes of values: 分值/得分 are short numbers, and a cut is only trusted when the target and
 * the actual agree in shape (the same text, or two amounts in the same unit) — otherwise the run
 * stays whole and the caller reports it.
 */

const OCR_NUMBER = /^(?=.*[IlOo])[\dIlOo]{1,3}$/;
const SCORE_NUMBER = /^(?:100|[1-9]\d?|0)(?:\.\d{1,2})?/;
/** `≥95%`, `1000万元`, `6.47亿元`, `25TB`: a comparator, a number and a short unit. */
const QUANTITY = /^([≥≤≧≦<>=＞＜﹦]?)(?:0|[1-9]\d*)(?:\.\d+)?([%％]|[\p{Script=Han}A-Za-z]{1,3})?$/u;
/** Longest amount cell tried (`≥1000.5万元`). */
const MAX_AMOUNT = 12;
/** Work bound per run: a run that needs more is not a plain glued row, and is left whole. */
const MAX_STEPS = 60_000;
/** Cells longer than this are not cut (bounded time; such runs are not one row). */
const MAX_RUN = 160;
/** Row starts inside a glued run: `指标2企业…`, but not the `指标1` of a following year (`指标12021年`). */
const INNER_ROW_START = /(?<=.)(?=指标\s*\d{1,2}(?!\d{3})[^\d])/gu;

function unitOf(text: string): string | null {
  const m = QUANTITY.exec(text);
  return m === null ? null : (m[2] ?? '');
}

const NO_TARGET = /^[一—\-/／]$/;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * How well target and actual agree: 3 when equal, 2 for amounts of one unit, else 0; bare
 * numbers (`5` `5`) are weak evidence, longer agreeing text a little stronger.
 */
function agreement(target: string, actual: string): number {
  // A cell does not begin inside a number (`00万元`) nor end where the next number begins.
  if (/^0\d|^[.%％]/.test(target) || /^0\d|^[.%％]/.test(actual)) return 0;
  if (BARE_NUMBER.test(target) || BARE_NUMBER.test(actual)) return target === actual ? 1 : 0;
  // Rubric rows print no target (`一` / `—`) before a worded actual.
  if (NO_TARGET.test(target) && /^\p{Script=Han}{2,}/u.test(actual)) return 2;
  const length = Math.min(target.length, 10) / 20;
  if (target === actual) return 3 + length;
  const a = unitOf(target);
  return a !== null && a === unitOf(actual) ? 2 + length : 0;
}

/** Least score of a trusted cut: target and actual must agree. */
const MIN_SCORE = 2;
/** Text left for the note after the numbers is more often a cut in the wrong place. */
const NOTE_COST = 1;

interface Parse {
  readonly rows: string[][];
  readonly score: number;
  /** Other parses as good as this one: the cut is then not trusted. */
  readonly ties: number;
}

function better(a: Parse | null, b: Parse): Parse {
  if (a === null || b.score > a.score + 1e-9) return b;
  if (Math.abs(b.score - a.score) <= 1e-9) return { ...a, ties: a.ties + 1 + b.ties };
  return a;
}

/**
 * Cuts a glued run into rows of [name, ...values in column order]; null when no cut can be
 * trusted. `columns` are the header's value columns (without the name). A run may hold several
 * rows (`保证…专款专用专款专用10成本每年…1000万元1000万元10`): each must have agreeing values.
 */
export function splitGluedRun(run: string, columns: readonly IndicatorColumn[]): string[][] | null {
  if (run.length > MAX_RUN || /\s/.test(run)) return null;
  const ti = columns.indexOf('target');
  const ai = columns.indexOf('actual');
  if (ti < 0 || ai !== ti + 1) return null;
  const memo = new Map<number, Parse | null>();
  let steps = 0;

  const parseFrom = (start: number): Parse | null => {
    const known = memo.get(start);
    if (known !== undefined) return known;
    memo.set(start, null);
    let best: Parse | null = null;
    // A row may stop after its actual; numeric columns left out cost more when another row follows.
    const rowEnd = (at: number, col: number, cells: string[], score: number): void => {
      let missing = 0;
      for (let k = col; k < columns.length; k++)
        if (columns[k] === 'weight' || columns[k] === 'score') missing += at === run.length ? 0.5 : 1.5;
      if (at === run.length) best = better(best, { rows: [cells], score: score - missing, ties: 0 });
      else {
        const rest = parseFrom(at);
        if (rest !== null)
          best = better(best, { rows: [cells, ...rest.rows], score: score - missing + rest.score, ties: rest.ties });
      }
    };
    const walk = (at: number, col: number, cells: string[], score: number): void => {
      steps += 1;
      if (steps > MAX_STEPS) return;
      if (col > ai) rowEnd(at, col, cells, score);
      if (at === run.length) return;
      const kind = columns[col];
      if (kind === undefined) return;
      if (kind === 'weight' || kind === 'score') {
        // OCR debris (`IO` for 10) ending the run still closes the row; it is kept as printed.
        if (OCR_NUMBER.test(run.slice(at))) walk(run.length, col + 1, [...cells, run.slice(at)], score);
        const m = SCORE_NUMBER.exec(run.slice(at));
        for (let len = m?.[0].length ?? 0; len >= 1; len--) {
          const num = run.slice(at, at + len);
          // The longer number is likelier (`10` rather than `1` + a name starting with `0`).
          if (!num.endsWith('.')) walk(at + len, col + 1, [...cells, num], score + len * 0.01);
        }
        return;
      }
      if (col === ti) {
        for (let t = at + 1; t < run.length; t++) {
          const target = run.slice(at, t);
          // The same text twice, or two short amounts of one unit.
          const ends = new Set([t + (t - at)]);
          if (unitOf(target) !== null) for (let a = t + 1; a <= Math.min(run.length, t + MAX_AMOUNT); a++) ends.add(a);
          for (const a of ends) {
            steps += 1;
            if (a > run.length || steps > MAX_STEPS) continue;
            const agree = agreement(target, run.slice(t, a));
            if (agree >= MIN_SCORE) walk(a, col + 2, [...cells, target, run.slice(t, a)], score + agree);
          }
        }
        return;
      }
      // note / extra: the rest of the run, on the last row only.
      if (col > ai) walk(run.length, col + 1, [...cells, run.slice(at)], score - NOTE_COST);
    };
    const digitFirst = /^\d/.test(run.charAt(start)) ? -0.3 : 0;
    for (let n = start + 2; n < run.length - 1; n++) walk(n, 0, [run.slice(start, n)], digitFirst);
    memo.set(start, best);
    return best;
  };

  const found = parseFrom(0);
  if (found === null || found.ties > 0 || steps > MAX_STEPS) return null;
  return found.rows;
}

/** Splits a glued run holding several rows at its `指标N` starts. */
export function splitGluedRows(run: string): string[] {
  return run.split(INNER_ROW_START).filter((p) => p !== '');
}
