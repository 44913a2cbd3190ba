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
/** A 分值/得分 number where the search stands (sticky: tried at lastIndex only). */
const SCORE_NUMBER_AT = /(?:100|[1-9]\d?|0)(?:\.\d{1,2})?/y;
/** `≥95%`, `1000万元`, `6.47亿元`, `25TB`: a comparator, a number and a short unit. */
const QUANTITY = /^([≥≤≧≦<>=＞＜﹦]?)(?:0|[1-9]\d*)(?:\.\d+)?([%％]|[\p{Script=Han}A-Za-z]{1,3})?$/u;
/** The comparators a target may begin with (QUANTITY's). */
const COMPARATORS = '≥≤≧≦<>=＞＜﹦';
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

/** True when run[at, t) is printed again right after itself. */
function repeatsAt(run: string, at: number, t: number): boolean {
  const n = t - at;
  if (t + n > run.length) return false;
  for (let k = 0; k < n; k++) if (run.charCodeAt(at + k) !== run.charCodeAt(t + k)) return false;
  return true;
}

/** An amount's start (QUANTITY's): a comparator or not, then its digits and decimal point. */
const AMOUNT_NUMBER = /[≥≤≧≦<>=＞＜﹦]?\d[\d.]*/y;
/** QUANTITY allows at most this many unit characters after the number. */
const MAX_UNIT = 3;

/**
 * The furthest end of an amount (a QUANTITY) starting at `at` in `run`, or -1 when none starts
 * there: its number takes every digit and point that follow, and at most MAX_UNIT characters may
 * come after them. Lets the search skip the QUANTITY regex on text that cannot be an amount.
 */
function amountLimit(run: string, at: number): number {
  AMOUNT_NUMBER.lastIndex = at;
  return AMOUNT_NUMBER.test(run) ? AMOUNT_NUMBER.lastIndex + MAX_UNIT : -1;
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

const NO_TARGET = /^[一—\-/／]$/;
/**
 * A yes/no target (`是`) before a worded actual that says otherwise (`8是基本达到7`): the one
 * word a target of one character can be besides the no-target mark. The actual does not open
 * with 是/否 (`是否按时` is words, not a target and its actual).
 */
const YES_NO_TARGET = /^[是否]$/;
/** A worded actual after a rubric's no-target mark: Han text and punctuation, no digit. */
const RUBRIC_ACTUAL_AT = /\p{Script=Han}{2}[^\d\s]*/uy;

/**
 * Where a rubric row's worded actual starting at `from` ends: Han text and punctuation up to the
 * next number, its 得分 (`一目标明确、内容细化、目标量化4`); -1 when no such text starts there.
 * One end only, so the search tries one actual per rubric row.
 */
function rubricActualEnd(run: string, from: number): number {
  RUBRIC_ACTUAL_AT.lastIndex = from;
  return RUBRIC_ACTUAL_AT.test(run) && RUBRIC_ACTUAL_AT.lastIndex < run.length ? RUBRIC_ACTUAL_AT.lastIndex : -1;
}

/**
 * A run holding a rubric row: a 分值, the no-target mark, then worded text — not a row number
 * before the numeral 一 (`指标1一级种薯繁育基地`).
 */
const RUBRIC_ROW = /(?<!指标\s*\d?)\d[一—]\p{Script=Han}{2}/u;
/** A one-character target before a worded actual: the rubric's mark or a yes/no. */
const MARK_OR_YES_NO = /^[一—\-/／是否]$/;
/** A row number (`指标1`) ends here: the `一` after it is a word's (`一级`), not a rubric mark. */
const ROW_NUMBER_BEFORE = /指标\s*\d{1,2}$/;
/** A rubric row read without its mark is weaker evidence than one printing it (agreement 2). */
const RUBRIC_BLANK_TARGET = 1;

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
const isBareNumber = (text: string): boolean => isDigit(text.charCodeAt(0)) && BARE_NUMBER.test(text);

/**
 * A cell does not begin inside a number (`00万元`) nor where the next number ends (`.5`, `%`):
 * `/^0\d|^[.%％]/` by character code.
 */
function startsMidNumber(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first === 0x30 && isDigit(text.charCodeAt(1))) || first === 0x2e || first === 0x25 || first === 0xff05;
}

