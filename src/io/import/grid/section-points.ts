/**
 * Points printed with no header at the right end of a section's first row (026, 转移支付区域绩效目标
 * 自评表: `预算执行情况 | 预算数: | 2.38 | 执行数: | 2.38 | 20`). The text importer keeps them as the
 * section's points (`预算执行情况(分值)`); so does the grid mapper, so that both read the same form.
 */
import type { FormContext } from './form-draft.js';
import { setExtra } from './form-draft.js';
import { cellText, isFundingAnchor, isIndicatorAnchor, isObjectiveAnchor, pointsOf } from './grid-labels.js';

/** A bare number of points: `20`, `12.5` (a value with a unit or `%` is not points). */
export const isBarePoints = (text: string): boolean => /^\d{1,3}(?:\.\d+)?$/.test(text);

const isSectionAnchor = (text: string): boolean =>
  isFundingAnchor(text) || isObjectiveAnchor(text) || isIndicatorAnchor(text);

/**
 * After a section was read from `row` on: the row's last cell, when no reader placed it and it is a
 * bare number, is the points of the section whose anchor the row prints; it goes to extras.
 */
export function keepSectionPoints(ctx: FormContext, row: number): void {
  const cells = ctx.grid.rows[row] ?? [];
  const anchor = cells.find((cell) => isSectionAnchor(cellText(cell.text)));
  const last = cells.findLast((cell) => cellText(cell.text) !== '');
  if (anchor === undefined || last === undefined || last === anchor || ctx.consumed.has(last)) return;
  const text = cellText(last.text);
  if (!isBarePoints(text)) return;
  setExtra(ctx, `${pointsOf(anchor.text).base}(分值)`, text, last.location);
  ctx.consumed.add(last);
}
