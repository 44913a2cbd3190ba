/**
 * Reading the 绩效指标 table: the header row (一级指标 / 二级指标 / 三级指标 / 年度指标值 /
 * 全年完成值 / 分值 / 得分 / 未完成原因和改进措施) fixes the columns, and each row below gives one
 * indicator, its 一级/二级 taken from the merged cells that cover the row. A printed category with
 * no indicator under it gives none.
 */
import type { Indicator } from '../../../domain/form/form.schema.js';
import { colRange } from './grid-matrix.js';
import {
  indicatorColumnOf,
  isIndicatorAnchor,
  isLevelHeader,
  isNothing,
  rowKindOf,
  type IndicatorField,
} from './grid-labels.js';
import { readParsed, report, take, type FormContext } from './form-draft.js';
import { parseNumber } from './parse-cell-values.js';

interface Column {
  readonly key: IndicatorField;
  readonly c0: number;
  readonly c1: number;
  readonly header: string;
}

function findHeader(ctx: FormContext, from: number, end: number): { row: number; columns: Column[] } | null {
  for (let r = from; r < Math.min(end, from + 3); r += 1) {
    const cells = ctx.grid.rows[r] ?? [];
    if (cells.filter((c) => isLevelHeader(c.text)).length < 2) {
      for (const cell of cells) if (isIndicatorAnchor(cell.text)) take(ctx, cell);
      continue;
    }
    const columns: Column[] = [];
    for (const cell of cells) {
      const key = indicatorColumnOf(cell.text);
      if (isIndicatorAnchor(cell.text)) take(ctx, cell);
      if (key === undefined) continue;
      const [c0, c1] = colRange(cell);
      columns.push({ key, c0, c1, header: take(ctx, cell) });
    }
    return { row: r, columns };
  }
  return null;
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
  let r = header.row + 1;
  for (; r < end; r += 1) {
    if (rowKindOf((ctx.grid.rows[r] ?? []).map((c) => c.text)) !== 'other') break;
    readIndicatorRow(ctx, r, header.columns);
  }
  return r;
}

function readIndicatorRow(ctx: FormContext, row: number, columns: readonly Column[]): void {
  const values = new Map<IndicatorField, { text: string; location: string }>();
  const extras: { header: string; text: string; location: string }[] = [];
  for (const column of columns) {
    // Level cells span the rows of their category; value cells may too (a note merged over rows).
    const cell = ctx.matrix.best(row, column.c0, column.c1, false);
    let text = take(ctx, cell);
    // No cell at all under 一级/二级 (a PDF grid that missed a merge): the category above continues.
    const previous = ctx.draft.indicators.at(-1);
    if (cell === undefined && previous !== undefined && (column.key === 'level1' || column.key === 'level2'))
      text = previous[column.key];
    const location = cell?.location ?? '';
    if (column.key === 'nature' || column.key === 'unit' || column.key === 'extra') {
      if (!isNothing(text)) extras.push({ header: column.header, text, location });
    } else if (!values.has(column.key)) values.set(column.key, { text, location });
  }
  const text = (key: IndicatorField): string => values.get(key)?.text ?? '';
  const own = (['name', 'target', 'actual', 'note', 'weight', 'score'] as const).filter((k) => text(k) !== '');
  const index = ctx.draft.indicators.length;
  if (text('name') === '') {
    if (own.length > 0 || extras.length > 0) {
      report(
        ctx,
        'grid-unnamed-indicator',
        'warning',
        '有一行指标没有三级指标名称，未导入。原文见 raw，请补全后重新导入。',
        {
          location: values.get('target')?.location ?? null,
          raw: [...own.map((k) => text(k)), ...extras.map((e) => e.text)].join(' | '),
        },
      );
    }
    return;
  }
  const orNull = (key: IndicatorField): string | null => (text(key) === '' ? null : text(key));
  const indicator: Indicator = {
    level1: text('level1'),
    level2: text('level2'),
    name: text('name'),
    target: orNull('target'),
    actual: orNull('actual'),
    note: orNull('note'),
  };
  for (const key of ['weight', 'score'] as const) {
    const v = values.get(key);
    if (v === undefined) continue;
    const header = columns.find((c) => c.key === key)?.header ?? key;
    indicator[key] = readParsed(ctx, parseNumber(v.text), v.text, v.location, `indicators[${index}].${key}`, header);
  }
  for (const e of extras) {
    report(ctx, 'grid-extra-column', 'info', `指标“${indicator.name}”的“${e.header}”列没有对应字段，原文见 raw。`, {
      location: e.location,
      raw: e.text,
      path: `indicators[${index}]`,
    });
  }
  ctx.draft.indicators.push(indicator);
}
