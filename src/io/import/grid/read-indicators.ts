/**
 * Reading the 绩效指标 table: the header row (一级指标 / 二级指标 / 三级指标 / 年度指标值 /
 * 全年完成值 / 分值 / 得分 / 未完成原因和改进措施) fixes the columns, and each row below gives one
 * indicator, its 一级/二级 taken from the merged cells that cover the row. A printed category with
 * no indicator under it gives none.
 */
import type { Indicator } from '../../../domain/form/form.schema.js';
import type { GridCell } from './grid.js';
import {
  cellText,
  fieldKeyOf,
  indicatorColumnOf,
  isIndicatorAnchor,
  isLevelHeader,
  isNothing,
  pointsOf,
  rowKindOf,
  type IndicatorField,
} from './grid-labels.js';
import { readParsed, report, setExtra, setField, take, type FormContext } from './form-draft.js';
import { parseNumber } from './parse-cell-values.js';
import { keepPoints } from './read-funding.js';
import { isBarePoints } from './section-points.js';
import { findHeaderRow, type HeaderColumn } from './header-row.js';
import { composeTarget, PLACEHOLDER } from '../text/indicator-rows.js';
import { LEVEL1_NAMES, LEVEL2_NAMES, normalizeLabel } from '../text/vocabulary.js';

type Column = HeaderColumn<IndicatorField>;

/** The header row (≥2 of 一级/二级/三级指标) within the first three rows; anchors above it are placed. */
function findHeader(ctx: FormContext, from: number, end: number): { row: number; columns: Column[] } | null {
  const isHeader = (cells: readonly GridCell[]): boolean => cells.filter((c) => isLevelHeader(c.text)).length >= 2;
  const header = findHeaderRow(ctx, from, end, indicatorColumnOf, isHeader);
  const last = header?.row ?? Math.min(end, from + 3) - 1;
  for (let r = from; r <= last; r += 1) {
    for (const cell of ctx.grid.rows[r] ?? []) {
      if (isIndicatorAnchor(cell.text)) takeAnchor(ctx, cell);
      if (r === header?.row && indicatorColumnOf(cell.text) !== undefined) take(ctx, cell);
    }
  }
  return header;
}

/** The anchor cell (`绩效指标(90分)`): placed, its points kept in extras. */
function takeAnchor(ctx: FormContext, cell: GridCell): void {
  if (ctx.consumed.has(cell)) return;
  keepPoints(ctx, cell.text, cell.location);
  take(ctx, cell);
}

/** Reads the indicator table that starts at row `from`; returns the first row after it. */
export function readIndicators(ctx: FormContext, from: number, end: number): number {
  const header = findHeader(ctx, from, end);
  if (header === null) {
    report(
      ctx,
      'grid-no-indicator-header',
      'warning',
      '绩效指标部分没有找到“一级指标/二级指标/三级指标”列标题，指标未读取。请核对表格。',
      {
        location: ctx.grid.rows[from]?.[0]?.location ?? null,
        raw: null,
      },
    );
    return from + 1;
  }
  const columns = [...header.columns, ...unlabelledScore(ctx, header.row, header.columns, end)];
  let r = header.row + 1;
  let next: number | null = null;
  for (; r < end; r += 1) {
    if (readSumRow(ctx, r, columns)) {
      next = r + 1;
      break;
    }
    if (rowKindOf((ctx.grid.rows[r] ?? []).map((c) => c.text)) !== 'other') break;
    readIndicatorRow(ctx, r, columns);
  }
  reportUnusedCategories(ctx, header.row + 1, r, columns);
  return next ?? r;
}

/**
 * A printed category of the vocabulary with no indicator under it gives none (form-model.md); any
 * other text in a 一级/二级 cell that no indicator took (a category cut short, `生`) is reported,
 * not dropped.
 */
function reportUnusedCategories(ctx: FormContext, from: number, to: number, columns: readonly Column[]): void {
  const indicators = ctx.draft.indicators;
  for (const column of columns) {
    if (column.key !== 'level1' && column.key !== 'level2') continue;
    const key = column.key;
    const names = key === 'level1' ? LEVEL1_NAMES : LEVEL2_NAMES;
    for (let row = from; row < to; row += 1) {
      const cell = ctx.matrix.best(row, column.c0, column.c1, true);
      if (cell === undefined || cell.row !== row) continue;
      const { base } = pointsOf(cellText(cell.text));
      if (isNothing(base) || names.has(normalizeLabel(base)) || indicators.some((i) => i[key] === base)) continue;
      report(ctx, 'grid-unused-category', 'warning', '这个指标类别下没有读到任何指标，原文见本条。请核对表格。', {
        location: cell.location,
        raw: cell.text,
      });
    }
  }
}

/**
 * A column right of the last header that prints a bare number on most indicator rows, in a table
 * with no 得分 header (026: the header row prints the section's points there, or nothing): read as
 * 得分, as the text importer reads it, with an info issue saying so. Otherwise none.
 */
