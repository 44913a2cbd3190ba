/**
 * The funding block printed with its sources as columns (018, 广水市财政预算支出项目绩效目标自评表):
 *
 *   项目资金 | 来源 | 中央(万元) | 省、地(万元) | 本级(万元) | 其他(万元) | 合计(万元) | 执行数(万元) | 执行率
 *            |      |            |              | 309        |            | 309        | 309          | 100%
 *
 * Each source column gives a line with its budget; the 合计 column is the total line, first, and
 * takes the 执行数 / 执行率 columns, which the form prints once for the whole project.
 */
import type { FundingLine } from '../../../domain/form/form.schema.js';
import type { GridCell } from './grid.js';
import { colRange } from './grid-matrix.js';
import { cellText, isFundingAnchor, rowKindOf, unitOf } from './grid-labels.js';
import { readParsed, take, type FormContext } from './form-draft.js';
import type { HeaderColumn } from './header-row.js';
import type { FundingColumn } from '../text/vocabulary.js';
import { parseNumber, parseRate } from './parse-cell-values.js';
import { money } from './read-funding-pairs.js';

interface Source {
  readonly name: string;
  readonly cell: GridCell;
  readonly c0: number;
  readonly c1: number;
}

const TOTAL = /^(合计|小计|总计)$/;

/** `中央(万元)` → `中央`: a source header without its unit (the unit is the form's). */
export const sourceName = (text: string): string => text.replace(/[(（](万元|元)[)）]$/, '').trim();

/**
 * The source columns of the header row: cells left of the first value column that print a money
 * unit (`中央(万元)`), when one of them is the total (合计). Null for any other header row.
 */
export function sourceColumns(ctx: FormContext, headerRow: number, firstValueCol: number): Source[] | null {
  const sources = (ctx.grid.rows[headerRow] ?? []).flatMap((cell): Source[] => {
    const text = cellText(cell.text);
    if (cell.col >= firstValueCol || isFundingAnchor(text) || unitOf(text) === null) return [];
    const [c0, c1] = colRange(cell);
    return [{ name: sourceName(text), cell, c0, c1 }];
  });
  return sources.length >= 2 && sources.some((s) => TOTAL.test(s.name)) ? sources : null;
}

/** Reads the rows under the header; returns the first row after the block. */
export function readFundingSources(
  ctx: FormContext,
  headerRow: number,
  sources: readonly Source[],
  columns: readonly HeaderColumn<FundingColumn>[],
  end: number,
): number {
  for (const source of sources) {
    const unit = unitOf(cellText(source.cell.text));
    if (unit !== null) ctx.draft.unit ??= unit;
    take(ctx, source.cell);
  }
  // The total first, as the line the form's checks and summaries read as the project's money.
  const ordered = [...sources.filter((s) => TOTAL.test(s.name)), ...sources.filter((s) => !TOTAL.test(s.name))];
  let r = headerRow + 1;
  for (; r < end; r += 1) {
    if (rowKindOf((ctx.grid.rows[r] ?? []).map((c) => c.text)) !== 'other') break;
    for (const source of ordered) {
      const index = ctx.draft.fundingLines.length;
      const line: FundingLine = { name: source.name, initialBudget: null, budget: null, executed: null, rate: null };
      const read = (
        column: { c0: number; c1: number; header: string },
        key: Exclude<keyof FundingLine, 'name'>,
      ): void => {
        const cell = ctx.matrix.best(r, column.c0, column.c1, true);
        const text = take(ctx, cell);
        const parsed =
          key === 'rate' ? parseRate(text) : key === 'weight' || key === 'score' ? parseNumber(text) : money(ctx, text);
        const value = readParsed(
          ctx,
          parsed,
          text,
          cell?.location ?? '',
          `funding.lines[${index}].${key}`,
          column.header,
        );
        line[key] = value;
      };
      read({ ...source, header: source.name }, 'budget');
      // 执行数 / 执行率 (and 分值 / 得分, if printed) are the whole project's: the total line's.
      if (TOTAL.test(source.name))
        for (const column of columns)
          if (column.key !== 'initialBudget' && column.key !== 'budget' && column.key !== 'extra')
            read(column, column.key);
      ctx.draft.fundingLines.push(line);
    }
  }
  return r;
}
