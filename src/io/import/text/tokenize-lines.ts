import { joinAutospaced } from './join-autospace.js';
import { joinWrapped } from './join-wrapped.js';
import { CONTINUED, csvRows } from './split-csv.js';
import { labelsRunAcross, pushGluedPieces, splitGluedLabels } from './split-glued.js';
import { isWhiteCode } from './white-space.js';

/**
 * The input text as numbered lines of cells. A cell is what the extraction separated by white
 * space or by `|` (pipe tables); a line made only of NBSP/blank characters with at least one NBSP
 * is an explicit empty cell of one-cell-per-line layouts.
 */
export interface TextLine {
  /** 1-based line number in the input. */
  readonly no: number;
  readonly cells: readonly string[];
  /** True when the line only holds NBSPs (an empty cell, not a gap). */
  readonly emptyCell: boolean;
  /** True when a blank line precedes this one. */
  readonly afterBlank: boolean;
  /** True for a row of a pipe or tab-separated table: the line is one table row, whatever its cell count. */
  readonly pipe: boolean;
}

const WHITE = /[\s\u00a0\u3000]+/;
const NOT_WHITE = /[^\s\u00a0\u3000]/;
const ALL_WHITE = /[\s\u00a0\u3000]+/g;
const PIPE_ROW = /\|.*\|/;

const STAR = /^[★☆*]+$/;

/** A long line of long runs is glued text whose spaces are line-wrap debris, not cell borders. */
const GLUED_LINE_LENGTH = 150;
const GLUED_MEAN_PART = 15;
/** A line this long without any space is one glued run. */
const GLUED_RUN = 80;

/** The glued line re-cut at the labels it holds, when that finds more cells than its spaces. */
function recutGlued(line: string, parts: readonly string[]): string[] | null {
  if (line.length < GLUED_LINE_LENGTH) return null;
  const words = parts.filter((p) => NOT_WHITE.test(p));
  if (words.length < 2) return null;
  // Short words are a flattened table's cells, unless labels run across them (wrap debris).
  const wrapped = line.replace(ALL_WHITE, '').length / words.length < GLUED_MEAN_PART;
  if (wrapped && !labelsRunAcross(words)) return null;
  const pieces = splitGluedLabels(joinWrapped(words));
  return wrapped || pieces.length > words.length ? pieces : null;
}

/** True for a row of a pipe table; the regex runs only on lines with two `|`. */
function isPipeRow(line: string): boolean {
  const first = line.indexOf('|');
  return first >= 0 && line.indexOf('|', first + 1) > first && PIPE_ROW.test(line);
}

/** A row of a pipe table, or of a tab-separated table copied from a spreadsheet. */
function isTableRow(line: string): boolean {
  return isPipeRow(line) || line.includes('\t');
}

/** `★`, `☆` or `*`: the characters a lone indicator marker is made of. */
const isStarCode = (code: number): boolean => code === 0x2605 || code === 0x2606 || code === 0x2a;

/**
 * Splits one line into cells: on `|` in pipe tables, on tabs in copied spreadsheets (both keep
 * empty cells between filled ones), else on runs of white space.
 */
export function splitCells(line: string): string[] {
  return cellsOf(line, isTableRow(line));
}

/**
 * The cells of a short plain line (no `|` row, no tab, too short to be glued text): its runs of
 * non-white characters, as `line.split(WHITE)` then trimming would give, without the regex split
 * and its array of parts (most lines of every text take this path).
 */
function plainCells(line: string): string[] {
  const out: string[] = [];
  let marker = '';
  const n = line.length;
  for (let k = 0; k < n;) {
    while (k < n && isWhiteCode(line.charCodeAt(k))) k++;
    if (k >= n) break;
    const start = k;
    while (k < n && !isWhiteCode(line.charCodeAt(k))) k++;
    marker = addCell(line.slice(start, k), marker, out);
  }
  if (marker !== '') out.push(marker);
  return joinAutospaced(out);
}

/**
 * Adds a cell to `out` behind the pending `marker`, and returns the new pending marker: a lone ★
 * marks the indicator printed after it, so it waits for the next cell instead of becoming one.
 */
function addCell(text: string, marker: string, out: string[]): string {
  if (isStarCode(text.charCodeAt(0)) && STAR.test(text)) return marker + text;
  pushGluedPieces(marker + text, out);
  return '';
}