function unlabelledScore(ctx: FormContext, headerRow: number, columns: readonly Column[], end: number): Column[] {
  if (columns.length === 0 || columns.some((c) => c.key === 'score')) return [];
  const col = Math.max(...columns.map((c) => c.c1)) + 1;
  const head = ctx.matrix.best(headerRow, col, col, true);
  if (head !== undefined && !isNothing(cellText(head.text)) && !isBarePoints(cellText(head.text))) return [];
  const nameColumn = columns.find((c) => c.key === 'name');
  let named = 0;
  let scored = 0;
  for (let r = headerRow + 1; r < end; r += 1) {
    if (rowKindOf((ctx.grid.rows[r] ?? []).map((c) => c.text)) !== 'other') break;
    const name = nameColumn === undefined ? undefined : ctx.matrix.best(r, nameColumn.c0, nameColumn.c1, true);
    if (name === undefined || isNothing(cellText(name.text))) continue;
    named += 1;
    const cell = ctx.matrix.best(r, col, col, true);
    if (cell !== undefined && isBarePoints(cellText(cell.text))) scored += 1;
  }
  if (scored < 2 || scored * 2 < named) return [];
  report(
    ctx,
    'grid-score-unlabelled',
    'info',
    '绩效指标表最后一列没有列标题，但各行都印有数字，已按“得分”读取。请核对。',
    { location: head?.location ?? ctx.grid.rows[headerRow]?.[0]?.location ?? null, raw: null, path: 'indicators' },
  );
  return [{ key: 'score', c0: col, c1: col, header: '得分' }];
}

/**
 * The row closing a scored table (`总分 | 100 | 98`, `合计 | 100 | 100`): its numbers stand in the
 * 分值 and 得分 columns, so they are read by column. Under 总分 the 得分 sum is the form's total; the
 * 分值 sum and a 合计 row's sums go to extras (`总分(分值)`, `合计(得分)`). False for any other row.
 */
function readSumRow(ctx: FormContext, row: number, columns: readonly Column[]): boolean {
  const cells = (ctx.grid.rows[row] ?? []).filter((c) => cellText(c.text) !== '');
  const first = cells[0];
  if (first === undefined) return false;
  const label = cellText(first.text);
  const isTotal = fieldKeyOf(label) === 'total';
  if (!isTotal && label !== '合计') return false;
  const scored = columns.filter((c) => c.key === 'weight' || c.key === 'score');
  const labelEnd = first.col + first.colSpan - 1;
  if (scored.length === 0 || scored.some((c) => c.c0 <= labelEnd)) return false;
  // Only when every number stands right under a 分值/得分 header: the official layout prints
  // `总分 | 95.58 | 评价等级 | 优` across the columns, a labelled row read by the caller.
  if (cells.slice(1).some((cell) => !scored.some((c) => c.c0 === cell.col))) return false;
  let read = false;
  for (const column of columns) {
    if (column.c0 <= labelEnd) continue;
    const cell = ctx.matrix.best(row, column.c0, column.c1, true);
    if (cell === undefined || cell.row !== row) continue;
    const text = take(ctx, cell);
    if (isNothing(text)) continue;
    read = true;
    if (isTotal && column.key === 'score') setField(ctx, 'total', label, text, cell.location);
    else setExtra(ctx, `${label}(${column.header})`, text, cell.location);
  }
  // The label is kept by the sums read under it; with none read (their cells covered by another's
  // span), it is left to the unplaced check with them, not dropped.
  if (read) take(ctx, first);
  // Cells right of the table's last column (a label such as 评价等级 and its value) are left to
  // the caller's unplaced check, so nothing is dropped.
  return true;
}

/** What a 指标性质 cell may hold to be part of the target. */
const NATURE = /^(?:[≥≤=＝><≧≦﹦═]|>=|<=|定性|定量)$/;

const nothingAsNull = (text: string): string | null => (isNothing(text) ? null : text);

