/**
 * Reads the 绩效指标 table of laid-out text (`pdftotext -layout`) by its columns and prints it again
 * as a pipe table, the shape the text importer reads cell by cell. Laid out, a row's cells sit side
 * by side and a cell that wraps goes on below at the same column, on lines that hold other rows'
 * cells or none (`社区矫正人员每月参加公益 ≧1次 5` / `数量指标 活动`); LibreOffice centres the short
 * cells of a row between the lines of its long ones.
 *
 * Columns: the level columns lie left of the 三级指标 column, whose runs start at one column (names
 * are left-aligned); values follow a name on its line, in the order target, actual, note.
 * Rows: a name line starts a row unless it continues the name above, which it does when that name
 * filled its column (a wrapped line) and the row's values are not what tells them apart (see
 * `continuesName`). A piece that could go to two places is not placed: its line is reported.
 */
import { joinWrapped } from './join-wrapped.js';
import { joinLevel1, joinLevel2, level1Of, rowLabels, type LevelPiece } from './laid-out-levels.js';
import { isAutospaced, runsOf, type Run } from './laid-out-runs.js';
import { LEVEL1_NAMES, LEVEL2_NAMES, normalizeLabel } from './vocabulary.js';

type ValueColumn = 'target' | 'actual' | 'note';
const VALUE_COLUMNS: readonly ValueColumn[] = ['target', 'actual', 'note'];

interface Piece {
  readonly text: string;
  readonly x: number;
  readonly width: number;
}

interface TableRow {
  first: number;
  last: number;
  readonly name: Piece[];
  readonly cells: Map<ValueColumn, Piece[]>;
}

/** What a line that could not be placed whole says, for the caller's issue. */
export interface UnplacedLine {
  readonly line: number;
  readonly text: string;
  readonly why: 'cell' | 'level' | 'level1';
}

export interface LaidOutTable {
  /** Lines [start, end) of the text that the table takes, header included. */
  readonly start: number;
  readonly end: number;
  /** The table as text lines: the anchor, the header and one pipe row per indicator. */
  readonly lines: string[];
  readonly unplaced: UnplacedLine[];
}

/** The anchor and the column titles of the table as rebuilt (the seed template's). */
const ANCHOR = '绩效指标';
const COLUMNS = ['一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值', '未完成原因和改进措施'];
const HEADER = `| ${COLUMNS.join(' | ')} |`;

/** Pieces of the header's labels, as the layout cuts them (`一级指` / `标`, `未完成原因和改进措` / `施`). */
const HEADER_WORDS = [ANCHOR, ...COLUMNS];
const isHeaderPiece = (text: string): boolean => HEADER_WORDS.some((w) => w.includes(normalizeLabel(text)));

/** A line that closes the table: the 说明 row, the signature line, the notes, a total. */
const TABLE_END = /^(?:说明|填表人|备注|其他需要说明|总分|自评得分|项目名称)/;

const VALUE_LIKE = /[0-9%％‰≥≤≧≦<>＜＞=＝]/;
/** A run that reads as prose (a note), not as a target or actual value. */
const isProse = (run: Piece): boolean => !VALUE_LIKE.test(run.text) && run.width >= 12;

/** Narrowest piece that can be a wrapped value line (five ideographs). */
const MIN_WRAPPED = 10;

/** A name starts this far right of the name column at most (LibreOffice centres short names). */
const NAME_INDENT = 10;

const isPieceOf = (names: ReadonlySet<string>, text: string): boolean =>
  text !== '' && [...names].some((n) => n.includes(text));

const piece = (run: Run): Piece => ({ text: run.text, x: run.x, width: run.end - run.x });

interface Zones {
  /** Pieces of 绩效指标 left of this are that label, printed down the table's side. */
  readonly anchorEnd: number;
  /** A word of both levels' names (`指标`, `满意度`) is a 一级指标 piece left of this, else 二级. */
  readonly level1End: number;
  /** Left edge of the 三级指标 column: level words left of it are level pieces. */
  readonly nameLeft: number;
}

