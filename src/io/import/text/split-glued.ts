import {
  EXTRA_LABELS,
  FIELD_LABELS,
  FUNDING_ANCHORS,
  FUNDING_COLUMNS,
  FUND_ROW_NAMES,
  INDICATOR_COLUMNS,
  INDICATOR_ANCHORS,
  INDICATOR_LEVEL_HEADERS,
  LEVEL1_NAMES,
  LEVEL2_NAMES,
  OBJECTIVE_ANCHORS,
} from './vocabulary.js';

/**
 * Some hosts serve a whole table as one run of text with no separators
 * (`…自评表(2022年度)项目总得分99分项目名称碟令薯…`). Cutting such a run before and after the
 * labels we know gives back at least the labelled fields. Only long runs holding several distinct
 * labels are cut, so that ordinary sentences that mention a label stay whole.
 */

const MIN_GLUED_LENGTH = 30;
/** Longer runs are not searched: bounded time on hostile input. */
const MAX_GLUED_LENGTH = 200_000;

/** Each printed character's variants: brackets of both widths; OCR reads `A` as `八`, `)` as `1`. */
const VARIANTS: Readonly<Record<string, string>> = { '(': '[（(]', ')': '[）)1l]', A: '[AＡ八]' };

function labelPattern(label: string): string {
  return [...label].map((ch) => VARIANTS[ch] ?? ch.replace(/[.*+?^${}|[\]\\/]/, '\\$&')).join('');
}

const LABELS = [
  ...FIELD_LABELS.keys(),
  ...EXTRA_LABELS,
  ...FUNDING_ANCHORS,
  ...OBJECTIVE_ANCHORS,
  ...INDICATOR_ANCHORS,
  ...INDICATOR_LEVEL_HEADERS,
  ...LEVEL1_NAMES,
  ...LEVEL2_NAMES,
].filter((l) => l.length >= 4);
/**
 * Column headers and funding rows are also words of prose (`预算执行率=预算执行数/调整后预算数`):
 * they are cut only in runs that the labels above already show to be a glued table.
 */
const TABLE_WORDS = [...INDICATOR_COLUMNS.keys(), ...FUNDING_COLUMNS.keys(), ...FUND_ROW_NAMES].filter(
  (l) => l.length >= 4,
);
const STRUCTURE = new Set(LABELS.map((l) => l.replace(/[()]/g, '')));

/** `顼目产出(30分)`: a level-1 name with one character misread by OCR, known by the points after it. */
const MISREAD_LEVEL1 = [...LEVEL1_NAMES]
  .filter((l) => l.length === 4)
  .flatMap((l) => [...l].map((_, k) => `${l.slice(0, k)}[^\\d\\s]${l.slice(k + 1)}`))
  .join('|');

/** The template's numbered footnote under the table (`注:1.一级指标分值统一设置为…`): the run ends there. */
const FOOTNOTE = '备?注[:：](?=\\s?\\d\\s?[.、．])';
/** `……总分100100`: the total row of a glued table, its label short and so not among LABELS. */
const TOTAL_ROW = '总分(?<!自评总分)(?=\\d)';
/**
 * `…100%说明无注:1、…`: the form's 说明 row right before the footnote, its label too short to be
 * among LABELS; or right after the last row's values (or a 总分 row's blank 评价等级) and before the
 * 填表人 line under the table (`…80%90%说明请在此处…填表人：…`).
 */
const REMARKS_ROW =
  '说明(?=[^，,。；;]{0,20}?备?注[:：]\\s?\\d)|说明(?<=(?:[\\d%％]|等级)说明)(?=[^]{1,300}?填表人\\s?[:：])';
/** `填表人：` under the table: a short label, cut only with its colon. */
const PREPARER_LINE = '填表人(?=\\s?[:：])';
/** The template's `……` placeholder row glued after the last value of the row before (`…≥95%10……总分`). */
const PLACEHOLDER_ROW = '…{2,}';

/**
 * `出标产指` (106): a level-1 name printed rotated, its characters read out of order by OCR. Only
 * orders that break up both of its words (产出|指标) are taken, so no ordinary phrase is cut.
 */
function permutations(chars: readonly string[]): string[] {
  if (chars.length <= 1) return [chars.join('')];
  return chars.flatMap((ch, k) => permutations([...chars.slice(0, k), ...chars.slice(k + 1)]).map((p) => ch + p));
}
const ROTATED_LEVEL1 = [...LEVEL1_NAMES]
  .filter((l) => l.length === 4)
  .flatMap((l) => permutations([...l]).filter((p) => !p.includes(l.slice(0, 2)) && !p.includes(l.slice(2))));

