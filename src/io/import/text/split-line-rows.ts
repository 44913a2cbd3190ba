import type { IndicatorColumn } from './vocabulary.js';
import { isNothing, parseMoney } from './parse-number.js';

/**
 * Where indicator rows begin inside one printed line that holds several of them (a flattened HTML
 * or xlsx table: `补助村数量 =8个 8 8 8 保障村干部人数 =42个 42 8 8`). Each row is a name (one or two
 * cells) followed by values in the header's column order; the split chosen is the one whose cells
 * best fit the column shapes: 分值/得分 are numbers, 指标性质 is a comparator, a name is not a value,
 * and `指标3:` starts a row.
 */

/**
 * `指标3:` / `指标3.` / `指标 3、` opening a cell: the printed start of a 三级指标. Some templates
 * print the number with no punctuation (`指标1工程完工率`, a bare `指标2` left unfilled): a number
 * followed by a Han character or by nothing starts a row too (`指标3.5` or `指标30%` do not).
 */
export const ROW_START = /^指标\s*\d{1,3}\s*(?:[:：.．、]|\p{Script=Han}|$)/u;
/** ROW_START.test, the regex run only on text opening with 指 (asked for every cell and column). */
const isRowStart = (text: string): boolean => text.charCodeAt(0) === 0x6307 && ROW_START.test(text);
const VALUE_LIKE = /^(?:[≥≤≧≦<>=＞＜﹦═]|\d|[-—/／]$)|[%％]$/;
const NATURE = /^(?:[≥≤≧≦<>=＞＜﹦═]{1,2}|定性|定量)$/;
const NUMBER = /^\d+(?:\.\d+)?$/;
const OCR_NUMBER = /^(?=.*[IlOo])[\dIlOo]{1,3}(?:\.\d{1,2})?$/;

export interface LineRow {
  /** Indexes of the name cells (empty when the name came before the line). */
  readonly name: number[];
  /** Indexes of the value cells per column, in column order from the first column. */
  readonly values: number[][];
}

const INFEASIBLE = Infinity;
/** A name wrapped or spaced over up to four cells. */
const MAX_NAME_CELLS = 4;
const MAX_NOTE_CELLS = 8;
/** Per 分值/得分 column left blank by a row that more cells follow on its line. */
const MID_LINE_POINTS_COST = 1.5;
const NOTE_CELL_COST = 0.8;
/** Per name cell after the first (a name printed with spaces). */
const NAME_CELL_COST = 1;
/** A `0` in the note column: cheaper than a name that swallows a number to shift it into 得分. */
const NOTE_ZERO_COST = 0.5;
/** A blank 指标性质 or 度量单位 whose cell the host dropped. */
const SKIP_COST = 0.7;
/**
 * A blank 分值 before the target (`其中桃树种植面积 | 1.5亩 | 1.5亩` under 分值 | 年度指标值 | 全年实际值):
 * skipped only where the cell there is a value that cannot be a 分值 (`1.5亩`), so `name 10 10`
 * still reads 10 as the 分值 and words (`指标分值`) are not made a target.
 */
const WEIGHT_SKIP_COST = 1;

/** True when `text` holds an ASCII digit (by character code: asked of every cell of a line). */
function hasDigit(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0x30 && code <= 0x39) return true;
  }
  return false;
}

/** Cost of `text` standing in a column of `kind`; Infinity when it cannot. */
function valueCost(kind: IndicatorColumn, text: string): number {
  if (isRowStart(text)) return INFEASIBLE;
  switch (kind) {
    case 'weight':
    case 'score':
      if (isNothing(text) || NUMBER.test(text)) return 0;
      // OCR debris (`IO` for 10) still stands where the number stood.
      return OCR_NUMBER.test(text) ? 1 : INFEASIBLE;
    case 'nature':
      return NATURE.test(text) ? 0 : INFEASIBLE;
    case 'unit':
      if (text.length > 5 || /\d/.test(text)) return INFEASIBLE;
      return text.length <= 3 || text.includes('/') ? 0 : 1;
    case 'note':
    case 'extra':
      // A lone `0` is how some hosts fill a blank note, not a number gone astray.
      if (text === '0') return NOTE_ZERO_COST;
      return parseMoney(text) !== null ? 2 : 0;
    default:
      // 定性/定量 or a lone comparator is the 指标性质, not a target or an actual.
      return NATURE.test(text) ? 2 : 0;
  }
}

/** Cost of leaving a column of `kind` blank at the end of a row. */
function missingCost(kind: IndicatorColumn): number {
  if (kind === 'note' || kind === 'extra' || kind === 'unit' || kind === 'nature') return 0.3;
  if (kind === 'score' || kind === 'weight') return 1;
  return 1.5;
}

