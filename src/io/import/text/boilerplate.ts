import { continuesNotes, holdsNotePhrase } from '../template-notes.js';
import type { TextLine } from './tokenize-lines.js';

/**
 * Printed text that is not data: the 备注 notes every template repeats under the table, page
 * markers and attachment numbers. These lines are left out of the forms without an issue.
 */

const NOTE_START = /^(备注|注)\s*[:：]/;
const PAGE_MARKER =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|\d{1,4}\s*\/\s*\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|附件\s*\d{0,3}\s*[:：]?)$/;

const MARKER_START = /^[-—–－\d第附]/;

function isTitleLine(line: TextLine): boolean {
  return line.cells.some((c) => c.includes('自评表')) || line.cells.some((c) => /^项目名称/.test(c));
}

/** True for a line that is only a page marker (`-1-`, `1 / 17`, `第1页`) or `附件2`. */
export function isMarkerLine(line: TextLine): boolean {
  // Every marker begins with a dash, a digit, 第 or 附: other lines need no joining and no regex.
  const first = line.cells[0];
  if (first === undefined || !MARKER_START.test(first)) return false;
  return PAGE_MARKER.test(line.cells.join(' ').trim());
}

/**
 * The index of the first cell that opens a note (NOTE_START), or -1. A loop, not findIndex with a
 * closure (one closure per line of every text); the regex runs only on cells beginning with 备 or 注.
 */
function noteCell(cells: readonly string[]): number {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? '';
    const first = cell.charCodeAt(0);
    if ((first === 0x5907 || first === 0x6ce8) && NOTE_START.test(cell)) return i;
  }
  return -1;
}

/**
 * Lines with a note opening mid-line (`…总分100100注:1.一级指标分值…`, glued text whose cells are
 * cut from one line) cut in two at the note, so that the note is a line of its own for
 * findBoilerplate; other lines are returned as they are. A line opening with a note is cut too
 * when the next form follows the note on it (glued forms: `备注：1.…加权平均计算。` then the next
 * title), or the whole next form would be dropped with the note.
 */
export function cutAtNotes(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const whole of lines) {
    // A run of glued forms holds a note after each: the rest after a form's note is cut again.
    for (let line: TextLine | null = whole; line !== null;) {
      const k = noteCell(line.cells);
      if (k < 0) {
        out.push(line);
        break;
      }
      // The next form glued after the note starts a line of its own too, so the note block ends there.
      const title = line.cells.findIndex((c, i) => i > k && (c.includes('自评表') || /^项目名称/.test(c)));
      const end = title < 0 ? line.cells.length : title;
      if (k > 0) out.push({ ...line, cells: line.cells.slice(0, k) });
      out.push({ ...line, cells: line.cells.slice(k, end) });
      line = title < 0 ? null : { ...line, cells: line.cells.slice(title) };
    }
  }
  return out;
}

/**
 * Indexes (into `lines`) of boilerplate lines: standard 备注 notes (up to where they end, or the
 * next form title) and marker lines. What a page prints after the notes is left to the form's
 * reader, which places or reports it (template-notes.ts).
 */
export function findBoilerplate(lines: readonly TextLine[]): Set<number> {
  const out = new Set<number>();
  const textOf = (line: TextLine): string => line.cells.join('');
  // A note start before this index lies in a block already found to hold no note phrase: its own
  // block ends where that block ends (the same lines continue it), and its text is a piece of that
  // block's, so it holds none either. Without this, every such start rescanned to the block's end
  // (quadratic: 8,000 `备注：1.说明` lines 5 s).
  let noPhraseUntil = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) continue;
    if (isMarkerLine(line)) {
      out.add(i);
      continue;
    }
    const first = line.cells[0];
    if (first === undefined || i < noPhraseUntil || !NOTE_START.test(first)) continue;
    let end = i + 1;
    let previous = textOf(line);
    while (end < lines.length) {
      const next = lines[end];
      if (next === undefined || isTitleLine(next)) break;
      // A page marker between two lines of the notes belongs to neither.
      if (!isMarkerLine(next)) {
        const text = textOf(next);
        if (!continuesNotes(text, previous)) break;
        previous = text;
      }
      end += 1;
    }
    if (!holdsNotePhrase(lines.slice(i, end).map(textOf).join(''))) {
      noPhraseUntil = end;
      continue;
    }
    for (let k = i; k < end; k++) out.add(k);
    i = end - 1;
  }
  return out;
}