/** The most frequent start among runs right of `from`: the left edge of the name column. */
function nameColumnLeft(lines: readonly Run[][], from: number): number | null {
  const counts = new Map<number, number>();
  for (const runs of lines) {
    for (const run of runs)
      if (run.x >= from && !VALUE_LIKE.test(run.text)) counts.set(run.x, (counts.get(run.x) ?? 0) + 1);
  }
  let best: number | null = null;
  let most = 0;
  for (const [x, n] of counts) {
    if (n > most || (n === most && best !== null && x < best)) {
      best = x;
      most = n;
    }
  }
  return most >= 2 ? best : null;
}

function zonesOf(header: readonly Run[], body: readonly Run[][]): Zones | null {
  const level1 = header.find((r) => r.text.startsWith('一级'));
  const level2 = header.find((r) => r.text.startsWith('二级'));
  if (level1 === undefined || level2 === undefined) return null;
  const level1End = (level1.x + level2.x) / 2;
  const nameLeft = nameColumnLeft(body, level2.x + 1);
  if (nameLeft === null) return null;
  return { anchorEnd: level1.x - 2, level1End, nameLeft };
}

/** A body line split by zone. */
interface BodyLine {
  readonly line: number;
  readonly text: string;
  readonly anchor: Run[];
  readonly level1: Run[];
  readonly level2: Run[];
  readonly name: Piece | null;
  readonly values: Piece[];
}

function splitLine(line: number, text: string, zones: Zones, autospaced: boolean): BodyLine {
  const anchor: Run[] = [];
  const level1: Run[] = [];
  const level2: Run[] = [];
  const rest: Run[] = [];
  for (const run of runsOf(text, autospaced)) {
    const label = normalizeLabel(run.text);
    const inLevel1 = isPieceOf(LEVEL1_NAMES, label);
    const inLevel2 = isPieceOf(LEVEL2_NAMES, label);
    if (run.x >= zones.nameLeft - 1) rest.push(run);
    else if (run.x < zones.anchorEnd && ANCHOR.includes(label)) anchor.push(run);
    // A piece of one level's names only is that level's, wherever centring put it
    // (`可持续影响指标` starting left of the 二级 column); `指标`, `满意度` go by position.
    else if (inLevel1 && (!inLevel2 || run.x < zones.level1End)) level1.push(run);
    else if (inLevel2) level2.push(run);
    // Not a level word: a name's line that centring put left of the name column (`访案件处理质量`).
    else rest.push(run);
  }
  const first = rest[0];
  const isName =
    first !== undefined &&
    first.x <= zones.nameLeft + NAME_INDENT &&
    !(VALUE_LIKE.test(first.text) && first.x > zones.nameLeft + 4);
  return {
    line,
    text,
    anchor,
    level1,
    level2,
    name: isName && first !== undefined ? piece(first) : null,
    values: (isName ? rest.slice(1) : rest).map(piece),
  };
}

/** Widths and positions of the columns, learnt from a first reading of the rows. */
interface ColumnShapes {
  readonly nameWidth: number;
  readonly widths: Map<ValueColumn, number>;
  /** Median start of targets and of actuals printed side by side. */
  readonly targetX: number | null;
  readonly actualX: number | null;
}

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
};

/** A piece that fills its column wraps: the cell goes on at the next line. */
const isFull = (p: Piece | undefined, width: number): boolean => p !== undefined && p.width >= width - 1;

/** Punctuation that may not open a line: the character before it wraps with it (`…服务质` / `量。`). */
const NO_LINE_START = /^.?[，。、；：？！）》」』】”’]/u;

/** Whether `next` goes on with the name piece `last`: it filled the column, or did but for the pair that wrapped. */
const wrapsInto = (last: Piece | undefined, next: Piece, width: number): boolean =>
  isFull(last, width) || (last !== undefined && last.width >= width - 2 && NO_LINE_START.test(next.text));

class RowBuilder {
  readonly rows: TableRow[] = [];
  readonly unplaced: UnplacedLine[] = [];
  private row: TableRow | null = null;

  constructor(readonly shapes: ColumnShapes) {}

  private start(line: number): TableRow {
    const row: TableRow = { first: line, last: line, name: [], cells: new Map() };
    this.rows.push(row);
    this.row = row;
    return row;
  }

