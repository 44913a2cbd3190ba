import type { Indicator } from '../../../domain/form/form.schema.js';
import { addExtra, type ParseContext } from './form-draft.js';
import { joinWrapped } from './join-wrapped.js';
import { isNothing, parseMoney } from './parse-number.js';
import type { IndicatorColumn } from './vocabulary.js';

/** A table column of the indicator table, as its header printed it. */
export interface Column {
  readonly kind: IndicatorColumn;
  readonly label: string;
}

/** One indicator row being assembled from wrapped pieces. */
export interface Row {
  readonly level1: string;
  readonly level2: string;
  readonly name: string[];
  /** Pieces per column, parallel to the table's columns. */
  readonly values: string[][];
  /** Index of the last column that received text; -1 while only the name is known. */
  lastCol: number;
  readonly line: number;
  /** A number printed after the last header column (a score column the header did not label). */
  trailing: string | null;
}

export function newRow(level1: string, level2: string, name: string[], line: number, width: number): Row {
  // A plain loop: Array.from({ length }) takes V8's slow generic path.
  const values: string[][] = [];
  for (let k = 0; k < width; k++) values.push([]);
  return { level1, level2, name, values, lastCol: -1, line, trailing: null };
}

/** Puts cells into the row's columns from `start` on, left to right. */
export function fillRow(row: Row, cells: readonly string[], start: number): string[] {
  const overflow: string[] = [];
  cells.forEach((text, k) => {
    const col = row.values[start + k];
    if (col === undefined) overflow.push(text);
    else {
      col.push(text);
      row.lastCol = start + k;
    }
  });
  return overflow;
}

function cellText(pieces: readonly string[]): string | null {
  const s = joinWrapped(pieces);
  return s === '' ? null : s;
}

/** 指标性质 + 指标值 + 度量单位 → one printed target (`≥` `95` `%` → `≥95%`; 定性/定量 dropped). */
export function composeTarget(nature: string | null, value: string | null, unit: string | null): string | null {
  const parts = [nature !== null && !/^定[性量]$/.test(nature) ? nature : null, value, unit].filter((p) => p !== null);
  return value === null ? null : parts.join('');
}

/** A name ending in a number after other text (`渔船补贴发放率100%100%10`): values glued on, not cut. */
const GLUED_VALUES_END = /\D\d+(?:\.\d+)?[%％]?\d*$/;

/** A row holding only a template placeholder (`指标2:`, `……`, `指标L:`): nothing was filled in. */
export const PLACEHOLDER = /^(?:(?:指标\s*[\dA-Za-z]{0,3}\s*[:：.．、]?)+|[.…。·-]+)$/;

/** A row naming a placeholder (`指标2:`), or one whose name and every value say nothing (`指标1:/ / /`). */
function unfilled(row: Row, name: string): boolean {
  if (row.lastCol < 0 && PLACEHOLDER.test(name)) return true;
  const mark = NOTHING_NAME.exec(name);
  return mark !== null && row.values.every((v) => isNothing(cellText(v) ?? ''));
}

const NOTHING_NAME = /^指标\s*\d{0,3}\s*[:：.．、]?\s*[/／—-]+$/;

/**
 * Turns the assembled rows into indicators on the draft. A number printed after the last header
 * column on most rows is an unlabeled 得分 column (区域绩效目标自评表); placeholder rows are dropped
 * with an info issue.
 */
export function finishRows(rows: readonly Row[], columns: readonly Column[], ctx: ParseContext): void {
  const before = ctx.draft.indicators.length;
  const filled = rows.filter((r) => r.lastCol >= 0);
  const trailing = filled.filter((r) => r.trailing !== null).length;
  const unlabeledScore = !columns.some((c) => c.kind === 'score') && trailing >= 2 && trailing * 2 >= filled.length;
  if (unlabeledScore)
    ctx.log.add(
      'indicator-score-unlabeled',
      'info',
      '绩效指标表最后一列没有列标题，但各行都印有数字，已按"得分"读取，请核对。',
      rows[0]?.line ?? null,
      null,
      { form: ctx.form, path: 'indicators' },
    );
  for (const row of rows) {
    const name = joinWrapped(row.name);
    if (unfilled(row, name)) {
      if (name !== '')
        ctx.log.add(
          'indicator-placeholder',
          'info',
          `"${name}"是模板占位行，没有填写内容，未作为指标导入。`,
          row.line,
          name,
          {
            form: ctx.form,
          },
        );
      continue;
    }
    const indicator = finishRow(row, columns, ctx);
    if (indicator === null) continue;
    if (indicator.target === null && indicator.actual === null && GLUED_VALUES_END.test(name))
      ctx.log.add(
        'indicator-values-unsplit',
        'warning',
        `指标"${name}"的指标值和完成值似乎与名称连在一起，无法可靠拆开，已整段作为名称，请对照原表填写。`,
        row.line,
        name,
        { form: ctx.form, path: `indicators[${ctx.draft.indicators.length}]` },
      );
    if (row.trailing !== null) {
      if (unlabeledScore) indicator.score = Number(row.trailing);
      else {
        addExtra(ctx.draft, `${name}(多出的值)`, row.trailing);
        ctx.log.add(
          'indicator-extra-values',
          'warning',
          `指标"${name}"的数值多于表头列数，多出的"${row.trailing}"已放入 extras，请核对列对应关系。`,
          row.line,
          row.trailing,
          { form: ctx.form },
        );
      }
    }
    ctx.draft.indicators.push(indicator);
  }
  placeBareScores(ctx.draft.indicators.slice(before), columns, ctx);
}

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
/** A self-evaluation form scores out of 100: funding's 分值 plus every indicator's. */
const FORM_POINTS = 100;