/**
 * How well target and actual agree: 3 when equal, 2 for amounts of one unit, else 0; bare
 * numbers (`5` `5`) are weak evidence, longer agreeing text a little stronger. `unit` is
 * unitOf(target); `actualMayBeAmount` is false when the actual is known to be no amount (the
 * search knows both from where the numbers end, so the QUANTITY regex runs only where it can match).
 */
function agreement(target: string, actual: string, unit: string | null, actualMayBeAmount: boolean): number {
  if (startsMidNumber(target) || startsMidNumber(actual)) return 0;
  if (isBareNumber(target) || isBareNumber(actual)) return target === actual ? 1 : 0;
  // Rubric rows print no target (`一` / `—`) before a worded actual.
  if (NO_TARGET.test(target) && /^\p{Script=Han}{2,}/u.test(actual)) return 2;
  if (YES_NO_TARGET.test(target) && /^[^是否\P{Script=Han}]\p{Script=Han}/u.test(actual)) return 2;
  const length = Math.min(target.length, 10) / 20;
  if (target === actual) return 3 + length;
  return unit !== null && actualMayBeAmount && unit === unitOf(actual) ? 2 + length : 0;
}

/** Least score of a trusted cut: target and actual must agree. */
const MIN_SCORE = 2;
/** Two equal bare numbers where they cannot be 分值/得分 (bareTrusted): agreeing, no more. */
const BARE_PAIR = MIN_SCORE;
/** Text left for the note after the numbers is more often a cut in the wrong place. */
const NOTE_COST = 1;

/** How the best parse goes on from a search state. */
type Link =
  /** The row ends the run. */
  | { readonly kind: 'end' }
  /** The row ends; the next row starts at `at`. */
  | { readonly kind: 'rest'; readonly at: number }
  /** `cells` fill the next columns; the parse goes on from (`at`, `col`). */
  | { readonly kind: 'cells'; readonly cells: readonly string[]; readonly at: number; readonly col: number };

interface Parse {
  readonly score: number;
  /** Other parses as good as this one: the cut is then not trusted. */
  readonly ties: number;
  readonly link: Link;
}

const END: Link = { kind: 'end' };

function better(a: Parse | null, b: Parse): Parse {
  if (a === null || b.score > a.score + 1e-9) return b;
  if (Math.abs(b.score - a.score) <= 1e-9) return { ...a, ties: a.ties + 1 + b.ties };
  return a;
}

/** As `better(best, parse)` for a parse of `score`: 1 when it wins, 0 on a tie, -1 when it loses. */
function compare(best: Parse | null, score: number): number {
  if (best === null || score > best.score + 1e-9) return 1;
  return Math.abs(score - best.score) <= 1e-9 ? 0 : -1;
}

/**
 * `best` once a candidate is weighed: `first` (and `second`) fill the next columns with `gain`,
 * then the parse goes on as `after` found from (next, nextCol).
 */
function offer(
  best: Parse | null,
  after: StateResult,
  gain: number,
  first: string,
  second: string | null,
  next: number,
  nextCol: number,
): Parse | null {
  if (after.best === null) return best;
  const score = gain + after.best.score;
  const order = compare(best, score);
  if (order > 0) {
    const cells = second === null ? [first] : [first, second];
    return { score, ties: after.best.ties, link: { kind: 'cells', cells, at: next, col: nextCol } };
  }
  return order === 0 && best !== null ? tied(best, after.best.ties) : best;
}

/** `best` with the ties of an equal parse counted. */
function tied(best: Parse, ties: number): Parse {
  return { ...best, ties: best.ties + 1 + ties };
}

/** The best parse on from a state, and how many search steps a plain enumeration of it takes. */
interface StateResult {
  readonly best: Parse | null;
  readonly steps: number;
}