/** Cost of a name's first cell: a number or a dash is no name, but scrambled text must still be cut somewhere. */
function nameHeadCost(first: string): number {
  let cost = NUMBER.test(first) || isNothing(first) ? 8 : VALUE_LIKE.test(first) ? 4 : 0;
  if (isRowStart(first)) cost -= 1;
  return cost;
}

/**
 * Work arrays of splitLineRows, kept between calls and grown when a line needs more: creating
 * typed arrays costs more than the walk on most lines. splitLineRows never runs inside itself, and
 * every entry it reads it has written in the same call.
 */
const work: {
  costs: Float64Array;
  colStart: Int32Array;
  colCount: Int32Array;
  fromCols: Int32Array;
  fromName: Int32Array;
  fromStart: Int32Array;
  fromCount: Int32Array;
} = {
  costs: new Float64Array(64),
  colStart: new Int32Array(16),
  colCount: new Int32Array(16),
  fromCols: new Int32Array(16),
  fromName: new Int32Array(32),
  fromStart: new Int32Array(256),
  fromCount: new Int32Array(256),
};
const floats = (a: Float64Array, size: number): Float64Array =>
  a.length >= size ? a : new Float64Array(Math.max(size, 2 * a.length));
const ints = (a: Int32Array, size: number): Int32Array =>
  a.length >= size ? a : new Int32Array(Math.max(size, 2 * a.length));

/** Indexes `start` … `start + count - 1`. */
function range(start: number, count: number): number[] {
  const out: number[] = [];
  for (let k = start; k < start + count; k++) out.push(k);
  return out;
}

/**
 * Splits `texts` (the cells of one line) into rows; `namePending` lets the first row take its name
 * from the lines before. Null when no split fits the columns at all.
 */