  private hasValues(row: TableRow | null): boolean {
    return row !== null && (row.cells.has('target') || row.cells.has('actual'));
  }

  /** The columns of `row` whose last piece fills the column: a wrapped cell going on. */
  private openColumns(row: TableRow): ValueColumn[] {
    return VALUE_COLUMNS.filter((c) => {
      const last = row.cells.get(c)?.at(-1);
      // Short values (`≧50人`, `147`) fill their narrow columns without wrapping.
      return last !== undefined && last.width >= MIN_WRAPPED && isFull(last, this.shapes.widths.get(c) ?? Infinity);
    });
  }

  /** The open column a lone value piece continues: the only one, else the nearest by position. */
  private continuedColumn(row: TableRow, value: Piece): ValueColumn | null {
    const open = this.openColumns(row);
    if (open.length <= 1) return open[0] ?? null;
    const distance = (c: ValueColumn): number => Math.abs((row.cells.get(c)?.at(-1)?.x ?? Infinity) - value.x);
    const sorted = [...open].sort((a, b) => distance(a) - distance(b));
    const [a, b] = sorted;
    return a !== undefined && b !== undefined && distance(b) - distance(a) >= 4 ? a : null;
  }

  /**
   * Whether a name line goes on with the name above: only when that name filled its column, and
   * either the row has no values yet (LibreOffice prints them in the middle of the cell) or this
   * line brings no new values and the next line is not a row's values alone (then this line is the
   * first of a row centred round them).
   */
  private continuesName(name: Piece, newValues: boolean, next: BodyLine | undefined): boolean {
    const row = this.row;
    if (row === null || !wrapsInto(row.name[row.name.length - 1], name, this.shapes.nameWidth)) return false;
    if (!this.hasValues(row)) return true;
    const nextValuesOnly = next !== undefined && next.name === null && next.values.length > 0;
    return !newValues && !nextValuesOnly;
  }

  /** Places a row's first values: target, actual, note in order, or one by its position. */
  private placeFirstValues(row: TableRow, line: BodyLine): void {
    const values = line.values;
    const put = (c: ValueColumn, p: Piece): void => {
      row.cells.set(c, [...(row.cells.get(c) ?? []), p]);
    };
    if (values.length > 3) {
      this.unplaced.push({ line: line.line, text: line.text, why: 'cell' });
      return;
    }
    const [a, b, c] = values;
    if (a === undefined) return;
    if (c !== undefined && b !== undefined) {
      put('target', a);
      put('actual', b);
      put('note', c);
      return;
    }
    if (b !== undefined && !isProse(b)) {
      put('target', a);
      put('actual', b);
      return;
    }
    if (b !== undefined) put('note', b);
    if (b === undefined && isProse(a)) {
      put('note', a);
      return;
    }
    const column = this.targetOrActual(a);
    if (column === null) this.unplaced.push({ line: line.line, text: line.text, why: 'cell' });
    else put(column, a);
  }

  /** A lone value: the target or the actual, whichever column it stands under; null when unclear. */
  private targetOrActual(value: Piece): ValueColumn | null {
    const { targetX, actualX } = this.shapes;
    if (targetX === null || actualX === null) return null;
    const t = Math.abs(value.x - targetX);
    const a = Math.abs(value.x - actualX);
    if (Math.abs(t - a) < 3) return null;
    return t < a ? 'target' : 'actual';
  }

  add(line: BodyLine, next: BodyLine | undefined): void {
    if (line.name === null && line.values.length === 0) return;
    const current = this.row;
    const continued =
      current !== null && this.hasValues(current)
        ? line.values.map((v) => this.continuedColumn(current, v))
        : line.values.map(() => null);
    // Two pieces of one line cannot both go on with the same cell.
    const distinct = new Set(continued).size === continued.length;
    const newValues = line.values.length > 0 && (!distinct || continued.some((c) => c === null));
    let row = current;
    if (line.name !== null) {
      if (row === null || !this.continuesName(line.name, newValues && this.hasValues(row), next))
        row = this.start(line.line);
      row.name.push(line.name);
    } else if (newValues && (row === null || this.hasValues(row))) {
      // Values under no name, that continue no cell: a row has a name, so they are not one.
      this.unplaced.push({ line: line.line, text: line.text, why: 'cell' });
      return;
    }
    if (row === null) return;
    row.last = Math.max(row.last, line.line);
    if (line.values.length === 0) return;
    if (row === current && !newValues) {
      line.values.forEach((v, k) => {
        const c = continued[k];
        if (c) row.cells.get(c)?.push(v);
      });
    } else if (!this.hasValues(row)) this.placeFirstValues(row, line);
    else this.unplaced.push({ line: line.line, text: line.text, why: 'cell' });
  }
}