/**
 * The search for the best cut of one run. The rows are cut left to right: a name, then one value
 * per column in order; a row may stop after its actual, and the next row starts there. The best
 * parse on from a position and column does not depend on how the run before was cut, so each
 * (position, column) state is searched once (dynamic programming), not once per way of reaching it.
 *
 * The work bound counts the steps of the plain depth-first enumeration (every way of reaching a
 * state walks it again), so that the same runs are given up on: `steps` sums, per state, the
 * enumeration's steps below it. The states actually searched are a subset of those steps, so the
 * search itself stops early once it has done more than the bound.
 */
class GluedRunSearch {
  /** Steps of the plain enumeration (capped just above the bound). */
  steps = 0;
  /** Work actually done; never more than `steps` would be. */
  private work = 0;
  /**
   * Searched states by key (position × column); arrays, as every key is a small integer, made at
   * full length so that they stay plain arrays however they are filled.
   */
  private readonly states: (StateResult | undefined)[];
  /** `from` results by position; undefined = not searched yet. */
  private readonly starts: (Parse | null | undefined)[];
  private readonly ti: number;
  /** The table has 分值/得分 columns after the actual (bareTrusted). */
  private readonly pointsAfterActual: boolean;
  /** The run holds a rubric row (RUBRIC_ROW), so rows with the mark dropped are read too. */
  private readonly rubric: boolean;

  constructor(
    private readonly run: string,
    private readonly columns: readonly IndicatorColumn[],
  ) {
    this.ti = columns.indexOf('target');
    this.pointsAfterActual = columns.slice(this.ti + 2).some((c) => c === 'weight' || c === 'score');
    // Most runs hold no dash: the regex (a lookbehind) is tried only on those that do.
    this.rubric = (run.includes('一') || run.includes('—')) && RUBRIC_ROW.test(run);
    this.states = new Array<StateResult | undefined>((run.length + 1) * (columns.length + 1));
    this.starts = new Array<Parse | null | undefined>(run.length + 1);
  }

  get givenUp(): boolean {
    return this.work > MAX_STEPS || this.steps > MAX_STEPS;
  }

  /** The best parse of the run from `start` on, beginning with a row name. */
  from(start: number): Parse | null {
    const known = this.starts[start];
    if (known !== undefined) return known;
    const { run } = this;
    const digitFirst = /^\d/.test(run.charAt(start)) ? -0.3 : 0;
    let best: Parse | null = null;
    for (let n = start + 2; n < run.length - 1 && !this.givenUp; n++) {
      // A name does not end inside a number (`渔船补贴发放率10` | `0%…` cuts `100%`).
      if (isDigit(run.charCodeAt(n - 1)) && isDigit(run.charCodeAt(n))) continue;
      // Nor with a comparator: `≧` begins the target (`…程度≧90%90%` is ≧90% | 90%, not 90% | 90%).
      if (COMPARATORS.includes(run.charAt(n - 1))) continue;
      const next = this.state(n, 0);
      this.steps = Math.min(MAX_STEPS + 1, this.steps + next.steps);
      if (next.best === null) continue;
      // The name's cell is cut out only for a parse that is kept.
      const score = digitFirst + next.best.score;
      const order = compare(best, score);
      if (order > 0)
        best = { score, ties: next.best.ties, link: { kind: 'cells', cells: [run.slice(start, n)], at: n, col: 0 } };
      else if (order === 0 && best !== null) best = tied(best, next.best.ties);
    }
    this.starts[start] = best;
    return best;
  }

