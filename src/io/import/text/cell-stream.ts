import type { TextLine } from './tokenize-lines.js';
import {
  AMBIGUOUS_LEVEL_NAMES,
  EXTRA_LABELS,
  FIELD_LABELS,
  FUND_ROW_NAMES,
  FUNDING_ANCHORS,
  FUNDING_COLUMNS,
  INDICATOR_ANCHORS,
  INDICATOR_COLUMNS,
  INDICATOR_LEVEL_HEADERS,
  LEVEL1_NAMES,
  LEVEL2_NAMES,
  OBJECTIVE_ANCHORS,
  OBJECTIVE_COLUMNS,
  normalizeLabel,
  prefixesOf,
  splitPoints,
} from './vocabulary.js';

/** One cell of a form, in reading order; `used` is set when a parser placed its text. */
export interface StreamCell {
  readonly text: string;
  /** 1-based input line. */
  readonly line: number;
  /** True for the first cell of its line. */
  readonly first: boolean;
  readonly afterBlank: boolean;
  /** True when the cell's line is a pipe-table row. */
  readonly pipe: boolean;
  used: boolean;
}

export type LabelKind =
  | 'field'
  | 'extra'
  | 'funding-anchor'
  | 'objective-anchor'
  | 'objective-column'
  | 'indicator-anchor'
  | 'level-header'
  | 'indicator-column'
  | 'funding-column'
  | 'fund-row'
  | 'level1'
  | 'level2';

/** A printed label found in the stream, possibly spread over several wrapped cells. */
export interface LabelToken {
  readonly type: 'label';
  readonly kinds: ReadonlySet<LabelKind>;
  /** The label as matched (normalized, without a `(N分)` suffix). */
  readonly key: string;
  /** The `N` of a `(N分)` suffix, '' for `(分)`, null when absent. */
  readonly points: string | null;
  readonly cells: readonly StreamCell[];
  /** Text glued after the label in the same cell (`填表人:赵益` → `赵益`), or null. */
  readonly rest: string | null;
  readonly line: number;
}

export interface CellToken {
  readonly type: 'cell';
  readonly cell: StreamCell;
  readonly line: number;
}

export type Token = LabelToken | CellToken;

const VOCAB = new Map<string, Set<LabelKind>>();
function add(kind: LabelKind, words: Iterable<string>): void {
  for (const w of words) {
    const key = normalizeLabel(w);
    const set = VOCAB.get(key) ?? new Set<LabelKind>();
    set.add(kind);
    VOCAB.set(key, set);
  }
}
add('field', FIELD_LABELS.keys());
add('extra', EXTRA_LABELS);
add(
  'funding-anchor',
  [...FUNDING_ANCHORS].flatMap((a) => [a, `${a}(万元)`, `${a}(元)`, `${a}(万兀)`]),
);
add('objective-anchor', OBJECTIVE_ANCHORS);
add('objective-column', OBJECTIVE_COLUMNS);
add('indicator-anchor', INDICATOR_ANCHORS);
add('level-header', INDICATOR_LEVEL_HEADERS);
add('indicator-column', INDICATOR_COLUMNS.keys());
add('funding-column', FUNDING_COLUMNS.keys());
add('fund-row', FUND_ROW_NAMES);
add('level1', LEVEL1_NAMES);
add('level1', AMBIGUOUS_LEVEL_NAMES);
add('level2', LEVEL2_NAMES);
const PREFIXES = prefixesOf(VOCAB.keys());

/** Four-character level-1 names by each one-character-misread shape (`?目产出` → 项目产出). */
const LEVEL1_BY_SHAPE = {
  get(text: string): string | undefined {
    return [...LEVEL1_NAMES].find(
      (l) => l.length === 4 && l !== text && [...l].filter((ch, k) => ch !== text.charAt(k)).length === 1,
    );
  },
};

