/**
 * The 一级/二级指标 of a laid-out indicator table. A level cell spans several rows and prints its
 * label once, wrapped (`社会效益` / `指标`) and centred in the cell's height, so the label's line
 * alone does not say which rows it covers: the rows between two labels may belong to either. The
 * cells are found as a cutting of the table's lines into consecutive blocks, one per label,
 * each centred on its label (within half a line, poppler's rounding), the cutting whose blocks
 * are best centred when several fit; a row that equally good cuttings give to different labels is
 * left without its level (the caller reports it).
 */
import { LEVEL1_NAMES, LEVEL2_NAMES } from './vocabulary.js';

/** A piece of a level column: its text and its line. */
export interface LevelPiece {
  readonly text: string;
  readonly line: number;
}

/** A level label joined from its pieces, with its first and last line. */
export interface LevelLabel {
  readonly text: string;
  readonly first: number;
  readonly last: number;
}

/** Lines [first, last] of one indicator row. */
export interface RowLines {
  readonly first: number;
  readonly last: number;
}

const isPrefixOf = (names: ReadonlySet<string>, text: string): boolean => [...names].some((n) => n.startsWith(text));

/** Largest line gap inside one label: LibreOffice centres a wrapped label's pieces around a row. */
const MAX_GAP = 3;

/**
 * Joins the pieces of a level column into labels of `names`, longest first (`社会效益` + `指标`
 * is 社会效益指标, not 社会效益 then a stray 指标). Pieces that make no label are returned apart.
 */
export function joinLabels(
  pieces: readonly LevelPiece[],
  names: ReadonlySet<string>,
): { labels: LevelLabel[]; stray: LevelPiece[] } {
  const labels: LevelLabel[] = [];
  const stray: LevelPiece[] = [];
  let open: LevelPiece[] = [];
  const close = (): void => {
    const text = open.map((p) => p.text).join('');
    const first = open[0];
    const last = open[open.length - 1];
    if (first !== undefined && last !== undefined && names.has(text))
      labels.push({ text, first: first.line, last: last.line });
    else stray.push(...open);
    open = [];
  };
  for (const piece of pieces) {
    const text = open.map((p) => p.text).join('') + piece.text;
    const previous = open[open.length - 1];
    const near = previous === undefined || piece.line - previous.line <= MAX_GAP;
    if (open.length > 0 && (!near || !isPrefixOf(names, text))) close();
    open.push(piece);
    const joined = open.map((p) => p.text).join('');
    if (!isPrefixOf(names, joined)) close();
  }
  close();
  return { labels, stray };
}

export const joinLevel1 = (pieces: readonly LevelPiece[]): ReturnType<typeof joinLabels> =>
  joinLabels(pieces, LEVEL1_NAMES);
export const joinLevel2 = (pieces: readonly LevelPiece[]): ReturnType<typeof joinLabels> =>
  joinLabels(pieces, LEVEL2_NAMES);

/** How far (in lines) a block's middle may lie from its label's: poppler rounds text to lines. */
const SLACKS = [0.5, 1];
/**
 * Steps of the search at most: a dozen labels with a few block ends each take a few hundred; a
 * table past this (hundreds of labels, page after page) gets only its certain levels.
 */
const MAX_STEPS = 100_000;

/**
 * For each row, the index of the label whose cell covers it, or null when the cuttings of lines
 * [start, end) into blocks centred on the labels disagree about it (or there is none). The last
 * block runs to the end of the table, centred or not (a table cut by the page, a last row taller
 * than its label).
 */
export function rowLabels(
  labels: readonly LevelLabel[],
  rows: readonly RowLines[],
  start: number,
  end: number,
): (number | null)[] {
  const [strict, loose] = SLACKS.map((slack) => bestCutting(labels, rows, start, end, slack));
  if (!strict || !loose) return rows.map((r) => certainLabel(labels, r));
  return strict.map((k, i) => (k !== null && k === loose[i] ? k : null));
}

/**
 * When no cutting fits (cells poppler could not line up), the rows whose level is certain all the
 * same: a row on a line of a label (a cell holds its label), before the first label or after the
 * last (no other label's cell reaches there).
 */
function certainLabel(labels: readonly LevelLabel[], row: RowLines): number | null {
  const on = labels.flatMap((l, k) => (l.first <= row.last && row.first <= l.last ? [k] : []));
  if (on.length > 0) return on.length === 1 ? (on[0] ?? null) : null;
  const first = labels[0];
  const last = labels[labels.length - 1];
  if (first !== undefined && row.last < first.first) return 0;
  if (last !== undefined && row.first > last.last) return labels.length - 1;
  return null;
}

function bestCutting(
  labels: readonly LevelLabel[],
  rows: readonly RowLines[],
  start: number,
  end: number,
  slack: number,
): (number | null)[] | null {
  if (labels.length === 0) return rows.map(() => null);
  // A block may end only where no row continues across.
  const cuts: number[] = [];
  for (let p = start + 1; p < end; p++) if (!rows.some((r) => r.first < p && p <= r.last)) cuts.push(p);
  let steps = 0;
  let best = Infinity;
  let found = rows.map(() => new Set<number>());
  const blocks: number[] = [start];
  const record = (cost: number): void => {
    if (cost > best + 1e-9) return;
    if (cost < best - 1e-9) {
      best = cost;
      found = rows.map(() => new Set<number>());
    }
    rows.forEach((r, i) => {
      for (let k = 0; k < labels.length; k++) {
        if (r.first >= (blocks[k] ?? 0) && r.last < (blocks[k + 1] ?? end)) found[i]?.add(k);
      }
    });
  };
  const walk = (k: number, cost: number): void => {
    if (++steps > MAX_STEPS) return;
    const label = labels[k];
    const from = blocks[k] ?? start;
    if (label === undefined || label.first < from) return;
    if (k === labels.length - 1) {
      blocks.push(end);
      record(cost);
      blocks.pop();
      return;
    }
    const middle = (label.first + label.last + 1) / 2;
    for (const to of cuts) {
      const off = Math.abs((from + to) / 2 - middle);
      if (to <= label.last || off > slack) continue;
      blocks.push(to);
      walk(k + 1, cost + off);
      blocks.pop();
    }
  };
  walk(0, 0);
  if (best === Infinity || steps > MAX_STEPS) return null;
  return found.map((set) => (set.size === 1 ? ([...set][0] ?? null) : null));
}

/** The 一级指标 a 二级指标 of the template belongs to. */
export function level1Of(level2: string): string | null {
  const base = level2.replace(/指标$/, '');
  if (['数量', '质量', '时效', '成本', '经济成本', '社会成本', '生态环境成本'].includes(base)) return '产出指标';
  if (['经济效益', '社会效益', '生态效益', '环境效益', '可持续影响', '可持续性'].includes(base)) return '效益指标';
  if (base === '服务对象满意度') return '满意度指标';
  return null;
}