/**
 * Rows printing only two bare numbers in a scored table (`指标1:工程质量合格 10 10`, 108) were read
 * left to right as target and actual; when the target column is left blank they are 分值 and 得分.
 * They are moved there only when that makes the form's points add up to 100 and the reading as
 * printed does not: the sums are the evidence, and each row moved is reported.
 */
function placeBareScores(found: Indicator[], columns: readonly Column[], ctx: ParseContext): void {
  const kinds = columns.map((c) => c.kind);
  const ti = kinds.indexOf('target');
  if (ti < 0 || kinds[ti + 1] !== 'actual' || kinds[ti + 2] !== 'weight' || kinds[ti + 3] !== 'score') return;
  const bare = found.filter(
    (i) =>
      (i.weight ?? null) === null &&
      (i.score ?? null) === null &&
      i.note === null &&
      BARE_NUMBER.test(i.target ?? '') &&
      BARE_NUMBER.test(i.actual ?? '') &&
      Number(i.actual) <= Number(i.target),
  );
  // Some row must print its 分值 (the column is in use), so a table of bare target/actual pairs whose
  // sum happens to be right is not rewritten.
  if (bare.length === 0 || !found.some((i) => (i.weight ?? null) !== null)) return;
  const funding = ctx.draft.fundingLines[0]?.weight ?? 0;
  const printed = funding + found.reduce((sum, i) => sum + (i.weight ?? 0), 0);
  const moved = printed + bare.reduce((sum, i) => sum + Number(i.target), 0);
  if (Math.abs(printed - FORM_POINTS) < 0.01 || Math.abs(moved - FORM_POINTS) >= 0.01) return;
  for (const indicator of bare) {
    ctx.log.add(
      'indicator-values-as-scores',
      'info',
      `指标"${indicator.name}"只印了两个数"${indicator.target ?? ''}" "${indicator.actual ?? ''}"，按分值和得分读取（这样各项分值合计正好为100分），指标值和完成值留空，请核对。`,
      null,
      `${indicator.target ?? ''} ${indicator.actual ?? ''}`,
      { form: ctx.form, path: `indicators[${ctx.draft.indicators.indexOf(indicator)}]` },
    );
    indicator.weight = Number(indicator.target);
    indicator.score = Number(indicator.actual);
    indicator.target = null;
    indicator.actual = null;
  }
}

/** Turns an assembled row into a canonical indicator; unreadable scores become issues. */
function finishRow(row: Row, columns: readonly Column[], ctx: ParseContext): Indicator | null {
  const name = joinWrapped(row.name);
  if (name === '') {
    // Values under a blank name (its cells lost in extraction, or blank lines read as the name):
    // no indicator without a name, but what was printed is reported, not dropped.
    const printed = row.values.map(cellText).filter((v) => v !== null);
    if (printed.length > 0)
      ctx.log.add(
        'indicator-name-missing',
        'warning',
        `绩效指标表中有一行没有指标名称，其内容"${printed.join(' ')}"未作为指标导入。请对照原表补上名称。`,
        row.line,
        printed.join(' '),
        { form: ctx.form },
      );
    return null;
  }
  const get = (kind: IndicatorColumn): string | null => {
    const i = columns.findIndex((c) => c.kind === kind);
    return i < 0 ? null : cellText(row.values[i] ?? []);
  };
  const nature = get('nature');
  const unit = get('unit');
  const printedTarget = get('target');
  const target = nature !== null || unit !== null ? composeTarget(nature, printedTarget, unit) : printedTarget;
  // No value to attach them to: the printed nature and unit are kept in extras, not dropped (as the
  // grid reader does, read-indicators.ts).
  if (printedTarget === null)
    columns.forEach((c, i) => {
      const text = c.kind === 'nature' || c.kind === 'unit' ? cellText(row.values[i] ?? []) : null;
      if (text !== null) addExtra(ctx.draft, `${name}(${c.label})`, text);
    });
  const indicator: Indicator = {
    level1: row.level1,
    level2: row.level2,
    name,
    target,
    actual: get('actual'),
    note: get('note'),
  };
  const path = `indicators[${ctx.draft.indicators.length}]`;
  for (const kind of ['weight', 'score'] as const) {
    if (!columns.some((c) => c.kind === kind)) continue;
    const text = get(kind);
    const n = text === null || isNothing(text) ? null : parseMoney(text);
    indicator[kind] = n;
    if (text !== null && !isNothing(text) && n === null) {
      addExtra(ctx.draft, `${name}(${kind === 'weight' ? '分值' : '得分'})`, text);
      ctx.log.add(
        'indicator-score-unreadable',
        'warning',
        `指标"${name}"的${kind === 'weight' ? '分值' : '得分'}"${text}"不是数字，已放入 extras，请核对。`,
        row.line,
        text,
        { form: ctx.form, path: `${path}.${kind}` },
      );
    }
  }
  columns.forEach((c, i) => {
    // A column whose kind an earlier column already has (a header printed twice, or a label read
    // twice) has no field of its own: its text is kept in extras, under its printed label.
    const again = c.kind !== 'extra' && columns.findIndex((d) => d.kind === c.kind) < i;
    const text = c.kind === 'extra' || again ? cellText(row.values[i] ?? []) : null;
    if (text !== null) addExtra(ctx.draft, `${name}(${c.label})`, text);
  });
  return indicator;
}