function readIndicatorRow(ctx: FormContext, row: number, columns: readonly Column[]): void {
  const values = new Map<IndicatorField, { text: string; location: string }>();
  const extras: { header: string; text: string; location: string }[] = [];
  /** Cells of columns the model has no field for (得分计算方法, 复核分, 评价标准). */
  const notes: { header: string; text: string; location: string }[] = [];
  for (const column of columns) {
    // Level cells span the rows of their category; value cells may too (a note merged over rows).
    const cell = ctx.matrix.best(row, column.c0, column.c1, false);
    // A cell merged over rows is read on its top row, or on the first row that reaches it when
    // another cell overlaps its top (a PDF grid's spans may overlap): never on none.
    const opens = cell !== undefined && (cell.row === row || !ctx.consumed.has(cell));
    let text = take(ctx, cell);
    // No cell at all under 一级/二级 (a PDF grid that missed a merge): the category above continues.
    const previous = ctx.draft.indicators.at(-1);
    if (cell === undefined && previous !== undefined && (column.key === 'level1' || column.key === 'level2'))
      text = previous[column.key];
    const location = cell?.location ?? '';
    // A 分值/得分 cell merged over several indicators scores them together: it counts once, on
    // the first of them, so that the scores still add up to what the form prints.
    if ((column.key === 'weight' || column.key === 'score') && cell !== undefined && !opens) {
      if (!values.has(column.key)) values.set(column.key, { text: '', location });
      continue;
    }
    // Rubric forms (013) print points after level-2 names too (`数量指标(10分)`).
    if ((column.key === 'level1' || column.key === 'level2') && text !== '') {
      const { base, points } = pointsOf(text);
      if (points !== null) {
        setExtra(ctx, `${base}(分值)`, points, location);
        text = base;
      }
    }
    // 指标性质 joins the target only as a comparison (`=`, `≥`) or 定性/定量 (which composeTarget
    // drops); other words (正向, 反向) have no field and are reported like an unknown column.
    if (column.key === 'extra') {
      // A cell merged down the table (023's 得分计算方法 formula) is read once, where it opens.
      if (!isNothing(text) && opens) notes.push({ header: column.header, text, location });
    } else if (column.key === 'nature' && !isNothing(text) && !NATURE.test(text)) {
      if (opens) extras.push({ header: column.header, text, location });
    } else if (!values.has(column.key)) values.set(column.key, { text, location });
    // A second column of a kind already read (a header printed twice) has no field of its own: its
    // text is kept as a note under its header, unless it is the same cell spanning both.
    else if (opens && !isNothing(text) && values.get(column.key)?.location !== location)
      notes.push({ header: column.header, text, location });
  }
  const text = (key: IndicatorField): string => values.get(key)?.text ?? '';
  const own = (['name', 'nature', 'target', 'unit', 'actual', 'note', 'weight', 'score'] as const).filter(
    (k) => !isNothing(text(k)),
  );
  const index = ctx.draft.indicators.length;
  // A name of `-` or `……` is a placeholder row (023, 024): no indicator, unless values were filled in.
  if (isNothing(text('name'))) {
    if (own.length > 0 || extras.length > 0 || notes.length > 0) {
      report(
        ctx,
        'grid-unnamed-indicator',
        'warning',
        '有一行指标没有三级指标名称，未导入。原文见本条，请补全后重新导入。',
        {
          location: values.get('target')?.location ?? null,
          raw: [...own.map((k) => text(k)), ...extras.map((e) => e.text), ...notes.map((e) => e.text)].join(' | '),
        },
      );
    }
    return;
  }
  // A template row left as printed (`指标2:` and nothing else) is no indicator, as in the text importer.
  if (PLACEHOLDER.test(text('name')) && own.length === 1 && extras.length === 0 && notes.length === 0) {
    report(ctx, 'grid-placeholder-indicator', 'info', `“${text('name')}”是模板占位行，没有填写内容，未作为指标导入。`, {
      location: values.get('name')?.location ?? null,
      raw: text('name'),
    });
    return;
  }
  const orNull = (key: IndicatorField): string | null => (text(key) === '' ? null : text(key));
  // Sichuan exports split the target into 指标性质 | 指标值 | 度量单位 (`=` `100` `%`): one target.
  const split = columns.some((c) => c.key === 'nature' || c.key === 'unit');
  const value = nothingAsNull(text('target'));
  // A unit the value already prints (`100%` under 度量单位 `%`) is not added twice.
  const unit = value !== null && value.endsWith(text('unit')) ? null : nothingAsNull(text('unit'));
  const target = split ? composeTarget(nothingAsNull(text('nature')), value, unit) : orNull('target');
  if (split && value === null) {
    // No value to attach them to: the printed nature and unit are reported, not dropped.
    for (const key of ['nature', 'unit'] as const) {
      const v = values.get(key);
      const header = columns.find((c) => c.key === key)?.header ?? key;
      if (v !== undefined && !isNothing(v.text)) extras.push({ header, text: v.text, location: v.location });
    }
  }
  const indicator: Indicator = {
    level1: text('level1'),
    level2: text('level2'),
    name: text('name'),
    target,
    actual: orNull('actual'),
    note: orNull('note'),
  };
  for (const key of ['weight', 'score'] as const) {
    const v = values.get(key);
    if (v === undefined) continue;
    const header = columns.find((c) => c.key === key)?.header ?? key;
    indicator[key] = readParsed(ctx, parseNumber(v.text), v.text, v.location, `indicators[${index}].${key}`, header);
  }
  // Kept under the indicator's name as the text importer keeps them: `全年免费开放(得分计算方法)`.
  for (const e of notes) setExtra(ctx, `${indicator.name}(${normalizeLabel(e.header)})`, e.text, e.location);
  for (const e of extras) {
    report(ctx, 'grid-extra-column', 'info', `指标“${indicator.name}”的“${e.header}”列没有对应字段，原文见本条。`, {
      location: e.location,
      raw: e.text,
      path: `indicators[${index}]`,
    });
  }
  ctx.draft.indicators.push(indicator);
}
