import type { Form } from '../../../domain/form/form.schema.js';
import { newDraft, type FormDraft, type ParseContext } from './form-draft.js';
import { formOf } from '../form-fields.js';
import type { IssueLog } from './issues.js';
import { applyField } from './parse-fields.js';
import { inferYear, type InferredYear } from './infer-year.js';
import { isFormTitle } from './split-forms.js';
import { parseFunding } from './parse-funding.js';
import { parseIndicators } from './parse-indicators.js';
import { parseObjectives } from './parse-objectives.js';
import {
  toStream,
  toTokens,
  useToken,
  type LabelKind,
  type LabelToken,
  type StreamCell,
  type Token,
} from './cell-stream.js';
import type { TextLine } from './tokenize-lines.js';
import { reportUnplaced } from './unplaced.js';

/**
 * One form's lines → a canonical Form. The text is cut into regions at the labels it prints
 * (项目名称 …, 项目资金, 年度总体目标, 绩效指标); each region goes to its parser; whatever no parser
 * placed is reported as unplaced text.
 */

type RegionKind = 'head' | 'field' | 'funding' | 'objectives' | 'indicators';

interface Region {
  readonly kind: RegionKind;
  readonly label: LabelToken | null;
  readonly tokens: Token[];
}

/** The region a label opens, or null when, where it stands, it is content of the current region. */
function regionFor(label: LabelToken, current: RegionKind): RegionKind | null {
  const k = (kind: LabelKind): boolean => label.kinds.has(kind);
  if (current === 'indicators' && (k('indicator-column') || k('level1') || k('level2') || k('level-header')))
    return null;
  if (current === 'funding' && (k('funding-column') || k('fund-row'))) return null;
  // Rubric tables name indicators after funding columns (预算执行率); only an anchor leaves the table.
  if (current === 'indicators' && k('funding-column') && !k('fund-row')) return null;
  if (current === 'objectives' && k('objective-column')) return null;
  if (k('field') || k('extra')) return 'field';
  if (k('funding-anchor')) return 'funding';
  if (k('objective-anchor') || k('objective-column')) return 'objectives';
  if (k('indicator-anchor') || k('level-header') || k('level1') || k('level2')) return 'indicators';
  if (k('funding-column') || k('fund-row')) return 'funding';
  return null;
}

function toRegions(tokens: readonly Token[]): Region[] {
  const regions: Region[] = [];
  let current: Region = { kind: 'head', label: null, tokens: [] };
  regions.push(current);
  for (const token of tokens) {
    const kind = token.type === 'label' ? regionFor(token, current.kind) : null;
    if (kind !== null && token.type === 'label') {
      current = { kind, label: token, tokens: [] };
      regions.push(current);
    } else current.tokens.push(token);
  }
  return regions;
}

/** `(2022年度)`, `2022年`, or a bare year in brackets `(2022)`: a line stating the form's year. */
const YEAR_LINE = /^(?:[(（]\s*(\d{4})\s*(?:年度?)?\s*[)）]|[(（]?\s*(\d{4})\s*年度?\s*[)）]?)$/;
/** The same inside a title: `…自评表(2022年度)`, `2022年…自评表`, `…自评表（2022）`. */
const YEAR_IN_TITLE = /[(（]\s*((?:19|20)\d{2})\s*(?:年度?)?\s*[)）]|((?:19|20)\d{2})\s*年度?/;
const YEAR_BRACKET = /[(（]\s*(?:19|20)\d{2}\s*(?:年度?)?\s*[)）]/;

/** The year a YEAR_LINE / YEAR_IN_TITLE match states. */
const yearOf = (m: RegExpExecArray | null): number | null => {
  const digits = m?.[1] ?? m?.[2];
  return digits === undefined ? null : Number(digits);
};

/** A title's year written in Chinese numerals (`二〇二二年度…自评表`), rare but read as printed. */
const HAN_YEAR = /([〇○零一二三四五六七八九]{4})\s*年/;
const HAN_DIGITS = '〇一二三四五六七八九';
function hanYear(text: string): number | null {
  const m = HAN_YEAR.exec(text);
  if (m?.[1] === undefined) return null;
  const digits = [...m[1]].map((ch) => (ch === '○' || ch === '零' ? 0 : HAN_DIGITS.indexOf(ch))).join('');
  const year = Number(digits);
  return year >= 1990 && year <= 2100 ? year : null;
}