/** `pipe` is isTableRow(line) (both callers pass it). */
function cellsOf(line: string, pipe: boolean): string[] {
  if (!pipe && line.length < GLUED_LINE_LENGTH) return plainCells(line);
  const parts = isPipeRow(line) ? pipeParts(line) : line.includes('\t') ? line.split('\t') : line.split(WHITE);
  const recut = pipe ? null : recutGlued(line, parts);
  if (recut !== null) return recut;
  return partsToCells(parts, pipe);
}

/**
 * A pipe row's parts between its bars. `\\|` is a bar inside a cell (as Markdown escapes it, and as
 * the laid-out reader writes the rows it rebuilt), kept as `|`.
 */
function pipeParts(line: string): string[] {
  if (!line.includes('\\|')) return line.split('|');
  return line.split(/(?<!\\)\|/).map((p) => p.replace(/\\\|/g, '|'));
}

/** The cells of a line's parts (a table row's when `pipe`: its empty cells between filled ones kept). */
function partsToCells(parts: readonly string[], pipe: boolean): string[] {
  const out: string[] = [];
  let marker = '';
  for (const part of parts) {
    if (!NOT_WHITE.test(part)) {
      // An empty cell between two filled ones of a pipe row keeps its column.
      if (pipe && out.length > 0) out.push('');
      continue;
    }
    // trim() removes exactly the characters of \s (NBSP and U+3000 included).
    marker = addCell(part.trim(), marker, out);
  }
  if (marker !== '') out.push(marker);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** A host's page marker inside a line of cells: `— 1 —`, `-2-` (not `- 10 -`, blank amounts around one). */
const INLINE_PAGE_MARKER = /(^|\s)(?:[—–－]\s*\d{1,3}\s*[—–－]|-\d{1,3}-)(?=\s|$)/g;
/** Every inline page marker holds one of these dashes; lines without one are left as they are. */
const MARKER_DASH = /[-—–－]/;
/** A host's page number opening a long glued line: `2、预算执行率10…`. */
const PAGE_NUMBER_START = /^\s*(\d{1,3})、(?=\S)/;

function isGluedLine(line: string): boolean {
  return line.length >= GLUED_LINE_LENGTH || (line.length >= GLUED_RUN && !/\s/.test(line.trim()));
}

/**
 * The lines without the page markers web hosts insert into the text (not the form's content):
 * inline `— 1 —`, and `1、` `2、` `3、` opening consecutive glued lines (one such line alone may be
 * the form's own numbered list, and is kept).
 */
export function dropPageMarkers(lines: readonly string[]): string[] {
  const out = lines.map((l) => (MARKER_DASH.test(l) ? l.replace(INLINE_PAGE_MARKER, '$1') : l));
  // Page numbers open glued lines only; most texts have none, and need no second pass.
  const numbered = new Map<number, number>();
  // The page just numbered while only blank lines follow it: the next page may be short (a run's last).
  let page = -1;
  out.forEach((l, i) => {
    const glued = isGluedLine(l);
    const n = glued || page >= 0 ? Number(PAGE_NUMBER_START.exec(l)?.[1] ?? NaN) : NaN;
    if (!Number.isNaN(n) && (glued || n === page + 1)) {
      numbered.set(i, n);
      page = n;
    } else if (NOT_WHITE.test(l)) page = -1;
  });
  if (numbered.size === 0) return out;
  const seen = new Set(numbered.values());
  const at = new Map([...numbered].map(([i, n]) => [n, i]));
  /** Where a page's text went when it was put back onto the page before. */
  const holder = new Map<number, number>();
  for (const [i, n] of numbered) {
    if (!seen.has(n - 1) && !seen.has(n + 1)) continue;
    out[i] = (out[i] ?? '').replace(PAGE_NUMBER_START, '');
    // The host cut one run into numbered pieces wherever its page ended, mid-cell (`…完成10` /
    // `2、0%100%10` is `100%`): page n goes back onto page n-1 when only blank lines part them.
    const prev = at.get(n - 1);
    if (prev === undefined || prev > i || out.slice(prev + 1, i).some((l) => NOT_WHITE.test(l))) continue;
    const into = holder.get(prev) ?? prev;
    out[into] = (out[into] ?? '').trimEnd() + out[i];
    out[i] = '';
    holder.set(i, into);
  }
  return out;
}

/** The text's lines; a plain string split when the text has only `\n` line ends (much faster than the regex). */
function splitLines(text: string): string[] {
  return OTHER_LINE_ENDS.test(text) ? text.split(/\r\n|\r|\n|\u2028|\u2029/) : text.split('\n');
}
const OTHER_LINE_ENDS = /[\r\u2028\u2029]/;

/**
 * A host that serves a table one cell per line closes each cell with ` |` (`项目名称 |`, a lone `|`
 * for an empty cell). The host drew that cell's borders, so its text is one cell, kept whole: a
 * template sentence left in it (`说明项目自评总分,说明项目实施…`) is not cut at the labels it
 * mentions. The cell's text, '' for an empty cell, or null when the line is not such a cell.
 */
function closedCell(line: string): string | null {
  const bar = line.indexOf('|');
  if (bar < 0 || bar !== line.lastIndexOf('|') || NOT_WHITE.test(line.slice(bar + 1))) return null;
  return line.slice(0, bar).trim();
}

/** Text → lines with cells; blank lines are dropped but remembered in `afterBlank`. */
export function tokenizeLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let afterBlank = false;
  let no = 0;
  const raws = dropPageMarkers(splitLines(text));
  // A spreadsheet served as CSV: its rows are table rows, cut at their commas (split-csv.ts).
  const csv = csvRows(raws);
  for (const [i, raw] of raws.entries()) {
    no += 1;
    const record = csv?.[i] ?? null;
    if (record === CONTINUED) continue;
    if (record !== null) {
      const cells = partsToCells(record, true);
      // A row of empty fields (`,,,,`) is a blank line.
      if (cells.length > 0) lines.push({ no, cells, emptyCell: false, afterBlank, pipe: true });
      afterBlank = cells.length === 0;
      continue;
    }
    const closed = closedCell(raw);
    if (closed === '') {
      lines.push({ no, cells: [], emptyCell: true, afterBlank, pipe: false });
      afterBlank = false;
      continue;
    }
    const pipe = closed === null && isTableRow(raw);
    const cells = closed === null ? cellsOf(raw, pipe) : [closed];
    if (cells.length === 0) {
      if (raw.includes('\u00a0') && raw.replace(/[\s\u00a0\u3000]/g, '') === '') {
        lines.push({ no, cells: [], emptyCell: true, afterBlank, pipe: false });
        afterBlank = false;
      } else afterBlank = true;
      continue;
    }
    const before = lines[lines.length - 1];
    if (before !== undefined && !afterBlank && joinsWrappedPoints(before, cells)) {
      lines[lines.length - 1] = { ...before, cells: [`${before.cells[0] ?? ''}${cells[0] ?? ''}`] };
      continue;
    }
    for (const part of splitAtSecondForm(raw, cells))
      lines.push({ no, cells: part, emptyCell: false, afterBlank, pipe });
    afterBlank = false;
  }
  return lines;
}

