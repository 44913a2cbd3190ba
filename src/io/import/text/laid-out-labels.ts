/**
 * Labels of laid-out text that their cell wrapped (`项目起止时` / `间`, `项目资金（万` / `元）`,
 * `全年预算数` / `（A）`): the rest stands below at the same columns, on the next line or, where
 * LibreOffice centred the row's values between the label's lines, on the line after. Read line by
 * line the pieces land in other fields (`社区矫正项目起止时2020.1.1-…` as the project name, `元）` as
 * a funding row). Each label is put back whole on its row's line, at its place.
 */
import { displayWidth } from './join-wrapped.js';
import { runsOf, type Run } from './laid-out-runs.js';
import {
  EXTRA_LABELS,
  FIELD_LABELS,
  FUNDING_ANCHORS,
  FUNDING_COLUMNS,
  OBJECTIVE_ANCHORS,
  normalizeLabel,
  prefixesOf,
} from './vocabulary.js';

const LABELS: ReadonlySet<string> = new Set(
  [
    ...FIELD_LABELS.keys(),
    ...EXTRA_LABELS,
    ...FUNDING_ANCHORS,
    ...[...FUNDING_ANCHORS].flatMap((a) => [`${a}(万元)`, `${a}(元)`]),
    ...FUNDING_COLUMNS.keys(),
    ...OBJECTIVE_ANCHORS,
  ].map(normalizeLabel),
);
const PREFIXES = prefixesOf(LABELS);
/** Beginnings of a longer label (`全年预算数` of `全年预算数(A)`, `项目起止时` of `项目起止时间`). */
const OPENINGS: ReadonlySet<string> = new Set([...LABELS].flatMap((l) => [...l].map((_, k) => l.slice(0, k)).slice(2)));

const overlaps = (a: Run, b: Run): boolean => a.x < b.end && b.x < a.end;

/**
 * The line rebuilt from its runs, each at its column or, when the one before now reaches there
 * (a label made longer), one space after it: the tables are read already, and the rest of the
 * text is read by its words.
 */
function layOut(runs: readonly Run[]): string {
  let line = '';
  let width = 0;
  for (const run of [...runs].sort((a, b) => a.x - b.x)) {
    const gap = width === 0 ? run.x : Math.max(1, run.x - width);
    line += ' '.repeat(gap) + run.text;
    width += gap + displayWidth(run.text);
  }
  return line;
}

/** Puts wrapped labels back together, in place, on lines [from, to) that are not pipe rows. */
export function joinWrappedLabels(lines: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if ((lines[i] ?? '').includes('|')) continue;
    // A join lays the line out again (a longer label pushes the runs after it): read it anew.
    const done = new Set<string>();
    for (let again = true; again;) {
      again = false;
      for (const head of runsOf(lines[i] ?? '')) {
        if (done.has(head.text) || !OPENINGS.has(normalizeLabel(head.text))) continue;
        done.add(head.text);
        if (joinOne(lines, i, head, to)) {
          again = true;
          break;
        }
      }
    }
  }
}

/**
 * How far left of its head a wrapped piece may start: poppler shifts a short line's text against
 * a long line's, more the further right (`项目起止时` at column 49, its `间` at 41).
 */
const drift = (head: Run): number => Math.max(5, Math.round(head.x / 5));
/** Pieces of one label at most (`年度` / `总体` / `目标`). */
const MAX_PIECES = 3;

const under = (piece: Run, head: Run): boolean =>
  overlaps(piece, head) || (piece.x >= head.x - drift(head) && piece.x < head.end);

/** Joins the label that `head` opens; whether it did. */
function joinOne(lines: string[], i: number, head: Run, to: number): boolean {
  const pieces: { line: number; run: Run }[] = [{ line: i, run: head }];
  let text = head.text;
  while (pieces.length < MAX_PIECES + 1) {
    const at = pieces[pieces.length - 1]?.line ?? i;
    let found: { line: number; run: Run } | undefined;
    for (const j of [at + 1, at + 2]) {
      if (j >= to || (lines[j] ?? '').includes('|')) return false;
      const run = runsOf(lines[j] ?? '').find((r) => under(r, head) && PREFIXES.has(normalizeLabel(text + r.text)));
      if (run !== undefined) {
        found = { line: j, run };
        break;
      }
    }
    if (found === undefined) return false;
    pieces.push(found);
    text += found.run.text;
    if (LABELS.has(normalizeLabel(text))) break;
  }
  if (!LABELS.has(normalizeLabel(text))) return false;
  const own = runsOf(lines[i] ?? '');
  const next = pieces[1]?.line ?? i;
  const between = next === i + 2 ? runsOf(lines[i + 1] ?? '') : [];
  // Alone on its line, with the row's values on the line between its pieces: that line is the row's.
  const row = own.length === 1 && between.length > 0 ? i + 1 : i;
  const label: Run = { text, x: head.x, end: head.x + displayWidth(text) };
  const rowRuns = row === i ? own.filter((r) => r.x !== head.x) : between;
  const laid = layOut([...rowRuns, label]);
  const edited = new Map<number, string>();
  for (const { line, run } of pieces) {
    const kept = runsOf(edited.get(line) ?? lines[line] ?? '').filter((r) => r.x !== run.x);
    edited.set(line, layOut(kept));
  }
  for (const [line, textOf] of edited) lines[line] = textOf;
  lines[row] = laid;
  return true;
}