/** Finds the title cell (…自评表) and the year, marking both as used. */
/** A date signing a notice (`2022年12月30日`), or a title of some other document, ending before the form's title. */
const LEAD_END = /(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|自评表/g;

/**
 * A page's prose glued before the form's title (`…联系电话:0838-7211924附件:2022年…绩效自评表
 * 中江县水利局2022年12月30日绩效目标自评表`): the title is what follows the last date or earlier
 * 自评表 before its own 自评表. The prose dropped is reported with the whole cell.
 */
function withoutLeadingProse(text: string, line: number, raw: string, ctx: ParseContext): string {
  const own = text.lastIndexOf('自评表');
  if (own < 0 || (text.indexOf('自评表') === own && !text.includes('日'))) return text;
  let cut = 0;
  LEAD_END.lastIndex = 0;
  for (let m = LEAD_END.exec(text); m !== null && m.index < own; m = LEAD_END.exec(text)) cut = m.index + m[0].length;
  if (cut === 0 || cut >= own) return text;
  ctx.log.add('title-prefix-dropped', 'info', `表题前的"${text.slice(0, cut)}"不属于表题，已去掉。`, line, raw, {
    form: ctx.form,
    path: 'title',
  });
  return text.slice(cut);
}

function readTitle(cells: readonly StreamCell[], draft: FormDraft, ctx: ParseContext): void {
  const perLine = new Map<number, number>();
  for (const c of cells) perLine.set(c.line, (perLine.get(c.line) ?? 0) + 1);
  const titleAt = cells.findIndex((c) => isFormTitle(c.text, perLine.get(c.line) ?? 1));
  const title = cells[titleAt];
  if (title === undefined || title.line - (cells[0]?.line ?? 0) > 20) return;
  title.used = true;
  // Page chrome glued before the title (`文档介绍:`, a host's `1、`, the attachment label `附件2`
  // glued text keeps on the title's line) is reported, not kept.
  const chrome = /^(\d{1,3}、|附件\s?\d{1,3}(?![\d年])|[^:：]{1,10}[:：])(?=.*自评表)/.exec(title.text);
  const text0 = chrome === null ? title.text : title.text.slice(chrome[0].length);
  if (chrome !== null)
    ctx.log.add('title-prefix-dropped', 'info', `表题前的"${chrome[0]}"不属于表题，已去掉。`, title.line, title.text, {
      form: ctx.form,
      path: 'title',
    });
  let text = withoutLeadingProse(text0, title.line, title.text, ctx);
  const year = yearOf(YEAR_IN_TITLE.exec(text)) ?? hanYear(text);
  if (year !== null) {
    draft.year = year;
    const bracket = YEAR_BRACKET.exec(text);
    const head = bracket === null ? '' : text.slice(0, bracket.index).trim();
    const tail = bracket === null ? '' : text.slice(bracket.index + bracket[0].length).trim();
    // `财政项目支出绩效自评表 (2022 年度) 普陀体育中心与委托运营方结算费用`: PDF text put the
    // project name after the title; kept apart until 项目名称 shows whether it has a value.
    if (head.endsWith('自评表') && tail !== '' && !/[:：]/.test(tail)) {
      text = head;
      draft.titleTail = { text: tail, cell: title.text };
    } else {
      const stripped = text.replace(YEAR_BRACKET, '').trim();
      if (stripped !== '') text = stripped;
    }
  }
  draft.title = text.trim();
  // The year line may be cut into cells by its spaces: `( 2019 年度)`. Blank cells (a lone `|` or
  // NBSP line per empty cell of one-cell-per-line layouts) print nothing and are passed over.
  const after: StreamCell[] = [];
  for (let k = titleAt + 1; k < cells.length && after.length < 11; k++) {
    const cell = cells[k];
    if (cell !== undefined && cell.text !== '') after.push(cell);
  }
  const yearCell = after.find((c) => YEAR_LINE.test(c.text.replace(/\s+/g, '')));
  if (draft.year === null && yearCell !== undefined) {
    draft.year = yearOf(YEAR_LINE.exec(yearCell.text.replace(/\s+/g, '')));
    yearCell.used = true;
  }
  for (const line of [...new Set(after.map((c) => c.line))].slice(0, 3)) {
    if (draft.year !== null) break;
    const onLine = after.filter((c) => c.line === line);
    const m = YEAR_LINE.exec(
      onLine
        .map((c) => c.text)
        .join('')
        .replace(/\s+/g, ''),
    );
    if (m === null) continue;
    draft.year = yearOf(m);
    for (const c of onLine) c.used = true;
  }
  // One cell per paragraph: `(` / `2019` / `年度)` on lines of their own.
  for (let k = 0; k < after.length - 1 && draft.year === null; k++)
    for (let n = 2; n <= 3 && draft.year === null; n++) {
      const run = after.slice(k, k + n);
      const m = YEAR_LINE.exec(run.map((c) => c.text.replace(/\s+/g, '')).join(''));
      if (m === null) continue;
      draft.year = yearOf(m);
      for (const c of run) c.used = true;
    }
}

/** Parses one form; null when the text holds no form (no 项目名称 and no table). */
export function parseForm(
  lines: readonly TextLine[],
  log: IssueLog,
  form: number,
  previousYear: number | null = null,
  headingYear: InferredYear | null = null,
): Form | null {
  const draft = newDraft();
  const ctx: ParseContext = { draft, log, form };
  const cells = toStream(lines);
  readTitle(cells, draft, ctx);
  for (const cell of cells) {
    // `单位：万元` printed above the table states the money unit of the whole form.
    const unit = cell.text.startsWith('单位') ? /^单位[:：]\s*(万元|元)$/.exec(cell.text) : null;
    if (unit === null) continue;
    cell.used = true;
    if (unit[1] === '元') draft.unit = '元';
  }
  for (const region of toRegions(toTokens(cells))) {
    const { label, tokens } = region;
    if (region.kind === 'field' && label !== null) applyField(label, tokens, ctx);
    else if (region.kind === 'funding') parseFunding(label, tokens, ctx);
    else if (region.kind === 'objectives') parseObjectives(label, tokens, ctx);
    else if (region.kind === 'indicators') parseIndicators(label, tokens, ctx);
    else if (label !== null) useToken(label);
  }
  if (draft.name === null && !draft.hasBody) {
    for (const c of cells) c.used = false;
    return null;
  }
  reportUnplaced(cells, log, form);
  return finishForm(draft, ctx, lines[0]?.no ?? null, cells, previousYear, headingYear);
}

/**
 * A form with no title of its own, glued onto the form before it in one document (`…总分10098项目名称
 * 中青年演员培训经费…`), was printed under that form's title: it shares its year. Reported as
 * `year-inferred` like any guessed year.
 */
function sharedYear(draft: FormDraft, previousYear: number | null): InferredYear | null {
  if (draft.title !== null || previousYear === null) return null;
  return { year: previousYear, basis: '同一文件中上一张表的年度（本表没有表题）', raw: draft.name ?? '' };
}

function finishForm(
  draft: FormDraft,
  ctx: ParseContext,
  line: number | null,
  cells: readonly StreamCell[],
  previousYear: number | null,
  headingYear: InferredYear | null,
): Form | null {
  const { log, form } = ctx;
  const at = { form };
  const tail = draft.titleTail;
  if (tail !== null && draft.name === null) {
    draft.name = tail.text;
    log.add(
      'project-name-after-title',
      'warning',
      `"项目名称"栏没有值，表题后的"${tail.text}"按项目名称读取，请核对。`,
      line,
      tail.cell,
      { ...at, path: 'project.name' },
    );
  } else if (tail !== null) draft.title = `${draft.title ?? ''}${tail.text}`;
  const name = draft.name ?? draft.title;
  if (draft.name === null)
    log.add(
      'project-name-missing',
      'warning',
      '没有找到"项目名称"，暂用表题作为项目名称，请核对。',
      line,
      draft.title,
      { ...at, path: 'project.name' },
    );
  const inferred =
    draft.year === null
      ? (inferYear(cells, draft.period?.start ?? null, draft.extras['填报日期'] ?? null) ??
        sharedYear(draft, previousYear) ??
        headingYear)
      : null;
  const year = draft.year ?? inferred?.year ?? null;
  if (name === null || year === null || year < 1990 || year > 2100) {
    log.add(
      'form-header-missing',
      'error',
      `这张表缺少${name === null ? '项目名称和表题' : '年度'}，无法生成表单；请补上后重新导入。`,
      line,
      name,
      at,
    );
    return null;
  }
  if (inferred !== null)
    log.add(
      'year-inferred',
      'warning',
      `表题和表头没有印年度，已按${inferred.basis}推断为 ${inferred.year} 年，请核对。`,
      line,
      inferred.raw,
      { ...at, path: 'year' },
    );
  if (draft.fundingLines.length === 0) {
    draft.fundingLines.push({ name: '年度资金总额', initialBudget: null, budget: null, executed: null, rate: null });
    log.add(
      'funding-missing',
      'warning',
      '没有找到项目资金表（表格可能被截断），资金数额留空，请核对原表。',
      line,
      null,
      { ...at, path: 'funding' },
    );
  }
  if (draft.indicators.length === 0)
    log.add('indicators-missing', 'warning', '没有找到绩效指标（表格可能被截断），请核对原表。', line, null, {
      ...at,
      path: 'indicators',
    });
  return formOf(draft, { year, title: draft.title ?? name, name, unit: draft.unit });
}
