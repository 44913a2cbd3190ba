/**
 * Words printed on 项目支出绩效自评表 templates: field labels, section anchors, table column
 * headers, indicator categories and funding row names. Kept free of text-importer details so that
 * the grid importer can share it later.
 *
 * Every entry is matched after `normalizeLabel` (no white space, half-width brackets and colons,
 * no trailing colon), so variants that differ only by those need not be listed.
 */

import { hasWhite, isWhiteCode } from './white-space.js';

export { EXTRA_LABELS, FIELD_LABELS, PROJECT_CODE, type FieldKey } from './field-vocabulary.js';

/** Labels that open the funding table (项目资金 / 预算执行情况 …). */
export const FUNDING_ANCHORS: ReadonlySet<string> = new Set([
  '项目资金',
  '资金情况',
  '预算执行情况',
  '项目预算执行情况',
  '年度预算数',
]);

/** Labels that open the objectives block. */
export const OBJECTIVE_ANCHORS: ReadonlySet<string> = new Set([
  '年度总体目标',
  '年度总体目标完成情况',
  '年度目标完成情况',
  '年度目标',
  '项目基本情况',
]);

/** Sub-headers of the objectives block: planned then actual. */
export const OBJECTIVE_COLUMNS: ReadonlySet<string> = new Set([
  '年初设定目标',
  '预期目标',
  '项目年度目标',
  '全年实际完成情况',
  '实际完成情况',
  '目标实际完成情况',
  '年度目标完成情况',
  '年度总体目标完成情况综述',
  '1.项目年度目标完成情况',
  '2.项目实施内容及过程概述',
]);

/** Labels that open the indicator table. */
export const INDICATOR_ANCHORS: ReadonlySet<string> = new Set([
  '绩效指标',
  '年度绩效指标完成情况',
  '年度绩效指标',
  '年度绩效目标',
  '项目绩效',
]);

export type FundingColumn = 'initialBudget' | 'budget' | 'executed' | 'rate' | 'weight' | 'score' | 'extra';

export const FUNDING_COLUMNS: ReadonlyMap<string, FundingColumn> = new Map([
  ['年初预算数', 'initialBudget'],
  ['年初预算', 'initialBudget'],
  ['全年预算数', 'budget'],
  ['全年预算数(A)', 'budget'],
  ['调整后预算数', 'budget'],
  ['调整预算数', 'budget'],
  ['预算数', 'budget'],
  ['预算数(A)', 'budget'],
  ['转移支付预算数(A)', 'budget'],
  ['全年执行数', 'executed'],
  ['全年执行数(B)', 'executed'],
  ['预算执行数', 'executed'],
  ['执行数', 'executed'],
  ['执行数(B)', 'executed'],
  ['转移支付执行数(B)', 'executed'],
  ['执行率', 'rate'],
  ['执行率(B/A)', 'rate'],
  ['预算执行率', 'rate'],
  ['预算执行率(B/A)', 'rate'],
  ['分值', 'weight'],
  ['权重', 'weight'],
  ['得分', 'score'],
  ['得分(20分*执行率)', 'score'],
  ['得分(分*执行率)', 'score'],
  ['原因', 'extra'],
  ['得分计算方法', 'extra'],
]);

/** Known funding row names; unknown names are still read, these help join wrapped ones. */
export const FUND_ROW_NAMES: ReadonlySet<string> = new Set([
  '年度资金总额',
  '年度财政资金总额',
  '总额',
  '上级转移支付资金',
  '区级财政资金',
  '市级财政资金',
  '县级财政资金',
  '本级财政资金',
  '当年财政拨款',
  '本年财政拨款',
  '财政拨款',
  '上年结转资金',
  '其他资金',
  '中央补助',
  '自治区补助',
  '省级补助',
  '市县资金',
  '地方资金',
  '地方资金/其他',
  '财政资金',
  '财政专户管理资金',
  '单位资金',
]);

export type IndicatorColumn = 'target' | 'actual' | 'note' | 'weight' | 'score' | 'nature' | 'unit' | 'extra';

export const INDICATOR_COLUMNS: ReadonlyMap<string, IndicatorColumn> = new Map([
  ['年度指标值', 'target'],
  ['指标值', 'target'],
  ['年初目标值', 'target'],
  ['年初目标值(A)', 'target'],
  ['年初指标值', 'target'],
  ['预期指标值', 'target'],
  ['预期指标值(A)', 'target'],
  ['年度目标值', 'target'],
  ['指标值(A)', 'target'],
  ['目标值', 'target'],
  ['预期值', 'target'],
  ['预期目标值', 'target'],
  ['计划指标值', 'target'],
  ['全年完成值', 'actual'],
  ['实际值', 'actual'],
  ['全年实际完成值', 'actual'],
  ['实际完成数', 'actual'],
  ['偏差原因分析', 'note'],
  ['偏差原因', 'note'],
  ['原因分析及改进措施', 'note'],
  ['指标分值', 'weight'],
  ['备注', 'extra'],
  ['实际完成值', 'actual'],
  ['实际完成值(B)', 'actual'],
  ['完成值', 'actual'],
  ['全年实际值', 'actual'],
  ['全年实际值(B)', 'actual'],
  ['年终完成值', 'actual'],
  ['实际完成指标值', 'actual'],
  ['实际完成指标值(B)', 'actual'],
  ['未完成原因和改进措施', 'note'],
  ['未完成原因分析及改进措施', 'note'],
  ['未完成原因及改进措施', 'note'],
  // Sichuan 衔接资金 forms (107): the deviation column asks for the measures to be taken.
  ['未完成原因及拟采取的改进措施', 'note'],
  ['偏差原因分析及改进措施', 'note'],
  ['未完成原因分析', 'note'],
  ['未完成原因', 'note'],
  ['分值', 'weight'],
  ['权重', 'weight'],
  ['参考分值', 'weight'],
  ['得分', 'score'],
  ['自评分', 'score'],
  ['指标性质', 'nature'],
  ['度量单位', 'unit'],
  ['得分计算方法', 'extra'],
  ['复核分', 'extra'],
  ['评价标准', 'extra'],
  ['评价标准及依据', 'extra'],
]);

