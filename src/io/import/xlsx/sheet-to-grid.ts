/**
 * An exceljs worksheet in the official layout → Grid: merged ranges become row/column spans, each
 * sheet row one grid row (blank rows kept, so row numbers match the sheet's).
 */
import type { Worksheet } from 'exceljs';
import type { ImportIssue } from '../import-result.js';
import type { Grid, GridCell } from '../grid/grid.js';
import { capCellText, capIssueRaw, MAX_CELLS, tooManyCells } from '../grid/grid-limits.js';
import { shownCellText } from './cell-value-text.js';

/** `B3` → [row 3, col 2], 1-based. */
function decodeAddress(address: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (m?.[1] === undefined || m[2] === undefined) return [0, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/** Master address → spans, and every address covered but not the master. */
function readMerges(sheet: Worksheet): { spans: Map<string, [number, number]>; covered: Set<string> } {
  const spans = new Map<string, [number, number]>();
  const covered = new Set<string>();
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [a, b] = range.split(':');
    if (a === undefined || b === undefined) continue;
    const [r0, c0] = decodeAddress(a);
    const [r1, c1] = decodeAddress(b);
    const top = Math.min(r0, r1);
    const left = Math.min(c0, c1);
    spans.set(`${top}:${left}`, [Math.abs(r1 - r0) + 1, Math.abs(c1 - c0) + 1]);
    for (let r = top; r <= Math.max(r0, r1); r += 1) {
      for (let c = left; c <= Math.max(c0, c1); c += 1) if (r !== top || c !== left) covered.add(`${r}:${c}`);
    }
  }
  return { spans, covered };
}

/** Whether Excel shows some row and some column of the cell's span: hidden rows and columns are neither seen nor printed. */
function isShown(sheet: Worksheet, row: number, col: number, rowSpan: number, colSpan: number): boolean {
  let rowShown = false;
  for (let r = row; r < row + rowSpan && !rowShown; r += 1) rowShown = !sheet.getRow(r).hidden;
  let colShown = false;
  for (let c = col; c < col + colSpan && !colShown; c += 1) colShown = !sheet.getColumn(c).hidden;
  return rowShown && colShown;
}

/**
 * Builds the grid of one sheet; cut cells are reported in `issues`. Cells in hidden rows or
 * columns (templates hide spare rows, helper columns and old figures) are left out of the grid, as
 * they are out of what the sheet shows and prints, and their text is kept in one info issue.
 */
export function sheetToGrid(sheet: Worksheet, file: string, issues: ImportIssue[]): Grid {
  const { spans, covered } = readMerges(sheet);
  const rows: GridCell[][] = [];
  const hidden: { location: string; text: string }[] = [];
  let count = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (rows.length < rowNumber) rows.push([]);
    const cells = rows[rowNumber - 1] ?? [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const key = `${rowNumber}:${colNumber}`;
      if (covered.has(key) || count >= MAX_CELLS) return;
      const location = `${sheet.name}!${cell.address}`;
      const text = capCellText(shownCellText(cell, file, location, issues), file, location, issues);
      const [rowSpan, colSpan] = spans.get(key) ?? [1, 1];
      if (text === '' && rowSpan === 1 && colSpan === 1) return;
      if (!isShown(sheet, rowNumber, colNumber, rowSpan, colSpan)) {
        if (text.trim() !== '') hidden.push({ location, text });
        return;
      }
      count += 1;
      cells.push({ row: rowNumber - 1, col: colNumber - 1, rowSpan, colSpan, text, location });
    });
  });
  if (count >= MAX_CELLS) issues.push(tooManyCells(file));
  if (hidden.length > 0) issues.push(hiddenCellsIssue(file, sheet.name, hidden));
  for (const row of rows) row.sort((a, b) => a.col - b.col);
  return { file, rows, outside: [] };
}

function hiddenCellsIssue(
  file: string,
  sheetName: string,
  hidden: readonly { location: string; text: string }[],
): ImportIssue {
  return {
    file,
    code: 'xlsx-hidden-cells',
    severity: 'info',
    message: `工作表“${sheetName}”有 ${hidden.length} 个有内容的单元格位于隐藏的行或列中（第一个是 ${hidden[0]?.location ?? ''}），表格显示和打印时看不到它们，未导入。如需导入，请在 Excel 中取消隐藏后再导入。`,
    location: hidden[0]?.location ?? null,
    raw: capIssueRaw(hidden.map((h) => `${h.location}: ${h.text}`).join('\n')),
  };
}