/** Column headers by their sorted characters: OCR of a rotated two-line header scrambles them (`考值参分`). */
const sortChars = (s: string): string => [...s].sort().join('');
const ANAGRAMS = new Map<string, string>();
for (const [key, kinds] of VOCAB)
  if (key.length >= 4 && (kinds.has('indicator-column') || kinds.has('funding-column')))
    ANAGRAMS.set(sortChars(key), key);
// A rotated level-1 name comes out scrambled too (`出标产指`, 106); it is reported as misread.
for (const name of LEVEL1_NAMES) if (name.length === 4) ANAGRAMS.set(sortChars(name), name);
/**
 * Characters of the anagram keys, and the sums of their character codes: text with any other
 * character, or another sum, cannot be one (so no sort is needed to know).
 */
const ANAGRAM_CHARS = new Set([...ANAGRAMS.keys()].flatMap((k) => [...k]));
/** The same characters by code (all keys are BMP text, so a surrogate half is never among them). */
const ANAGRAM_CODES = new Uint8Array(0x10000);
for (const ch of ANAGRAM_CHARS) ANAGRAM_CODES[ch.charCodeAt(0)] = 1;
const codeSum = (s: string): number => [...s].reduce((n, ch) => n + (ch.codePointAt(0) ?? 0), 0);
const ANAGRAM_SUMS = new Set([...ANAGRAMS.keys()].map(codeSum));
/**
 * True when `lookup` can find `acc` other than as a key itself: with points or formula letters in
 * brackets (it ends with `)`), numbered (it ends with 1–9), or as a scrambled column header.
 */
function mayBeVariant(acc: string): boolean {
  const last = acc.charCodeAt(acc.length - 1);
  // `)` closes a formula letter or points, a digit numbers an anchor, `等` ends a category's name.
  return (
    last === 0x29 ||
    last === 0x7b49 ||
    (last >= 0x31 && last <= 0x39) ||
    outlineNumber(acc) > 0 ||
    anagramOf(acc) !== undefined
  );
}

const HAN_NUMERALS = new Set([...'一二三四五六七八九十'].map((ch) => ch.charCodeAt(0)));
/**
 * `一、产出指标`, `(一)数量指标` (normalized from `（一）`): a category numbered as an outline. The
 * length of the number, or 0. By character code: every cell's first characters are asked.
 */
function outlineNumber(acc: string): number {
  const first = acc.charCodeAt(0);
  if (first === 0x28 && HAN_NUMERALS.has(acc.charCodeAt(1)) && acc.charCodeAt(2) === 0x29) return 3;
  const second = acc.charCodeAt(1);
  // 、 . ．
  return HAN_NUMERALS.has(first) && (second === 0x3001 || second === 0x2e || second === 0xff0e) ? 2 : 0;
}

function anagramOf(acc: string): string | undefined {
  if (acc.length < 4 || acc.length > 8) return undefined;
  let sum = 0;
  for (let k = 0; k < acc.length; k++) {
    const code = acc.charCodeAt(k);
    if (ANAGRAM_CODES[code] !== 1) return undefined;
    sum += code;
  }
  return ANAGRAM_SUMS.has(sum) ? ANAGRAMS.get(sortChars(acc)) : undefined;
}

/**
 * Characters a vocabulary key begins with. Other text is no label (nor the start of one) unless it
 * is a scrambled column header (4–8 characters of those headers) or a one-character misread of a
 * level-1 name, which always ends with its points `(N分)`; such text needs no look-up at all.
 */
const KEY_FIRST_CODES = new Uint8Array(0x10000);
for (const key of VOCAB.keys()) KEY_FIRST_CODES[key.charCodeAt(0)] = 1;
function mayBeLabel(acc: string): boolean {
  if (acc === '') return false;
  const first = acc.charCodeAt(0);
  if (KEY_FIRST_CODES[first] === 1 || outlineNumber(acc) > 0) return true;
  return (acc.length >= 4 && acc.length <= 8 && ANAGRAM_CODES[first] === 1) || acc.endsWith('分)');
}

