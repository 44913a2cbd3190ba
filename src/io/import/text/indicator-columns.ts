import { addExtra, type ParseContext } from './form-draft.js';
import type { Column } from './indicator-rows.js';
import {
  tokenText,
  useToken,
  type CellToken,
  type LabelKind,
  type LabelToken,
  type StreamCell,
  type Token,
} from './cell-stream.js';
import { INDICATOR_COLUMNS, normalizeLabel } from './vocabulary.js';

const NUMBER_ONLY = /^\d+(?:\.\d+)?$/;

/**
 * The value columns of the indicator table, as its header printed them, or the template's usual
 * columns when the header was lost or came out scrambled.
 */

const PLAIN: readonly Column[] = [
  { kind: 'target', label: '年度指标值' },
  { kind: 'actual', label: '全年完成值' },
  { kind: 'note', label: '未完成原因和改进措施' },
];
/** Templates that score the funding table score every indicator too (families A, I). */
const SCORED: readonly Column[] = [
  { kind: 'target', label: '年度指标值' },
  { kind: 'actual', label: '实际完成值' },
  { kind: 'weight', label: '分值' },
  { kind: 'score', label: '得分' },
  { kind: 'note', label: '偏差原因分析及改进措施' },
];

/**
 * The columns to read rows with. `printed` is what the header gave; when it lacks a target or an
 * actual column (lost or scrambled header) the template's usual columns are used instead, scored
 * ones when the form scores (`scored`), and a warning says so.
 */
export function chooseColumns(
  printed: readonly Column[],
  scored: boolean,
  body: readonly Token[],
  ctx: ParseContext,
): Column[] {
  const has = (kind: Column['kind']): boolean => printed.some((c) => c.kind === kind);
  if (has('target') && has('actual')) return [...printed];
  const scoredHere = scored || has('weight') || has('score');
  const columns = scoredHere ? SCORED : PLAIN;
  if (body.length > 0)
    ctx.log.add(
      'indicator-header-missing',
      'warning',
      `绩效指标表没有完整可识别的列标题，已按"${columns.map((c) => c.label).join('、')}"的顺序读取，请核对。`,
      body[0]?.line ?? null,
      null,
      { form: ctx.form, path: 'indicators' },
    );
  return [...columns];
}

/** A 得分计算方法 column's text: a scoring rule, not a reason for a deviation. */
export const SCORING_RULE = /计算|记分|计分|得满分|按.{0,8}比例|\*该指标分值/;

/** The line's cells; empty ones are dropped, except inside a pipe row where they keep a column. */
export function trimEmpty(cells: readonly StreamCell[]): StreamCell[] {
  if (!cells.some((c) => c.pipe)) return cells.filter((c) => c.text !== '');
  let start = 0;
  let end = cells.length;
  while (start < end && cells[start]?.text === '') start += 1;
  while (end > start && cells[end - 1]?.text === '') end -= 1;
  return cells.slice(start, end);
}