  /** The rows of a parse found by `from(0)`. */
  rows(first: Parse): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    for (let parse: Parse | null | undefined = first; parse !== null && parse !== undefined;) {
      const link: Link = parse.link;
      if (link.kind === 'cells') {
        row.push(...link.cells);
        parse = this.states[this.key(link.at, link.col)]?.best;
        continue;
      }
      rows.push(row);
      row = [];
      parse = link.kind === 'rest' ? this.starts[link.at] : null;
    }
    return rows;
  }

  /**
   * Two equal bare numbers from `at` to `end` (`变质比例00` = 0 | 0, `补贴渔船数6620` = 6 | 6 | 20) are
   * the target and the actual only where they cannot be 分值/得分 or part of another number: they
   * open their run of digits, and that run ends with them when the table has no 分值/得分 after the
   * actual, or goes on (the row's 分值/得分) when it has. A row printing only `1010` in a scored
   * table stays whole: it may be 分值 and 得分.
   */
  private bareTrusted(at: number, end: number): boolean {
    if (at > 0 && isDigit(this.run.charCodeAt(at - 1))) return false;
    return isDigit(this.run.charCodeAt(end)) === this.pointsAfterActual;
  }

  private key(at: number, col: number): number {
    return at * (this.columns.length + 1) + col;
  }

  /** A row may stop after its actual; numeric columns left out cost more when another row follows. */
  private missing(col: number, atEnd: boolean): number {
    let missing = 0;
    for (let k = col; k < this.columns.length; k++)
      if (this.columns[k] === 'weight' || this.columns[k] === 'score') missing += atEnd ? 0.5 : 1.5;
    return missing;
  }

  private state(at: number, col: number): StateResult {
    const key = this.key(at, col);
    const known = this.states[key];
    if (known !== undefined) return known;
    this.work += 1;
    const { run, columns, ti } = this;
    let best: Parse | null = null;
    let steps = 1;
    // Each candidate: after = the state it goes on from, steps += its steps, best = offer(…).
    // (Written out, not as a closure: one closure per searched state was most of the search's garbage.)
    let after: StateResult;
    if (col > ti + 1) {
      if (at === run.length) best = better(best, { score: -this.missing(col, true), ties: 0, link: END });
      else {
        const rest = this.from(at);
        if (rest !== null)
          best = better(best, {
            score: -this.missing(col, false) + rest.score,
            ties: rest.ties,
            link: { kind: 'rest', at },
          });
      }
    }
    const kind = columns[col];
    if (at < run.length && kind !== undefined && !this.givenUp) {
      if (kind === 'weight' || kind === 'score') {
        // OCR debris (`IO` for 10) ending the run still closes the row; it is kept as printed.
        // OCR_NUMBER takes at most three characters: longer tails are not cut out to test it.
        if (run.length - at <= 3) {
          const tail = run.slice(at);
          if (OCR_NUMBER.test(tail)) {
            after = this.state(run.length, col + 1);
            steps += after.steps;
            best = offer(best, after, 0, tail, null, run.length, col + 1);
          }
        }
        // test, not exec: the length is where the sticky match ends, and no match array is made.
        SCORE_NUMBER_AT.lastIndex = at;
        const numberLength = SCORE_NUMBER_AT.test(run) ? SCORE_NUMBER_AT.lastIndex - at : 0;
        for (let len = numberLength; len >= 1; len--) {
          // The longer number is likelier (`10` rather than `1` + a name starting with `0`).
          if (run.charCodeAt(at + len - 1) === 0x2e) continue;
          after = this.state(at + len, col + 1);
          steps += after.steps;
          best = offer(best, after, len * 0.01, run.slice(at, at + len), null, at + len, col + 1);
        }
      } else if (col === ti) {
        // A rubric row whose `一` the host dropped (`可行性2实际工作需求2` after `…4一目标明确…4`):
        // in a run of rubric rows, worded text up to the 得分 is the actual, the target left blank.
        if (this.rubric && !NO_TARGET.test(run.charAt(at))) {
          const end = rubricActualEnd(run, at);
          if (end > 0) {
            after = this.state(end, col + 2);
            steps += after.steps;
            best = offer(best, after, RUBRIC_BLANK_TARGET, '', run.slice(at, end), end, col + 2);
          }
        }
        const targetLimit = amountLimit(run, at);
        const opening = run.charCodeAt(at);
        for (let t = at + 1; t < run.length && !this.givenUp; t++) {
          // Past the amount and the one-character target, a target end counts one step and is tried
          // only when the text repeats, which needs run[t] to be run[at]: the ends in between are
          // counted at once (the same totals; once over the bound the run is given up either way).
          if (t > targetLimit && t - at > 1 && run.charCodeAt(t) !== opening) {
            const next = run.indexOf(run.charAt(at), t + 1);
            const skipped = (next < 0 ? run.length : next) - t;
            steps += skipped;
            this.work += skipped;
            t += skipped - 1;
            continue;
          }
          const unit = t <= targetLimit ? unitOf(run.slice(at, t)) : null;
          // The same text twice, or two short amounts of one unit: actuals end at `twice`, then
          // (amounts only) at every place up to MAX_AMOUNT on.
          // A rubric's `一` before a worded actual: the actual runs to the next number (its 得分).
          const rubric =
            t - at === 1 &&
            unit === null &&
            MARK_OR_YES_NO.test(run.charAt(at)) &&
            !ROW_NUMBER_BEFORE.test(run.slice(0, at))
              ? rubricActualEnd(run, t)
              : -1;
          const twice = rubric > 0 ? rubric : t + (t - at);
          const last = unit === null ? t : Math.min(run.length, t + MAX_AMOUNT);
          const tried = 1 + (last - t) - (twice <= last ? 1 : 0);
          steps += tried;
          this.work += tried;
          // agreement() reaches MIN_SCORE only for a one-character target (— before a worded
          // actual), the same text twice, or two amounts: other pairs are not worth scoring.
          const single = t - at === 1;
          const repeated = repeatsAt(run, at, t);
          if (!single && !repeated && unit === null) continue;
          const target = run.slice(at, t);
          if (startsMidNumber(target)) continue;
          // agreement() gives a bare number at most 1, below MIN_SCORE: only a pair trusted here is tried.
          const bare = isBareNumber(target);
          if (bare && !(repeated && this.bareTrusted(at, twice))) continue;
          const actualLimit = unit === null ? -1 : amountLimit(run, t);
          for (let k = 0; k <= last - t; k++) {
            // `twice` first, then the other ends in order (as a set of ends, without repeats).
            const a = k === 0 ? twice : t + k;
            if ((k > 0 && a === twice) || a > run.length) continue;
            if (!single && !(repeated && a === twice) && !(unit !== null && a <= actualLimit)) continue;
            if (bare && a !== twice) continue;
            const actual = run.slice(t, a);
            const agree = bare ? BARE_PAIR : agreement(target, actual, unit, a <= actualLimit);
            if (agree < MIN_SCORE) continue;
            after = this.state(a, col + 2);
            steps += after.steps;
            best = offer(best, after, agree, target, actual, a, col + 2);
          }
        }
      } else if (col > ti + 1) {
        // note / extra: the rest of the run, on the last row only.
        after = this.state(run.length, col + 1);
        steps += after.steps;
        best = offer(best, after, -NOTE_COST, run.slice(at), null, run.length, col + 1);
      }
    }
    const result = { best, steps: Math.min(steps, MAX_STEPS + 1) };
    this.states[key] = result;
    return result;
  }
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
  const search = new GluedRunSearch(run, columns);
  const found = search.from(0);
  if (found === null || found.ties > 0 || search.givenUp) return null;
  return noteAsRow(search.rows(found), columns);
}

/**
 * A name, numbers apart, and a bare 得分 closing it (`绿化、水电费等成本3M.8万元14.8万元3`): the
 * shape of a row whose values disagree (OCR), not of a note, which ends in words or a unit.
 */
const ROW_SHAPED_NOTE = /^\p{Script=Han}{2}[^\d]*\d.*\D\d{1,3}$/u;

/**
 * The note closing the last row when it is the next row, glued on and not cut (its values
 * disagree): given a row of its own, left whole, so the caller reports it and the row before
 * keeps a blank note.
 */
function noteAsRow(rows: string[][], columns: readonly IndicatorColumn[]): string[][] {
  const last = rows[rows.length - 1];
  if (last === undefined || last.length !== columns.length + 1 || columns[columns.length - 1] !== 'note') return rows;
  const note = last[last.length - 1] ?? '';
  if (!ROW_SHAPED_NOTE.test(note)) return rows;
  return [...rows.slice(0, -1), last.slice(0, -1), [note]];
}

/** Splits a glued run holding several rows at its `指标N` starts. */
export function splitGluedRows(run: string): string[] {
  return run.split(INNER_ROW_START).filter((p) => p !== '');
}
