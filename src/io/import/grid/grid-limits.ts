import type { ImportIssue } from '../import-result.js';

/** A cell longer than this (characters) is cut, with an error issue; protects memory and the UI. */
export const MAX_CELL_CHARS = 100_000;
/** A file with more table cells than this is cut, with an error issue. */
export const MAX_CELLS = 200_000;
/**
 * A colspan or rowspan beyond this is a file error, not a table (browsers cap colspan at 1000 too;
 * Word tables have at most 63 columns). Spans are walked cell by cell, so an unbounded one
 * (`w:gridSpan w:val="100000000"`) would hang the import and exhaust memory.
 */
export const MAX_SPAN = 1000;

/** Raw text kept in one issue is capped, so a huge unrecognised file cannot blow up the result. */
const MAX_ISSUE_RAW = 100_000;

/** `text` for an issue's `raw`, cut to MAX_ISSUE_RAW characters (marked with `…`). */
export const capIssueRaw = (text: string): string =>
  text.length > MAX_ISSUE_RAW ? `${text.slice(0, MAX_ISSUE_RAW)}…` : text;

/** The cell text, cut to MAX_CELL_CHARS; the cut is reported as an error issue naming the file. */
export function capCellText(text: string, file: string, location: string, issues: ImportIssue[]): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  issues.push({
    file,
    code: 'cell-too-long',
    severity: 'error',
    message: `“${file}”中有一个单元格内容过长（${text.length} 字），只保留了前 ${MAX_CELL_CHARS} 字。请检查该单元格。`,
    location,
    raw: text.slice(0, 200),
  });
  return text.slice(0, MAX_CELL_CHARS);
}

/** The error issue for a file whose tables have more than MAX_CELLS cells. */
export const tooManyCells = (file: string): ImportIssue => ({
  file,
  code: 'too-many-cells',
  severity: 'error',
  message: `“${file}”的表格单元格超过 ${MAX_CELLS} 个，只读取了前 ${MAX_CELLS} 个。请拆分文件后再导入。`,
  location: null,
  raw: null,
});
