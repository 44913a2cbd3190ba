/**
 * Reading printed labels and column headers of a grid against the shared template vocabulary
 * (text/vocabulary.ts), so that the text and table importers recognise the same words.
 */
import {
  EXTRA_LABELS,
  FIELD_LABELS,
  FUNDING_ANCHORS,
  FUNDING_COLUMNS,
  INDICATOR_ANCHORS,
  INDICATOR_COLUMNS,
  INDICATOR_LEVEL_HEADERS,
  NOTHING_VALUES,
  OBJECTIVE_ANCHORS,
  OBJECTIVE_COLUMNS,
  normalizeLabel,
  splitPoints,
  type FieldKey,
  type FundingColumn,
  type IndicatorColumn,
} from '../text/vocabulary.js';
import { joinWrapped } from '../text/join-wrapped.js';

/** A cell's text as one line: the spec's join rule applied to the lines inside the cell. */
export const cellText = (text: string): string => joinWrapped(text.split('\n'));

/** True when the printed text means "nothing here" (blank, `/`, `—` …). */
export const isNothing = (text: string): boolean => NOTHING_VALUES.has(text.trim());

/** `执行率(B/A)` → `执行率`: the label without a trailing bracketed note. */
const withoutNote = (label: string): string => label.replace(/\([^()]*\)$/, '');

/** Looks a label up as printed, then without its bracketed note. */
function lookup<T>(map: ReadonlyMap<string, T>, text: string): T | undefined {
  const label = normalizeLabel(text);
  return map.get(label) ?? map.get(withoutNote(label));
}

export const fieldKeyOf = (text: string): FieldKey | undefined => lookup(FIELD_LABELS, text);

/** A label the model keeps in `extras` (项目负责人 …). */
export const isExtraLabel = (text: string): boolean => EXTRA_LABELS.has(withoutNote(normalizeLabel(text)));

export const isFundingAnchor = (text: string): boolean => {
  const label = normalizeLabel(text);
  return [...FUNDING_ANCHORS].some((anchor) => label === anchor || label.startsWith(`${anchor}(`));
};

/** `项目资金（元）` → `元`; `项目资金（万元）` → `万元`; null when the label prints no unit. */
export function unitOf(text: string): '元' | '万元' | null {
  const m = /\((万元|元)\)|单位:?(万元|元)/.exec(normalizeLabel(text));
  return m === null ? null : ((m[1] ?? m[2]) as '元' | '万元');
}

export const fundingColumnOf = (text: string): FundingColumn | undefined => lookup(FUNDING_COLUMNS, text);

export const isObjectiveAnchor = (text: string): boolean => OBJECTIVE_ANCHORS.has(normalizeLabel(text));
export const isObjectiveColumn = (text: string): boolean => OBJECTIVE_COLUMNS.has(normalizeLabel(text));

/**
 * `绩效指标`, also with its points and a number (`年度绩效目标1 (80分)`, scored templates).
 * The points are kept by the reader (`pointsOf`).
 */
export const isIndicatorAnchor = (text: string): boolean =>
  INDICATOR_ANCHORS.has(pointsOf(text).base.replace(/\d+$/, ''));

/** Points printed under a name with no brackets (018: `产出\n指标\n40分`, `项目决策\n2分`). */
const BARE_POINTS = /^(.*[^\d.])(\d+(?:\.\d+)?)分$/;

/**
 * A label with the points printed after it (`预算执行情况(万元)(20分)`, `产出指标(40分)`,
 * `产出指标40分`): the label without them and `40分`; points null when none are printed.
 */
export function pointsOf(text: string): { base: string; points: string | null } {
  const label = normalizeLabel(text);
  const { base, points } = splitPoints(label);
  if (points !== null) return { base, points: `${points}分` };
  const bare = BARE_POINTS.exec(label);
  return bare?.[1] === undefined || bare[2] === undefined
    ? { base, points: null }
    : { base: bare[1], points: `${bare[2]}分` };
}

/** What an indicator table column holds, by its header; `level1`/`level2`/`name` for the three levels. */
export type IndicatorField = IndicatorColumn | 'level1' | 'level2' | 'name';

/**
 * Rubric templates (018) head the level-1 and name columns 项目权重 / 评价内容 (项目决策 | 决策依据),
 * and the indicator names 指标名称(三级指标).
 */
const RUBRIC_LEVEL_HEADERS: ReadonlyMap<string, IndicatorField> = new Map([
  ['项目权重', 'level1'],
  ['评价内容', 'name'],
  ['指标名称(三级指标)', 'name'],
]);

function levelColumnOf(text: string): IndicatorField | undefined {
  const label = normalizeLabel(text);
  if (INDICATOR_LEVEL_HEADERS.has(label))
    return label === '一级指标' ? 'level1' : label === '二级指标' ? 'level2' : 'name';
  return RUBRIC_LEVEL_HEADERS.get(label);
}