/** Labels are short; longer cells are never tried (keeps matching linear on huge cells). */
const MAX_LABEL_CELL = 40;
const MAX_LABEL_PARTS = 7;

/** Flattens lines into cells; NBSP-only lines become empty cells. */
export function toStream(lines: readonly TextLine[]): StreamCell[] {
  const out: StreamCell[] = [];
  for (const line of lines) {
    if (line.emptyCell) {
      out.push({ text: '', line: line.no, first: true, afterBlank: line.afterBlank, pipe: false, used: true });
      continue;
    }
    for (let k = 0; k < line.cells.length; k++)
      out.push({
        text: line.cells[k] ?? '',
        line: line.no,
        first: k === 0,
        afterBlank: k === 0 && line.afterBlank,
        pipe: line.pipe,
        used: false,
      });
  }
  return out;
}

const SCORED: readonly LabelKind[] = ['level1', 'level2', 'funding-anchor', 'indicator-anchor'];

interface Hit {
  readonly kinds: Set<LabelKind>;
  readonly key: string;
  readonly points: string | null;
}

function lookup(acc: string): Hit | null {
  const direct = VOCAB.get(acc);
  if (direct !== undefined) return { kinds: direct, key: acc, points: null };
  // `服务对象满意度指标等`: the template's category name with its `等` (and others), the category.
  const etc = acc.endsWith('等') ? VOCAB.get(acc.slice(0, -1)) : undefined;
  if (etc !== undefined && (etc.has('level1') || etc.has('level2')))
    return { kinds: etc, key: acc.slice(0, -1), points: null };
  // Only text ending with `分)` has points to split off (spares splitPoints' object otherwise).
  const { base, points } = acc.endsWith('分)') ? splitPoints(acc) : { base: acc, points: null };
  const found = points === null ? undefined : VOCAB.get(base);
  // Only categories and section anchors carry points; a column header never does.
  const kinds = found !== undefined && SCORED.some((k) => found.has(k)) ? found : undefined;
  if (kinds !== undefined) return { kinds, key: base, points };
  // Column headers carry letters of the formula: 年初预算数(A), 执行率(B/A).
  const bare = base.endsWith(')') ? base.replace(/\([A-Z/]{1,3}\)$/, '') : base;
  const bareKinds = bare === base ? undefined : VOCAB.get(bare);
  if (bareKinds !== undefined) return { kinds: bareKinds, key: bare, points };
  // `顼目产出(30分)`: one character of a level-1 name misread, known by its points.
  const misread = points === null || base.length !== 4 ? undefined : LEVEL1_BY_SHAPE.get(base);
  if (misread !== undefined) return { kinds: new Set(['level1']), key: misread, points };
  // `年度绩效目标1 (80分)`: a numbered anchor of a table printed once per objective.
  const last = base.charCodeAt(base.length - 1);
  const numbered = last >= 0x31 && last <= 0x39 ? /^(.{4,}?)[1-9]$/.exec(base)?.[1] : undefined;
  const numberedKinds = numbered === undefined ? undefined : VOCAB.get(numbered);
  if (numbered !== undefined && numberedKinds?.has('indicator-anchor') === true)
    return { kinds: numberedKinds, key: numbered, points };
  // `一、产出指标(50分)`, `(一)数量指标`: a category numbered as an outline is the category.
  const outline = outlineNumber(base);
  const outlined = outline > 0 ? VOCAB.get(base.slice(outline)) : undefined;
  if (outlined !== undefined && (outlined.has('level1') || outlined.has('level2')))
    return { kinds: outlined, key: base.slice(outline), points };
  const anagram = anagramOf(acc);
  const anagramKinds = anagram === undefined ? undefined : VOCAB.get(anagram);
  return anagram === undefined || anagramKinds === undefined
    ? null
    : { kinds: anagramKinds, key: anagram, points: null };
}

