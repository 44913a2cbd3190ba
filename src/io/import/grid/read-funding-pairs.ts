/**
 * The funding block of the central-transfer forms (转移支付区域绩效目标自评表, family B: 026, 027),
 * printed as label/value pairs rather than columns:
 *
 *   预算执行情况 | 预算数:          | 2.38     | 执行数:          | 2.38
 *               | 其中:中央补助    | 2.38万元 | 其中:中央补助    | 2.38万元
 *
 * A funding header (预算数, 执行数, 预算执行率 …) gives the value to its right for the block's total;
 * a line name standing under a header gives the value to its right for that line. Values may carry
 * their unit (`5.8万`, `2.38 万元`), which then is the form's unit.
 */
import type { FundingLine } from '../../../domain/form/form.schema.js';
import type { FundingColumn } from '../text/vocabulary.js';
import type { GridCell } from './grid.js';
import { cellText, fundingColumnOf, fundingLineName, isFundingAnchor, isNothing, rowKindOf } from './grid-labels.js';
import { readParsed, report, take, type FormContext } from './form-draft.js';
import { parseNumber, parseRate, type Parsed } from './parse-cell-values.js';

/** The name the text importer gives the total the pairs print without one. */
const TOTAL = '年度资金总额';

/** True when every funding header of the row has a value cell (not another header) to its right. */
export function isPairsRow(cells: readonly GridCell[]): boolean {
  const headers = cells.flatMap((cell, i) => (fundingColumnOf(cell.text) === undefined ? [] : [i]));
  return (
    headers.length > 0 &&
    headers.every((i) => {
      const next = cells[i + 1];
      return next !== undefined && cellText(next.text) !== '' && fundingColumnOf(next.text) === undefined;
    })
  );
}

/**
 * `5.8万` / `2.38 万元` / `万元`: the number and the unit it prints, so `万元` alone is blank. The
 * printed unit becomes the form's unit; one that contradicts the unit already read is unreadable.
 */
export function money(ctx: FormContext, text: string): Parsed<number> {
  const m = /^(.*?)\s*(万元|万|元)$/.exec(text);
  if (m === null) return parseNumber(text);
  const unit = m[2] === '元' ? '元' : '万元';
  const known = ctx.draft.unit ?? ctx.draft.unitHint;
  if (known !== null && known !== unit) return { ok: false };
  const parsed = parseNumber(m[1] ?? '');
  if (parsed.ok && parsed.value !== null) ctx.draft.unit = unit;
  return parsed;
}

/** Reads the pairs from the header row on; returns the first row after the block. */
export function readFundingPairs(ctx: FormContext, headerRow: number, end: number): number {
  const keyAtCol = new Map<number, FundingColumn>();
  for (const cell of ctx.grid.rows[headerRow] ?? []) {
    const key = fundingColumnOf(cell.text);
    if (key !== undefined) keyAtCol.set(cell.col, key);
  }
  const lines = new Map<string, FundingLine>();
  const lineOf = (name: string): FundingLine => {
    let line = lines.get(name);
    if (line === undefined) {
      line = { name, initialBudget: null, budget: null, executed: null, rate: null };
      lines.set(name, line);
    }
    return line;
  };
  let totalAt: string | null = null;
  let r = headerRow;
  for (; r < end; r += 1) {
    const cells = ctx.grid.rows[r] ?? [];
    if (r > headerRow && rowKindOf(cells.map((c) => c.text)) !== 'other' && !isPairsRow(cells)) break;
    for (let i = 0; i < cells.length; i += 1) {
      const cell = cells[i];
      const next = cells[i + 1];
      if (cell === undefined) continue;
      const text = cellText(cell.text);
      if (text === '' || isFundingAnchor(text)) {
        if (text === '' || r === headerRow) ctx.consumed.add(cell);
        continue;
      }
      const label = fundingColumnOf(text);
      const key = label ?? keyAtCol.get(cell.col);
      if (key === undefined || next === undefined) continue;
      const name = label === undefined ? fundingLineName(text) : TOTAL;
      if (label !== undefined) totalAt ??= cell.location;
      take(ctx, cell);
      const value = take(ctx, next);
      i += 1;
      const line = lineOf(name);
      const path = `funding.lines[${[...lines.keys()].indexOf(name)}].${key}`;
      if (key === 'extra' || key === 'weight' || key === 'score') {
        // Not part of a line in these forms; kept as printed rather than guessed.
        if (!isNothing(value))
          report(ctx, 'grid-extra-column', 'info', `资金“${text}”没有对应字段，原文见本条。`, {
            location: next.location,
            raw: value,
            path,
          });
        continue;
      }
      const parsed = key === 'rate' ? parseRate(value) : money(ctx, value);
      const read = readParsed(ctx, parsed, value, next.location, path, text);
      if (line[key] !== null && read !== null && line[key] !== read)
        report(
          ctx,
          'grid-duplicate-field',
          'warning',
          `资金“${name}”的“${text}”出现了两个不同的值，保留第一个。请核对。`,
          {
            location: next.location,
            raw: value,
            path,
          },
        );
      else line[key] ??= read;
    }
  }
  if (totalAt !== null)
    report(ctx, 'grid-funding-total-named', 'info', `资金总额一行没有印名称，按“${TOTAL}”导入。`, {
      location: totalAt,
      raw: null,
      path: 'funding.lines[0].name',
    });
  ctx.draft.fundingLines.push(...lines.values());
  return r;
}