/** `(90` / `分)`: a points label wrapped at a narrow column's edge (Chromium prints through pdf.js). */
const POINTS_OPEN = /[(（]\d{1,3}(?:\.\d+)?$/;
const POINTS_CLOSE = /^分[)）]$/;

function joinsWrappedPoints(before: TextLine, cells: readonly string[]): boolean {
  return (
    cells.length === 1 &&
    before.cells.length === 1 &&
    !before.pipe &&
    POINTS_CLOSE.test(cells[0] ?? '') &&
    POINTS_OPEN.test(before.cells[0] ?? '')
  );
}

const FORM_NAME_LABEL = '项目名称';
/** How far before the next 项目名称 its form's title may stand (title, year, page chrome). */
const TITLE_CELLS = 3;
/**
 * A glued run may hold two forms (`…总分10098项目名称中青年演员培训经费…`: the host glued the next
 * form on, title-less): each 项目名称 cell after the first begins a line of its own, so that the
 * next form is read apart instead of its head landing in the first form's fields; a title just
 * before that 项目名称 goes with it (`…偏差原因分析及改进措施 财政项目支出绩效自评表(2022年度) 项目名称
 * 援滇…`). Most lines hold
 * the label once or not at all, which two string searches tell.
 */
function splitAtSecondForm(raw: string, cells: string[]): string[][] {
  const first = raw.indexOf(FORM_NAME_LABEL);
  if (first < 0 || raw.indexOf(FORM_NAME_LABEL, first + 1) < 0) return [cells];
  const parts: string[][] = [];
  let from = 0;
  let seen = -1;
  cells.forEach((cell, k) => {
    if (!cell.startsWith(FORM_NAME_LABEL)) return;
    if (seen >= 0) {
      // The next form's title, when the host kept it, opens that form (a cell or two before).
      let cut = k;
      for (let t = k - 1; t > seen && t >= k - TITLE_CELLS; t--) if (cells[t]?.includes('自评表') === true) cut = t;
      if (cut > from) {
        parts.push(cells.slice(from, cut));
        from = cut;
      }
    }
    seen = k;
  });
  parts.push(cells.slice(from));
  return parts;
}