/**
 * The labels longest first (the first alternative that matches wins, so a label is never cut short by
 * a label it begins with), as one alternative per first character: `项(?:目名称|…)`. Labels of two
 * first characters never match at one position, so grouping keeps every match the plain list found,
 * while the engine tries at each position only the labels of its character instead of all 181 in
 * turn (it ran ~3 % of the text import). A group is its first character's own only when that character
 * is plain (no bracket, no `A`, which labelPattern widens): otherwise the plain list is kept.
 */
function byFirstCharacter(labels: readonly string[]): string[] {
  const sorted = [...labels].sort((a, b) => b.length - a.length);
  // A label opening with a widened character would share its group's position with others: the plain list.
  if (sorted.some((label) => VARIANTS[label.charAt(0)] !== undefined)) return sorted.map(labelPattern);
  const groups = new Map<string, string[]>();
  for (const label of sorted) {
    const first = label.charAt(0);
    const rest = groups.get(first) ?? [];
    rest.push(labelPattern(label.slice(1)));
    groups.set(first, rest);
  }
  return [...groups].map(([first, rests]) => `${labelPattern(first)}(?:${rests.join('|')})`);
}

// Every alternative starts with its literal text, lookbehinds after it (`总分(?<!自评总分)`, not
// `(?<!自评)总分`): an alternative opening with a lookbehind is tried at every position of every
// glued run, which made this regex 1.6× slower (and the whole text import ~8 %) when one came.
const GLUED = new RegExp(
  [
    ...byFirstCharacter([...new Set([...LABELS, ...TABLE_WORDS])]),
    `(?:${MISREAD_LEVEL1})(?=[(（]\\d{1,3}分[)）])`,
    ...ROTATED_LEVEL1,
    FOOTNOTE,
    TOTAL_ROW,
    REMARKS_ROW,
    PREPARER_LINE,
    PLACEHOLDER_ROW,
  ].join('|'),
  'g',
);

const FILE_NAME = /\.(?:docx?|xlsx?|pdf|wps)$/i;
const TITLE_END = '自评表';
/** A title is short; a 自评表 further into the run is a word of some other text. */
const MAX_TITLE = 40;

const TITLE_WORD_AFTER = /^(?:目标)?自评/;
/**
 * The start of the next form after a footnote: a title (short text since the last stop) or 项目名称.
 * A 自评表 that a stop follows ends a sentence of the note (`一个项目填报一份自评表。`), not a title.
 */
const NEXT_FORM = /[^。；;，,:：]{0,40}?自评表(?![。；;，,])|项目名称|专项资金名称/;

const LABEL_SET = new Set([...LABELS, ...TABLE_WORDS]);
/** Category names printed without 指标 (服务对象满意度, 社会效益): also words of indicator names. */
const SHORT_LEVELS = new Set([...LEVEL1_NAMES, ...LEVEL2_NAMES].filter((l) => !l.endsWith('指标')));
const VALUE_START = /^(?:[≥≤≧≦<>=＞＜﹦]|\d(?![\d.]*\s?分))/;

/**
 * Two short column headers glued between longer labels (`…实际完成值分值得分偏差原因…`, wrap spaces
 * gone: `分 值得 分`): too short to be cut on their own anywhere, they are cut when the whole piece
 * between two labels is exactly the two of them.
 */
const SHORT_COLUMNS = [...INDICATOR_COLUMNS.keys()].filter((l) => l.length < 4);
const COLUMN_PAIRS = new Map(
  SHORT_COLUMNS.flatMap((a) => SHORT_COLUMNS.map((b): [string, string[]] => [a + b, [a, b]])),
);
const pushPiece = (out: string[], piece: string): void => {
  const pair = piece.length <= 6 ? COLUMN_PAIRS.get(piece) : undefined;
  if (pair === undefined) out.push(piece);
  else out.push(...pair);
};
const isStructure = (hit: string): boolean => STRUCTURE.has(hit.replace(/[()（）]/g, ''));

/** `生态效益指标1病害…`: the `指标` before a number opens the row (`指标1`), so the label is `生态效益`. */
function rowStartAfter(cell: string, label: string, start: number): string {
  if (!label.endsWith('指标') || !/\d/.test(cell.charAt(start + label.length))) return label;
  const short = label.slice(0, -2);
  return LABEL_SET.has(short) ? short : label;
}