/**
 * The longest label starting at cells[i], joining wrapped fragments (`一级` + `指标`,
 * `上级转移支` + `付资金`), or a label glued to its value in one cell (`填表人:赵益`).
 * `normalized` caches normalizeLabel of each cell by index, for calls over the same cells.
 */
export function matchLabel(
  cells: readonly StreamCell[],
  i: number,
  normalized: (string | undefined)[] = [],
): LabelToken | null {
  const firstCell = cells[i];
  if (firstCell === undefined || firstCell.text === '') return null;
  let best: Hit | null = null;
  let bestEnd = i;
  let acc = '';
  for (let j = i; j < cells.length && j < i + MAX_LABEL_PARTS; j++) {
    const cell = cells[j];
    if (cell === undefined || cell.text === '' || cell.text.length > MAX_LABEL_CELL) break;
    let norm = normalized[j];
    if (norm === undefined) {
      norm = normalizeLabel(cell.text);
      normalized[j] = norm;
    }
    acc += norm;
    if (!mayBeLabel(acc)) break;
    // Every key is in PREFIXES: other text is found only as a variant of a key, if at all.
    const prefix = PREFIXES.has(acc);
    const hit = prefix || mayBeVariant(acc) ? lookup(acc) : null;
    if (hit !== null) {
      best = hit;
      bestEnd = j + 1;
    }
    if (!prefix) break;
  }
  if (best !== null) return withPoints(labelToken(best, cells.slice(i, bestEnd), null), cells, bestEnd);
  const text = firstCell.text;
  const glued = text.includes(':') || text.includes('：') ? /^([^:：]{2,12})[:：]\s*(.+)$/.exec(text) : null;
  if (glued?.[1] !== undefined && glued[2] !== undefined) {
    const hit = lookup(normalizeLabel(glued[1]));
    if (hit !== null && (hit.kinds.has('field') || hit.kinds.has('extra') || hit.kinds.has('fund-row')))
      return labelToken(hit, [firstCell], glued[2].trim());
  }
  return null;
}

/** A label token; built in one place so that every token has the same shape. */
function labelToken(hit: Hit, cells: readonly StreamCell[], rest: string | null): LabelToken {
  const line = cells[0]?.line ?? 0;
  return { type: 'label', kinds: hit.kinds, key: hit.key, points: hit.points, cells, rest, line };
}

const POINTS_CELL = /^[(（]\s*(\d+(?:\.\d+)?)?\s*分\s*[)）]$/;

/** A `(40分)` printed as its own cell right after a label belongs to the label. */
function withPoints(label: LabelToken, cells: readonly StreamCell[], next: number): LabelToken {
  const cell = cells[next];
  const scored = SCORED.some((k) => label.kinds.has(k));
  const m = cell === undefined || label.points !== null || !scored ? null : POINTS_CELL.exec(cell.text);
  if (m === null || cell === undefined) return label;
  return { ...label, points: m[1] ?? '', cells: [...label.cells, cell] };
}

/** The stream as labels and plain cells, in order. */
export function toTokens(cells: readonly StreamCell[]): Token[] {
  const out: Token[] = [];
  // Each cell's normalized text, made once: a label's wrapped fragments are tried from every start.
  const normalized = new Array<string | undefined>(cells.length);
  for (let i = 0; i < cells.length;) {
    const label = matchLabel(cells, i, normalized);
    if (label !== null) {
      out.push(label);
      i += label.cells.length;
      continue;
    }
    const cell = cells[i];
    // Empty cells (NBSP lines) stay in: one-cell-per-line tables use them as blank values.
    if (cell !== undefined) out.push({ type: 'cell', cell, line: cell.line });
    i += 1;
  }
  return out;
}

/** Marks every cell of a token as placed. */
export function useToken(token: Token): void {
  if (token.type === 'cell') token.cell.used = true;
  else for (const c of token.cells) c.used = true;
}

/** The printed text of a token (its cells joined as wrapped text). */
export function tokenText(token: Token): string {
  return token.type === 'cell' ? token.cell.text : token.cells.map((c) => c.text).join('');
}
