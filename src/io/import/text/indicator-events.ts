import type { LabelToken, StreamCell, Token } from './cell-stream.js';
import type { ParseContext } from './form-draft.js';
import { splitGluedRun, splitGluedRows } from './split-glued-row.js';
import { joinComparators, splitLineRows } from './split-line-rows.js';
import type { IndicatorColumn } from './vocabulary.js';

/**
 * The indicator table's body as events: category labels, and printed lines of cells. Glued runs
 * (`指标1免费发放原原种8550万粒550万粒8指标2…`) are cut into rows and cells here, as virtual cells
 * that report back to the printed cell once all its pieces are placed.
 */

export type Event =
  | { kind: 'level'; token: LabelToken }
  | {
      kind: 'line';
      cells: StreamCell[];
      line: number;
      rowStart: boolean;
      /** The first row cut out of a glued run: what was printed right before it is glued on it. */
      gluedFirst?: boolean;
    };

type LineEvent = Extract<Event, { kind: 'line' }>;

export function toEvents(tokens: readonly Token[]): Event[] {
  const events: Event[] = [];
  let line: LineEvent | null = null;
  for (const token of tokens) {
    if (token.type === 'label' && (token.kinds.has('level1') || token.kinds.has('level2'))) {
      events.push({ kind: 'level', token });
      line = null;
      continue;
    }
    if (line === null || line.line !== token.line) {
      line = { kind: 'line', cells: [], line: token.line, rowStart: false };
      events.push(line);
    }
    // Pushed one by one: an array per token only to spread it was most of this loop's garbage.
    if (token.type === 'cell') line.cells.push(token.cell);
    else for (const cell of token.cells) line.cells.push(cell);
  }
  return events;
}

/** Short level-2 names that a glued run prints right before a row's name. */
const LEVEL_PREFIX =
  /^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|可持续性|满意度)(?:指标)?(?=.)/u;

function levelToken(key: string, cell: StreamCell): LabelToken {
  return { type: 'label', kinds: new Set(['level2']), key, points: null, cells: [cell], rest: null, line: cell.line };
}

/** Glued runs are long, unbroken and hold numbers. */
const MIN_GLUED_RUN = 8;
const GLUED_CANDIDATE = new RegExp(`^(?=.*\\d)\\S{${MIN_GLUED_RUN},}$`, 'u');

/** A worded run without digits is a glued row only when it ends in its target printed twice (`…安全性高高`). */
const MAX_WORDED_VALUE = 10;
function endsTwice(text: string): boolean {
  if (/\s/.test(text)) return false;
  const n = text.length;
  for (let k = 1; k <= MAX_WORDED_VALUE && 2 * k < n; k++) if (repeatsAtEnd(text, k)) return true;
  return false;
}

/** True when the last `k` characters of `text` are printed twice (`text.endsWith(text.slice(-k).repeat(2))`, without the two strings). */
function repeatsAtEnd(text: string, k: number): boolean {
  const n = text.length;
  for (let m = 0; m < k; m++) if (text.charCodeAt(n - 2 * k + m) !== text.charCodeAt(n - k + m)) return false;
  return true;
}

const PLACEHOLDER_CELL = /^…{2,}$/;

/** Pieces of printed cells, to mark the printed cell used once every piece is. */
export type PieceMap = Map<StreamCell, StreamCell[]>;

function piece(of: StreamCell, text: string, pieces: PieceMap, pipe = of.pipe): StreamCell {
  const cell: StreamCell = { ...of, text, pipe, used: false };
  pieces.set(of, [...(pieces.get(of) ?? []), cell]);
  return cell;
}

/**
 * Replaces each line made of one glued run by one line per row it holds; a row whose cells can be
 * cut by the columns' shapes becomes a line of cells, others stay one cell that starts a row.
 */