/**
 * The GLUED matches from `from` on. An exec loop, not `matchAll`: matchAll clones the regex on every
 * call, and cloning this large one costs far more than running it.
 */
function labelHits(cell: string, from: number): RegExpExecArray[] {
  const hits: RegExpExecArray[] = [];
  GLUED.lastIndex = 0;
  for (let m = GLUED.exec(cell); m !== null; m = GLUED.exec(cell)) if (m.index >= from) hits.push(m);
  return hits;
}

/** Appends the pieces of `cell` (see splitGluedLabels) to `out`; short cells, the usual case, need no array of their own. */
export function pushGluedPieces(cell: string, out: string[]): void {
  if (cell.length < MIN_GLUED_LENGTH) out.push(cell);
  else for (const piece of splitGluedLabels(cell)) out.push(piece);
}

/**
 * Cuts a long glued run at known labels; short or label-poor text is returned as one piece, and so
 * is a file name (`…自评表单位名称….docx` names a download, it is not a form). Labels inside the
 * run's first title (`马铃薯…项目绩效目标自评表`) are words of the title and stay in it.
 */
export function splitGluedLabels(cell: string): string[] {
  if (cell.length < MIN_GLUED_LENGTH || cell.length > MAX_GLUED_LENGTH || FILE_NAME.test(cell)) return [cell];
  const titleEnd = cell.indexOf(TITLE_END);
  const inTitle = titleEnd < 0 || titleEnd > MAX_TITLE ? 0 : titleEnd + TITLE_END.length;
  const hits = labelHits(cell, inTitle);
  if (new Set(hits.map((h) => h[0]).filter(isStructure)).size < 2) return [cell];
  const out: string[] = [];
  let at = 0;
  for (const hit of hits) {
    const start = hit.index;
    if (start < at) continue;
    // `…衔接资金实施项目绩效目标自评表`: a label right before 自评 is a word of a title or of prose.
    if (TITLE_WORD_AFTER.test(cell.slice(start + hit[0].length, start + hit[0].length + 4))) continue;
    // `…指标公证业务服务对象满意度≥95%95%`: a category's short name (no 指标) that a name runs into and
    // a value follows ends that name; a category is followed by the names of its rows or by its
    // points (`项目管理13分`, rubric forms), not by values.
    if (
      start > at &&
      SHORT_LEVELS.has(hit[0]) &&
      VALUE_START.test(cell.slice(start + hit[0].length, start + hit[0].length + 12))
    )
      continue;
    if (start > at) pushPiece(out, cell.slice(at, start));
    // The footnote is prose that names labels (产出指标50分、…): kept whole, for the 备注 reader.
    // It ends where the next form starts (its title or 项目名称), so that form is still cut and read.
    if (/^备?注[:：]/.test(hit[0])) {
      const next = NEXT_FORM.exec(cell.slice(start + hit[0].length));
      at = next === null ? cell.length : start + hit[0].length + next.index;
      out.push(cell.slice(start, at));
      continue;
    }
    // A category's points glued after it belong to it: `数量指标(10分)`.
    const points = /^[(（]\d{1,3}(?:\.\d)?分[)）]/.exec(cell.slice(start + hit[0].length))?.[0] ?? '';
    const label = points === '' ? rowStartAfter(cell, hit[0], start) : hit[0] + points;
    out.push(label);
    at = start + label.length;
  }
  if (at < cell.length) pushPiece(out, cell.slice(at));
  return out.map((p) => p.replace(/^[:：\s]+/, '')).filter((p) => p !== '');
}

/** Labels a host's wrap spaces cut (`绩 效 指 标`, `数量 指标`) before a line counts as glued text. */
const MIN_LABELS_ACROSS = 3;

/**
 * True when the line's words are pieces of glued text whose spaces are line-wrap debris: several
 * labels run across them (`产 出 指 标数量 指标5000吨…`). A flattened table keeps each label
 * within one cell, so its short cells do not count as glued.
 */
export function labelsRunAcross(words: readonly string[]): boolean {
  const ends = new Set<number>();
  let joined = '';
  for (const word of words) {
    joined += word;
    ends.add(joined.length);
  }
  if (joined.length > MAX_GLUED_LENGTH) return false;
  let across = 0;
  for (const hit of labelHits(joined, 0)) {
    if (!isStructure(hit[0])) continue;
    for (let k = hit.index + 1; k < hit.index + hit[0].length; k++)
      if (ends.has(k)) {
        across += 1;
        break;
      }
    if (across >= MIN_LABELS_ACROSS) return true;
  }
  return false;
}