/** The three level headers of the indicator table. */
export const INDICATOR_LEVEL_HEADERS: ReadonlySet<string> = new Set(['一级指标', '二级指标', '三级指标']);

export const LEVEL1_NAMES: ReadonlySet<string> = new Set([
  '产出指标',
  '效益指标',
  '满意度指标',
  '效果指标',
  '过程指标',
  '影响指标',
  '项目产出',
  '项目效益',
  '项目决策',
  '项目管理',
]);

export const LEVEL2_NAMES: ReadonlySet<string> = new Set([
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '环境效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
  // The 2015 central template's name (财预〔2015〕88号), printed under 效益指标 or 满意度指标.
  '社会公众或服务对象满意度指标',
  '社会公众或服务对象满意度',
  '数量',
  '质量',
  '时效',
  '成本',
  '经济效益',
  '社会效益',
  '生态效益',
  '环境效益',
  '可持续影响',
  '可持续性',
  '服务对象满意度',
  '投入管理',
  '财务管理',
  '项目实施',
]);

/** Level-2 names that some templates print as level 1 (成本指标 since 2021). */
export const AMBIGUOUS_LEVEL_NAMES: ReadonlySet<string> = new Set(['成本指标', '满意度指标']);

/** Values that mean "nothing printed here". */
export const NOTHING_VALUES: ReadonlySet<string> = new Set(['', '-', '—', '——', '－', '/', '／', '…', '……', '\u00a0']);

/** Characters `normalizeLabel` changes (white space, brackets, colons); a leading 其中 is tested apart. */
const NEEDS_NORMALIZING = /[\s（）：:(]/;
/**
 * True when `normalizeLabel` may change the text: white space, a bracket or colon it rewrites, a
 * leading 其中. Short texts (most cells) are scanned by character code, sparing a regex call.
 */
function needsNormalizing(text: string): boolean {
  if (text.startsWith('其中')) return true;
  if (text.length > 32) return NEEDS_NORMALIZING.test(text);
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    // （ ） ： : (
    if (code === 0xff08 || code === 0xff09 || code === 0xff1a || code === 0x3a || code === 0x28) return true;
    if (isWhiteCode(code)) return true;
  }
  return false;
}
/** Last characters of an OCR-read bracket `(A)` / `(A1` / `(Al`. */
const OCR_BRACKET_END = new Set([0x29, 0x31, 0x6c]);
/** `[A-Z八/]`, the letters inside such a bracket. */
const isOcrLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || code === 0x516b || code === 0x2f;

/**
 * The key used to compare printed text with the vocabularies: no white space, half-width
 * brackets/colons, no trailing colon, no leading 其中; OCR's `(八)` / `(B/A1` read as `(A)` / `(B/A)`.
 */
export function normalizeLabel(text: string): string {
  // Most printed text has nothing to normalize; one scan spares the replacements below, and each
  // replacement runs only when its character is there.
  if (!needsNormalizing(text)) return text;
  let s = text;
  if (hasWhite(s)) s = s.replace(/[\s\u00a0\u3000]+/g, '');
  if (s.includes('（')) s = s.replace(/（/g, '(');
  if (s.includes('）')) s = s.replace(/）/g, ')');
  if (s.includes('：')) s = s.replace(/：/g, ':');
  if (s.startsWith('其中')) s = s.replace(/^其中:?/, '');
  if (s.endsWith(':')) s = s.replace(/:+$/, '');
  return repairOcrBracket(s);
}

/**
 * `s.replace(/\(([A-Z八/]{1,3})[1l)]$/, (_, g) => `(${g.replace(/八/g, 'A')})`)` without the regex
 * and its callback (every column label `(A)` ran them): the bracket closing the text, with OCR's
 * `1`/`l` for `)` and `八` for `A` read back. The earliest `(` that fits wins, as in the regex.
 */
function repairOcrBracket(s: string): string {
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  if (!OCR_BRACKET_END.has(last)) return s;
  // `(` at k, then 1–3 letters up to the last character.
  for (let k = Math.max(0, n - 5); k <= n - 3; k++) {
    if (s.charCodeAt(k) !== 0x28) continue;
    let letters = true;
    for (let m = k + 1; m < n - 1 && letters; m++) letters = isOcrLetter(s.charCodeAt(m));
    if (!letters) continue;
    const group = s.slice(k + 1, n - 1);
    // Already `(A)`: the replacement would give the text back unchanged.
    if (last === 0x29 && !group.includes('八')) return s;
    return `${s.slice(0, k)}(${group.replace(/八/g, 'A')})`;
  }
  return s;
}

/** `产出指标(40分)` → { base: '产出指标', points: '40' }; text without such a suffix is returned whole. */
export function splitPoints(label: string): { base: string; points: string | null } {
  if (!label.endsWith('分)')) return { base: label, points: null };
  const m = /^(.*?)\((\d+(?:\.\d+)?)?分\)$/.exec(label);
  if (m?.[1] === undefined || m[1] === '') return { base: label, points: null };
  return { base: m[1], points: m[2] ?? '' };
}

/** Every prefix of every entry, to know whether joining one more wrapped fragment can still match. */
export function prefixesOf(entries: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const e of entries) for (let i = 1; i <= e.length; i++) out.add(e.slice(0, i));
  return out;
}