export function splitLineRows(
  texts: readonly string[],
  columns: readonly IndicatorColumn[],
  namePending: boolean,
): LineRow[] | null {
  const n = texts.length;
  const width = columns.length;
  // best[i]: least cost of cutting texts[0..i) into whole rows.
  const best = new Array<number>(n + 1).fill(INFEASIBLE);
  best[0] = 0;
  // Per-cell facts and per-column costs are asked for by many walks: computed once.
  const rowStart = texts.map(isRowStart);
  const costs = (work.costs = floats(work.costs, width * n));
  costs.fill(NaN, 0, width * n);
  const cost = (col: number, pos: number): number => {
    const k = col * n + pos;
    let c = costs[k] ?? NaN;
    if (Number.isNaN(c)) {
      c = valueCost(columns[col] ?? 'extra', texts[pos] ?? '');
      costs[k] = c;
    }
    return c;
  };
  // Same summation order as adding missingCost column by column from `col` on.
  const missingFrom: number[] = [];
  for (let col = 0; col <= width; col++) {
    let missing = 0;
    for (let k = col; k < width; k++) missing += missingCost(columns[k] ?? 'extra');
    missingFrom.push(missing);
  }
  // A row that stops before its 分值/得分 with other cells before or after it on the line, its
  // target or actual words only: such words are more often a name or a note printed with spaces
  // (`城区 道路 清扫 面积`); a sub-row printing amounts only (`其中桃树 1.5亩 1.5亩`) is no such row.
  const pointsFrom: number[] = [];
  for (let col = 0; col <= width; col++) {
    let missing = 0;
    for (let k = col; k < width; k++)
      if (columns[k] === 'weight' || columns[k] === 'score') missing += MID_LINE_POINTS_COST;
    pointsFrom.push(missing);
  }
  const ti = columns.indexOf('target');
  const ai = columns.indexOf('actual');
  const digits = texts.map(hasDigit);
  /** The row walked so far fills its target or actual with a cell of words only (no digit). */
  const wordedValues = (col: number): boolean =>
    (ti >= 0 && ti < col && (colCount[ti] ?? 0) > 0 && digits[colStart[ti] ?? 0] === false) ||
    (ai >= 0 && ai < col && (colCount[ai] ?? 0) > 0 && digits[colStart[ai] ?? 0] === false);
  const lastKind = columns[width - 1];
  const noteKind = lastKind === 'note' || lastKind === 'extra';
  // The row being walked: its name and, per column, a run of cells (a value is one cell, a blank
  // collapsed column none, a note up to MAX_NOTE_CELLS). Kept in place and undone on return, so
  // that a walk step allocates nothing; a row is copied out only when it is the best so far.
  let nameStart = 0;
  let nameCount = 0;
  const colStart = (work.colStart = ints(work.colStart, width + 1));
  const colCount = (work.colCount = ints(work.colCount, width + 1));
  // The best row ending at each position, kept as numbers (a walk improves on a position many
  // times; only the rows of the final cut are made into LineRows, by `rowAt`).
  const stride = width + 1;
  const fromCols = (work.fromCols = ints(work.fromCols, n + 1));
  fromCols.fill(-1, 0, n + 1);
  const fromName = (work.fromName = ints(work.fromName, 2 * (n + 1)));
  const fromStart = (work.fromStart = ints(work.fromStart, stride * (n + 1)));
  const fromCount = (work.fromCount = ints(work.fromCount, stride * (n + 1)));
  const keep = (pos: number, col: number): void => {
    fromCols[pos] = col;
    fromName[2 * pos] = nameStart;
    fromName[2 * pos + 1] = nameCount;
    for (let k = 0; k < col; k++) {
      fromStart[pos * stride + k] = colStart[k] ?? 0;
      fromCount[pos * stride + k] = colCount[k] ?? 0;
    }
  };
  const rowAt = (pos: number): LineRow | null => {
    const col = fromCols[pos] ?? -1;
    if (col < 0) return null;
    const values: number[][] = [];
    for (let k = 0; k < col; k++)
      values.push(range(fromStart[pos * stride + k] ?? 0, fromCount[pos * stride + k] ?? 0));
    return { name: range(fromName[2 * pos] ?? 0, fromName[2 * pos + 1] ?? 0), values };
  };
  /** Fills the row's columns from `col` on; a row may stop early, a blank 指标性质/度量单位 collapses. */
  const walk = (pos: number, col: number, total: number, any: boolean): void => {
    const alone = pos === n && nameStart === 0;
    const kept = total + (missingFrom[col] ?? 0) + (alone || !wordedValues(col) ? 0 : (pointsFrom[col] ?? 0));
    if (any && kept < (best[pos] ?? INFEASIBLE)) {
      best[pos] = kept;
      keep(pos, col);
    }
    const kind = columns[col];
    if (kind === undefined) {
      // A note written with spaces spans several cells at the end of its row.
      const noteCells = col > 0 ? (colCount[col - 1] ?? 0) : 0;
      if (!noteKind || noteCells === 0 || noteCells >= MAX_NOTE_CELLS) return;
      if (pos >= n || rowStart[pos] === true || NUMBER.test(texts[pos] ?? '')) return;
      // A printed none (`/`, `—`) is the whole note: words after it open the next row.
      if (noteCells === 1 && isNothing(texts[colStart[col - 1] ?? 0] ?? '') && !isNothing(texts[pos] ?? '')) return;
      colCount[col - 1] = noteCells + 1;
      walk(pos + 1, col, total + NOTE_CELL_COST, any);
      colCount[col - 1] = noteCells;
      return;
    }
    if (kind === 'unit' || kind === 'nature') {
      colStart[col] = pos;
      colCount[col] = 0;
      walk(pos, col + 1, total + SKIP_COST, any);
    } else if (kind === 'weight' && pos < n && cost(col, pos) === INFEASIBLE && VALUE_LIKE.test(texts[pos] ?? '')) {
      colStart[col] = pos;
      colCount[col] = 0;
      walk(pos, col + 1, total + WEIGHT_SKIP_COST, any);
    }
    if (pos >= n) return;
    const c = cost(col, pos);
    if (c === INFEASIBLE) return;
    colStart[col] = pos;
    colCount[col] = 1;
    walk(pos + 1, col + 1, total + c, true);
  };
  const heads = texts.map(nameHeadCost);
  for (let i = 0; i < n; i++) {
    const base = best[i] ?? INFEASIBLE;
    if (base === INFEASIBLE) continue;
    nameStart = i;
    if (i === 0 && namePending) {
      nameCount = 0;
      walk(i, 0, base + 0.5, false);
    }
    for (let names = 1; names <= MAX_NAME_CELLS && i + names <= n; names++) {
      // A name is never cut across a `指标N:` start.
      if (names > 1 && rowStart[i + names - 1] === true) break;
      nameCount = names;
      const nc = (heads[i] ?? 0) + NAME_CELL_COST * (names - 1);
      walk(i + names, 0, base + nc, true);
    }
  }
  if ((best[n] ?? INFEASIBLE) === INFEASIBLE) return null;
  const rows: LineRow[] = [];
  for (let end = n; end > 0;) {
    const row = rowAt(end);
    if (row === null) return null;
    rows.unshift(row);
    end = row.name[0] ?? row.values.find((v) => v.length > 0)?.[0] ?? 0;
  }
  return rows;
}

/** `≥` `90%` printed apart is one value `≥90%` (tables without a 指标性质 column). */
export function joinComparators(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^[≥≤≧≦<>=＞＜﹦═]{1,2}$/.test(prev) && /^\d/.test(text))
      out[out.length - 1] = prev + text;
    else out.push(text);
  }
  return out;
}