/** Shapes learnt from lines printing a name, or values side by side. */
function learnShapes(body: readonly BodyLine[], widths: Map<ValueColumn, number>): ColumnShapes {
  const names = body.flatMap((l) => (l.name === null ? [] : [l.name.width]));
  const pairs = body.filter((l) => l.values.length >= 2 && !isProse(l.values[0] ?? { text: '', x: 0, width: 99 }));
  return {
    nameWidth: Math.max(0, ...names),
    widths,
    targetX: median(pairs.map((l) => l.values[0]?.x ?? 0)),
    actualX: median(pairs.map((l) => l.values[1]?.x ?? 0)),
  };
}

function buildRows(body: readonly BodyLine[], shapes: ColumnShapes): RowBuilder {
  const builder = new RowBuilder(shapes);
  body.forEach((line, k) => builder.add(line, body[k + 1]));
  return builder;
}

/** Widest piece of each value column over the rows: a piece as wide fills the column. */
function columnWidths(rows: readonly TableRow[]): Map<ValueColumn, number> {
  const widths = new Map<ValueColumn, number>();
  for (const row of rows)
    for (const [c, pieces] of row.cells) for (const p of pieces) widths.set(c, Math.max(widths.get(c) ?? 0, p.width));
  return widths;
}

/** A cell of the rebuilt pipe row: a bar printed in it is escaped (tokenize-lines.ts reads `\\|` back as `|`). */
const cellOf = (pieces: readonly Piece[] | undefined): string =>
  joinWrapped((pieces ?? []).map((p) => p.text)).replace(/\|/g, '\\|');

/** The header: the line printing 三级指标 and the lines next to it that print only header words. */
function findHeader(lines: readonly string[], from: number): { start: number; end: number; at: number } | null {
  for (let i = from; i < lines.length; i++) {
    const runs = runsOf(lines[i] ?? '');
    if (!runs.some((r) => r.text.startsWith('三级指标')) || !runs.some((r) => r.text.startsWith('二级'))) continue;
    const headerOnly = (k: number): boolean => {
      const r = runsOf(lines[k] ?? '');
      return r.length > 0 && r.every((run) => isHeaderPiece(run.text));
    };
    let start = i;
    while (start > from && headerOnly(start - 1)) start--;
    let end = i + 1;
    while (end < lines.length && headerOnly(end)) end++;
    return { start, end, at: i };
  }
  return null;
}

/** The runs of the header lines that name columns (`一级指` and `二级指标` give the level zones). */
function headerRuns(lines: readonly string[], start: number, end: number): Run[] {
  const runs: Run[] = [];
  for (let k = start; k < end; k++) runs.push(...runsOf(lines[k] ?? ''));
  return runs;
}

/**
 * Reads one indicator table starting at or after line `from`; null when there is none or its
 * columns cannot be found (the text is then left as it is).
 */