export function expandGlued(
  events: readonly Event[],
  columns: readonly IndicatorColumn[],
  pieces: PieceMap,
  ctx: ParseContext,
): Event[] {
  const out: Event[] = [];
  for (const event of events) {
    // A template `……` row glued after the run (`…≥95%10……总分`) is cut off it and kept as its own line.
    const tail = event.kind === 'line' && event.cells.length === 2 && PLACEHOLDER_CELL.test(event.cells[1]?.text ?? '');
    const only = event.kind === 'line' && (event.cells.length === 1 || tail) ? event.cells[0] : undefined;
    if (
      event.kind !== 'line' ||
      only === undefined ||
      only.text.length < MIN_GLUED_RUN ||
      !(GLUED_CANDIDATE.test(only.text) || endsTwice(only.text))
    ) {
      out.push(event);
      continue;
    }
    const runs = splitGluedRows(only.text);
    const cut = runs.map((run) => splitGluedRun(run, columns));
    if (runs.length === 1 && cut[0] === null) {
      out.push(event);
      continue;
    }
    const rows = runs.flatMap((run, k) => cut[k] ?? [[run]]);
    ctx.log.add(
      'indicator-glued-split',
      'info',
      `这段指标文字的单元格连在一起，已按表头各列拆为：${rows.map((r) => r.join(' | ')).join(' ‖ ')}，请核对。`,
      event.line,
      only.text,
      { form: ctx.form, path: 'indicators' },
    );
    rows.forEach((cells, k) => {
      // Inside a run, a row's name may begin with the category it opens (`成本每年财政补助…`).
      const level = k > 0 && cells.length > 1 ? LEVEL_PREFIX.exec(cells[0] ?? '') : null;
      if (level !== null) {
        const cell = piece(only, level[0], pieces);
        out.push({ kind: 'level', token: levelToken(level[0], cell) });
        cells[0] = (cells[0] ?? '').slice(level[0].length);
      }
      // A blank cell the cut left (a rubric row's dropped `一`) keeps its column, as in a pipe row.
      const keepColumns = cells.includes('');
      out.push({
        kind: 'line',
        cells: cells.map((t) => piece(only, t, pieces, keepColumns || only.pipe)),
        line: event.line,
        rowStart: k > 0 || cells.length > 1,
        gluedFirst: k === 0 && level === null,
      });
    });
    if (tail) out.push({ kind: 'line', cells: event.cells.slice(1), line: event.line, rowStart: true });
  }
  return out;
}

/** Marks printed cells used when all their pieces were placed. */
export function settlePieces(pieces: PieceMap): void {
  for (const [cell, parts] of pieces) if (parts.every((p) => p.used)) cell.used = true;
}

/** How many lines after a name-only pipe row the host may have broken that row over. */
const MAX_BROKEN_LINES = 3;

/**
 * Joins a pipe row the host broke over several lines (110: `| 减轻贫困学生家庭经济负担 |` / `| 有效 |` /
 * `| 有效 | 10 | 10 |`) into one line: a row printing only its name, followed by short pipe lines
 * that together with it make exactly one row reaching its last numeric column (分值/得分). A name
 * with no values followed by another indicator's short row does not reach it, and stays apart.
 */
export function joinBrokenPipeRows(events: readonly Event[], columns: readonly IndicatorColumn[]): Event[] {
  const lastNumeric = Math.max(columns.lastIndexOf('weight'), columns.lastIndexOf('score'));
  if (lastNumeric < 0) return [...events];
  const width = columns.length;
  const keepNature = columns.includes('nature');
  const out: Event[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (event === undefined) continue;
    const head = event.kind === 'line' && event.cells.length === 1 ? event.cells[0] : undefined;
    if (event.kind !== 'line' || head?.pipe !== true || head.text === '') {
      out.push(event);
      continue;
    }
    let joined: LineEvent | null = null;
    const cells: StreamCell[] = [head];
    for (let k = i + 1; k < events.length && k <= i + MAX_BROKEN_LINES; k++) {
      const next = events[k];
      if (next?.kind !== 'line' || next.cells.length === 0 || next.cells.some((c) => !c.pipe)) break;
      cells.push(...next.cells.filter((c) => c.text !== ''));
      if (cells.length > width + 1) break;
      const texts = cells.map((c) => c.text);
      const rows = splitLineRows(keepNature ? texts : joinComparators(texts), columns, false);
      const row = rows?.length === 1 ? rows[0] : undefined;
      if (row?.name.length === 1 && (row.values[lastNumeric]?.length ?? 0) > 0) {
        joined = { kind: 'line', cells: [...cells], line: event.line, rowStart: true };
        i = k;
        break;
      }
    }
    out.push(joined ?? event);
  }
  return out;
}