/** Splits the region into header columns and body tokens; header points go to extras. */
export function readHeader(
  anchor: LabelToken | null,
  tokens: readonly Token[],
  ctx: ParseContext,
): { printed: Column[]; body: Token[]; level2Column: boolean; pointsColumn: boolean } {
  const printed: Column[] = [];
  // Column labels printed before the level headers: the first row of a two-row header whose
  // flattening put its spanning cells first (`年度指标值 实际完成值 … 一级指标 … 指标性质 指标值 度量单位`).
  const before: Column[] = [];
  let inHeader = anchor?.kinds.has('level-header') ?? false;
  let seenHeader = inHeader;
  const body: Token[] = [];
  let level2Column = anchor?.key === '二级指标';
  // True when a bare number closed the header: the section's points printed atop a column of its
  // own that no label names, so each row may end in one number more than the labelled columns.
  let pointsColumn = false;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token === undefined) continue;
    // `年度 实际 分值 得分 偏差原因…` / `指标值 完成值`: header cells wrapped over two printed lines.
    const wrapped = inHeader && body.length === 0 && token.type === 'cell' ? wrappedHeader(tokens, t) : null;
    if (wrapped !== null) {
      printed.push(...wrapped.columns);
      for (let k = t; k < wrapped.end; k++) {
        const done = tokens[k];
        if (done !== undefined) useToken(done);
      }
      ctx.log.add(
        'header-label-wrapped',
        'info',
        `列标题分两行印出，已按"${wrapped.columns.map((c) => c.label).join('、')}"读取，请核对。`,
        token.line,
        null,
        { form: ctx.form, path: 'indicators' },
      );
      t = wrapped.end - 1;
      continue;
    }
    if (token.type === 'label' && (token.kinds.has('level-header') || token.kinds.has('indicator-anchor'))) {
      useToken(token);
      if (token.key === '二级指标' && body.length === 0) level2Column = true;
      if (token.kinds.has('level-header')) inHeader = seenHeader = true;
      continue;
    }
    if (token.type === 'label' && token.kinds.has('indicator-column') && (inHeader || body.length === 0)) {
      const kind = INDICATOR_COLUMNS.get(token.key);
      if (kind !== undefined && inHeader) printed.push({ kind, label: token.key });
      else if (kind !== undefined && !seenHeader) before.push({ kind, label: token.key });
      const text = tokenText(token);
      if (normalizeLabel(text).replace(/\(([A-Z八/]{1,3})[1l)]$/, '') !== token.key.replace(/\([A-Z/]+\)$/, ''))
        ctx.log.add(
          'header-label-scrambled',
          'info',
          `列标题"${text}"按"${token.key}"读取，请核对。`,
          token.line,
          text,
          {
            form: ctx.form,
            path: 'indicators',
          },
        );
      useToken(token);
      continue;
    }
    // A bare number closing the header is the section's points (`实际完成指标值` `50`).
    if (inHeader && token.type === 'cell' && NUMBER_ONLY.test(token.cell.text) && seenHeader && body.length === 0) {
      addExtra(ctx.draft, `${anchor?.key ?? '绩效指标'}(分值)`, token.cell.text);
      useToken(token);
      inHeader = false;
      pointsColumn = true;
      continue;
    }
    // `一级` `二级` `三级`, `指标名称`: titles of the level columns the vocabulary lacks, read as the
    // level headers where a header stands (right after the anchor or another title), and reported.
    const level =
      body.length === 0 && token.type === 'cell' && (inHeader || anchor !== null)
        ? levelColumnTitle(token, t > 0 ? tokens[t - 1] : (anchor ?? undefined), tokens[t + 1])
        : null;
    if (level !== null && token.type === 'cell') {
      if (level === '二级指标') level2Column = true;
      inHeader = seenHeader = true;
      ctx.log.add(
        'header-label-inferred',
        'info',
        `列标题"${token.cell.text}"不在已知的列名中，按"${level}"读取，请核对。`,
        token.line,
        token.cell.text,
        { form: ctx.form, path: 'indicators' },
      );
      useToken(token);
      continue;
    }
    // A column the vocabulary does not know, printed on the header's line (`全年指标值`, `权重(%)`):
    // read by the words that name its kind, and reported, rather than ending the header there and
    // becoming a row of header words.
    const cue =
      inHeader && seenHeader && body.length === 0 && token.type === 'cell'
        ? headerCue(token, tokens[t - 1], tokens[t + 1])
        : null;
    if (cue !== null && token.type === 'cell') {
      printed.push({ kind: cue, label: token.cell.text });
      ctx.log.add(
        'header-label-inferred',
        'info',
        `列标题"${token.cell.text}"不在已知的列名中，按其字面读作"${CUE_NAMES[cue]}"列，请核对。`,
        token.line,
        token.cell.text,
        { form: ctx.form, path: 'indicators' },
      );
      useToken(token);
      continue;
    }
    if (!(token.type === 'cell' && token.cell.text === '')) inHeader = false;
    body.push(token);
  }
  return { printed: spreadSplitTarget([...before, ...printed]) ?? printed, body, level2Column, pointsColumn };
}

/** Longest header cell read by its words: longer text on the header's line is no column title. */
const MAX_CUE_LABEL = 14;
/**
 * Words that name a column's kind, tried in this order: the actual before the target (`实际完成
 * 指标值` names both), the reason before the points. Only a whole short cell without digits is tried.
 */
const CUES: readonly (readonly [RegExp, Column['kind']])[] = [
  [/实际|完成值|完成数|实现值/, 'actual'],
  [/指标值|目标值|计划值|预期值/, 'target'],
  [/原因/, 'note'],
  [/得分|评分/, 'score'],
  [/分值|权重/, 'weight'],
];
const CUE_NAMES: Readonly<Record<Column['kind'], string>> = {
  target: '指标值',
  actual: '完成值',
  note: '偏差原因',
  weight: '分值',
  score: '得分',
  nature: '指标性质',
  unit: '度量单位',
  extra: '其他',
};