export function indicatorColumnOf(text: string): IndicatorField | undefined {
  return levelColumnOf(text) ?? lookup(INDICATOR_COLUMNS, text);
}

export const isLevelHeader = (text: string): boolean => levelColumnOf(text) !== undefined;

/** 备注 opens the template's boilerplate notes, which the model leaves out. */
export const isNotesStart = (text: string): boolean => /^备注/.test(normalizeLabel(text));

/** The title as printed without a year in brackets after it (the year is read apart). */
export const titleOf = (text: string): string => {
  const m = /[(（]\s*\d{4}\s*年度?\s*[)）]\s*$/.exec(text);
  return m === null ? text : text.slice(0, m.index).trim();
};

/** A numbered heading of the document around the forms: `三、项目支出绩效自评表`, `第四部分 …`. */
const SECTION_HEADING = /^([一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+(部分|章|节))/;

/**
 * A form title: `社区矫正项目支出绩效自评表`, `…绩效目标自评表`, also with `(2023年度)` after it;
 * not a numbered section heading of a 决算 document that names the forms following it.
 */
export const isTitle = (text: string): boolean => {
  const label = normalizeLabel(text);
  return /(绩效|自评).*表$/.test(titleOf(label)) && !SECTION_HEADING.test(label);
};

/** The year of a title or year line (`（2020年度）`, `2020年度…`), or null. */
export function yearOf(text: string): number | null {
  const m = /(\d{4})年度?/.exec(normalizeLabel(text));
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** A line that is only the year: `（2020年度）`. */
export const isYearLine = (text: string): boolean => /^\(?\d{4}年度?\)?$/.test(normalizeLabel(text));

/** The printed line name without `其中：` and the trailing colon: `其中：上级转移支付资金` → `上级转移支付资金`. */
export const fundingLineName = (text: string): string => text.replace(/^其中[：:]?/, '').replace(/[：:]+$/, '');

/** An attachment label above the title: `附件2`, `附表2`. */
export const isAttachmentLabel = (text: string): boolean => /^附[件表]\d*$/.test(normalizeLabel(text));

/** `单位：万元` / `金额单位：元` above a table: the money unit, or null. */
export function unitLineOf(text: string): '元' | '万元' | null {
  const m = /^(?:金额|资金)?单位:(万元|元)$/.exec(normalizeLabel(text));
  return m === null ? null : (m[1] as '元' | '万元');
}

/** One `label：value` of a line or cell such as `填表人： 赵 益  联系电话： 0755-89363953`. */
export interface LabelledValue {
  readonly label: string;
  readonly value: string;
}

const LABEL_AT = /(?:^|[\s\u3000])([\u3400-\u9fffA-Za-z（）()]{2,12})\s*[：:]/g;

/**
 * Splits text into `label：value` pairs where a label starts the text or follows white space.
 * Returns the text before the first label (`lead`, usually empty) and the pairs; no pairs when the
 * text has no such label.
 */
export function splitLabelled(text: string): { lead: string; pairs: LabelledValue[] } {
  const marks = [...text.matchAll(LABEL_AT)];
  const pairs: LabelledValue[] = marks.map((m, i) => {
    const next = marks[i + 1];
    const start = (m.index ?? 0) + m[0].length;
    const end = next === undefined ? text.length : (next.index ?? text.length);
    return { label: m[1] ?? '', value: cellText(text.slice(start, end)) };
  });
  const lead = marks[0] === undefined ? text : text.slice(0, marks[0].index ?? 0);
  return { lead: lead.trim(), pairs };
}

/** Pairs of a cell that starts with a known field label and a colon (`填表人：赵益`), else null. */
export function inlineFields(text: string): LabelledValue[] | null {
  const { lead, pairs } = splitLabelled(text);
  const first = pairs[0];
  if (lead !== '' || first === undefined || fieldKeyOf(first.label) === undefined) return null;
  return pairs;
}

export type RowKind = 'funding' | 'objectives' | 'indicators' | 'field' | 'notes' | 'other';

/** What a row opens, from the labels among its cells' texts; `other` for a row of values. */
export function rowKindOf(texts: readonly string[]): RowKind {
  const has = (test: (t: string) => boolean): boolean => texts.some(test);
  if (has(isFundingAnchor)) return 'funding';
  if (has((t) => isObjectiveAnchor(t) || isObjectiveColumn(t))) return 'objectives';
  if (has((t) => isLevelHeader(t) || isIndicatorAnchor(t))) return 'indicators';
  if (has((t) => fieldKeyOf(t) !== undefined || inlineFields(t) !== null)) return 'field';
  if (has(isNotesStart)) return 'notes';
  return 'other';
}