export function readLaidOutTable(lines: readonly string[], from: number): LaidOutTable | null {
  const header = findHeader(lines, from);
  if (header === null) return null;
  let end = header.end;
  while (end < lines.length && !TABLE_END.test((lines[end] ?? '').trim())) end++;
  const bodyTexts = lines.slice(header.end, end);
  const heads = headerRuns(lines, header.start, header.end);
  // Only the template's six columns are read so; a table with more (分值, 得分, 指标性质…) is
  // left to the text importer as it is.
  if (header.end - header.start < 2 || !heads.every((r) => isHeaderPiece(r.text))) return null;
  const autospaced = isAutospaced(bodyTexts);
  const zones = zonesOf(
    heads,
    bodyTexts.map((text) => runsOf(text, autospaced)),
  );
  if (zones === null) return null;
  const body = bodyTexts.map((text, k) => splitLine(header.end + k, text, zones, autospaced));

  const first = buildRows(body, learnShapes(body, new Map()));
  const built = buildRows(body, learnShapes(body, columnWidths(first.rows)));
  const unplaced = [...built.unplaced];

  const levelPieces = (pick: (l: BodyLine) => Run[]): LevelPiece[] =>
    body.flatMap((l) => pick(l).map((r) => ({ text: normalizeLabel(r.text), line: l.line })));
  const level1 = joinLevel1(levelPieces((l) => l.level1));
  const level2 = joinLevel2(levelPieces((l) => l.level2));
  const strayLines = new Set([...level1.stray, ...level2.stray].map((p) => p.line));
  for (const line of strayLines) unplaced.push({ line, text: lines[line] ?? '', why: 'cell' });

  const rows = built.rows;
  const unplacedLines = unplaced.map((u) => u.line);
  // Lines that print only the 绩效指标 label down the side (or nothing) are no row's height: they
  // sit between rows wherever that label's baseline fell, and would shift the centring.
  const rank = new Map<number, number>();
  for (const l of body)
    if (l.name !== null || l.values.length > 0 || l.level1.length > 0 || l.level2.length > 0)
      rank.set(l.line, rank.size);
  const at = (line: number): number => rank.get(line) ?? 0;
  const owners = rowLabels(
    level2.labels.map((l) => ({ ...l, first: at(l.first), last: at(l.last) })),
    rows.map((r) => ({ first: at(r.first), last: at(r.last) })),
    0,
    rank.size,
  );
  // 一级指标 come from the 二级指标 (数量指标 is an 产出指标), the template's rule the text importer
  // applies to a lost 一级指标 too; the printed ones are only checked against it.
  const parents = level2.labels.map((l) => level1Of(l.text) ?? '');
  if (
    !sameSequence(
      dedupe(parents),
      level1.labels.map((l) => l.text),
    )
  )
    unplaced.push({ line: header.end, text: level1.labels.map((l) => l.text).join(' '), why: 'level1' });
  const out: string[] = [ANCHOR, HEADER];
  rows.forEach((row, i) => {
    const owner = owners[i];
    const label = owner === null || owner === undefined ? undefined : level2.labels[owner];
    // A row printed with blank level cells would be read as under the level above (a merged
    // cell), so a row whose level is not known is left out of the table and reported whole.
    const text = lines.slice(row.first, row.last + 1).join('\n');
    if (label === undefined) {
      unplaced.push({ line: row.first, text, why: 'level' });
      return;
    }
    if (inDoubt(row, built.shapes.nameWidth, unplacedLines)) {
      unplaced.push({ line: row.first, text, why: 'cell' });
      return;
    }
    const cells = [
      level1Of(label.text) ?? '',
      label.text,
      cellOf(row.name),
      ...VALUE_COLUMNS.map((c) => cellOf(row.cells.get(c))),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  });
  if (out.length > end - header.start) return null;
  return { start: header.start, end, lines: out, unplaced };
}

/** Lines after a row within which a piece that was not placed may be the rest of its name. */
const STRAY_REACH = 3;

/**
 * A row not to print: it has no value at all (a name whose values went astray, or a name's lines
 * taken for a row); a line next to it was not placed (it may hold the rest of a cell, as LibreOffice
 * centres a wrapped actual round its row); or its name still fills its column at its end — it goes
 * on — while a piece near below was not placed (`区领导及本局领导同事满意` whose `度` drifted into
 * the level column).
 */
function inDoubt(row: TableRow, nameWidth: number, unplacedLines: readonly number[]): boolean {
  if (row.cells.size === 0) return true;
  if (unplacedLines.some((l) => l >= row.first - 1 && l <= row.last + 1)) return true;
  const open = isFull(row.name[row.name.length - 1], nameWidth);
  return open && unplacedLines.some((l) => l > row.last && l <= row.last + STRAY_REACH);
}

const dedupe = (values: readonly string[]): string[] => values.filter((v, k) => k === 0 || values[k - 1] !== v);
const sameSequence = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((v, k) => v === b[k]);