/** The kind a cell's words name (see CUES), or null: only a whole short cell without digits is tried. */
function cueOf(cell: StreamCell): Column['kind'] | null {
  const text = normalizeLabel(cell.text);
  if (text.length < 2 || text.length > MAX_CUE_LABEL || /\d/.test(text)) return null;
  return CUES.find(([cue]) => cue.test(text))?.[1] ?? null;
}

const HEADER_NEIGHBOURS: readonly LabelKind[] = ['indicator-column', 'level-header', 'level1', 'level2'];
/** A header's neighbour: a column title, a level header or category, or a cell naming a column. */
function isHeaderLike(token: Token | undefined): boolean {
  if (token === undefined) return false;
  if (token.type === 'cell') return cueOf(token.cell) !== null;
  return HEADER_NEIGHBOURS.some((k) => token.kinds.has(k));
}

/**
 * The kind a header cell's words name, or null. The cell must stand on the line of the header
 * token before it, or (one cell per line) be followed by a title, a level header or a category,
 * so that a first row printed under the header, followed by its values, is never read as a title.
 */
function headerCue(token: CellToken, before: Token | undefined, after: Token | undefined): Column['kind'] | null {
  if (before === undefined || (before.line !== token.line && !isHeaderLike(after))) return null;
  return cueOf(token.cell);
}

/** Titles of the level columns: the short `一级`…`三级`, and the names' column `指标名称`/`指标内容`. */
const LEVEL_TITLES: readonly (readonly [RegExp, string])[] = [
  [/^一级(?:指标)?$/, '一级指标'],
  [/^二级(?:指标)?$/, '二级指标'],
  [/^三级(?:指标)?$|^(?:三级指标|绩效指标|指标)(?:名称|内容)$/, '三级指标'],
];

/**
 * The level header a cell titles (LEVEL_TITLES), or null; like headerCue, only on the line of the
 * token before it or followed by another title, so that no row's name is taken.
 */
function levelColumnTitle(token: CellToken, before: Token | undefined, after: Token | undefined): string | null {
  const text = token.cell.text;
  if (text.length > 6 || before === undefined || (before.line !== token.line && !isHeaderLike(after))) return null;
  const key = normalizeLabel(text);
  return LEVEL_TITLES.find(([title]) => title.test(key))?.[1] ?? null;
}

/**
 * The header's column cells when the host wrapped them over two printed lines (118: `年度 实际 分值
 * 得分 偏差原因分析及改进措施` over `指标值 完成值`): the first line's cells that are no column label
 * are the heads of the wrapped ones, whose tails make the next line, in the same order. Null unless
 * every head joined to its tail is a column label and the first line's other cells are labels too;
 * `end` is the index of the first token after the two lines.
 */
function wrappedHeader(tokens: readonly Token[], start: number): { columns: Column[]; end: number } | null {
  const line = tokens[start]?.line;
  let end = start;
  while (tokens[end]?.line === line) end += 1;
  const next = tokens[end]?.line;
  let after = end;
  while (next !== undefined && tokens[after]?.line === next) after += 1;
  const tails = tokens.slice(end, after).map(tokenText);
  const firstLine = tokens.slice(start, end);
  const heads = firstLine.filter((tk) => tk.type === 'cell');
  if (heads.length === 0 || heads.length !== tails.length) return null;
  const columns: Column[] = [];
  let h = 0;
  for (const tk of firstLine) {
    const label = tk.type === 'cell' ? normalizeLabel(tk.cell.text + (tails[h++] ?? '')) : tk.key;
    const kind = tk.type === 'cell' || tk.kinds.has('indicator-column') ? INDICATOR_COLUMNS.get(label) : undefined;
    if (kind === undefined) return null;
    columns.push({ kind, label });
  }
  return { columns, end: after };
}

/**
 * A two-row header whose 年度指标值 spans 指标性质 | 指标值 | 度量单位 printed on the row below (Yunnan
 * forms): flattened, the sub-columns come after the whole first row. The columns are the first
 * row's with the spanning target replaced by its sub-columns; null when the header is not so.
 */
function spreadSplitTarget(columns: readonly Column[]): Column[] | null {
  const start = columns.findIndex((c, k) => c.kind === 'nature' && columns[k + 1]?.kind === 'target');
  if (start < 0) return null;
  const end = columns[start + 2]?.kind === 'unit' ? start + 3 : start + 2;
  const spanning = columns.findIndex((c, k) => c.kind === 'target' && (k < start || k >= end));
  if (spanning < 0) return null;
  const sub = columns.slice(start, end);
  const rest = columns.filter((_, k) => k < start || k >= end);
  const at = rest.findIndex((c) => c.kind === 'target');
  return [...rest.slice(0, at), ...sub, ...rest.slice(at + 1)];
}
