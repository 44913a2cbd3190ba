/**
 * The 年度总体目标 block of laid-out text: 年初设定目标 and 全年实际完成情况 side by side, each
 * wrapped over many lines, so that read line by line the two texts interleave. The planned text is
 * left-aligned in its column (its lines start at one position); what stands right of it on a line
 * is the actual text. The block is printed back as its two texts under their labels.
 */
import { joinWrapped } from './join-wrapped.js';
import { runsOf, type Run } from './laid-out-runs.js';
import { normalizeLabel } from './vocabulary.js';

const ANCHOR = '年度总体目标';
const PLANNED = new Set(['年初设定目标', '预期目标']);
const ACTUAL = new Set(['全年实际完成情况', '实际完成情况']);
/** Where the block ends: the indicator table (read already, or not) or the form's foot. */
const BLOCK_END = /^(?:绩效指标|\||一级指|说明|填表人|备注)/;
/** Lines of a block at most. */
const MAX_LINES = 40;
/** How far right of the planned column's left edge its lines may start (poppler's drift). */
const PLANNED_INDENT = 5;
/** How far right of the planned column the actual text starts at least, on a line of its own. */
const APART = 15;

export interface LaidOutObjectives {
  readonly start: number;
  readonly end: number;
  readonly lines: string[];
}

const isAnchorPiece = (text: string): boolean => ANCHOR.includes(normalizeLabel(text));

/**
 * The planned column's left edge: the leftmost start of a line's first run, when another line
 * starts near it too (poppler drifts a few columns line to line); null when none does.
 */
function plannedLeft(lines: readonly Run[][]): number | null {
  const starts = lines.flatMap((runs) => (runs[0] === undefined ? [] : [runs[0].x]));
  const left = Math.min(...starts);
  return starts.filter((x) => x <= left + PLANNED_INDENT).length >= 2 ? left : null;
}

/** Reads the objectives block whose header is at or after line `from`; null when there is none. */
export function readLaidOutObjectives(lines: readonly string[], from: number): LaidOutObjectives | null {
  let start = from;
  const opens = (line: string): boolean =>
    line.includes('目标') && runsOf(line).some((r) => PLANNED.has(normalizeLabel(r.text)));
  while (start < lines.length && !opens(lines[start] ?? '')) start++;
  if (start >= lines.length) return null;
  let end = start + 1;
  while (end < lines.length && end - start < MAX_LINES && !BLOCK_END.test((lines[end] ?? '').trim())) end++;
  if (end - start < 4 || end - start >= MAX_LINES) return null;
  const body: Run[][] = [];
  let planned: string | null = null;
  let actual: string | null = null;
  for (let i = start; i < end; i++) {
    const runs = runsOf(lines[i] ?? '').filter((r) => {
      const label = normalizeLabel(r.text);
      if (PLANNED.has(label)) planned = r.text;
      else if (ACTUAL.has(label)) actual = r.text;
      else return true;
      return false;
    });
    body.push(runs);
  }
  if (planned === null || actual === null) return null;
  // The side label (`年度` / `总体` / `目标`, `年度总体`) stands left of the planned column.
  const left = plannedLeft(body.map((runs) => runs.filter((r) => !isAnchorPiece(r.text))));
  if (left === null) return null;
  const text = body.map((runs) => runs.filter((r) => !(isAnchorPiece(r.text) && r.x < left - 1)));
  // A line starting a little right of the planned column may be a planned line indented or the
  // actual text: the block is left as it is.
  if (text.some((runs) => runs[0] !== undefined && runs[0].x > left + PLANNED_INDENT && runs[0].x < left + APART))
    return null;
  const plannedText: string[] = [];
  const actualText: string[] = [];
  for (const runs of text) {
    runs.forEach((run, k) => {
      if (k === 0 && run.x <= left + PLANNED_INDENT) plannedText.push(run.text);
      else actualText.push(run.text);
    });
  }
  if (plannedText.length === 0 || actualText.length === 0) return null;
  return {
    start,
    end,
    lines: [`${ANCHOR} ${planned}`, joinWrapped(plannedText), actual, joinWrapped(actualText)],
  };
}
