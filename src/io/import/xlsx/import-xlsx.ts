/**
 * Excel (.xlsx) import. Two layouts, told apart by a header row: the flat template (a 绩效指标
 * sheet whose header has 项目名称 and 三级指标, read by read-flat-template.ts) and the official
 * layout with merged cells (each sheet → Grid → gridToForms; a sheet may hold one form or several).
 */
import ExcelJS from 'exceljs';
import type { Form } from '../../../domain/form/form.schema.js';
import type { ImportIssue, ImportResult } from '../import-result.js';
import type { Grid } from '../grid/grid.js';
import { gridToFormsOrText } from '../grid/grid-as-text.js';
import { capIssueRaw, MAX_CELLS } from '../grid/grid-limits.js';
import { readZipEntries, zipProblemMessage } from '../grid/read-zip-entries.js';
import { HELP_SHEET } from './flat-template-columns.js';
import { oversizedMerge } from './merge-limits.js';
import { findFlatTemplate, readFlatTemplate } from './read-flat-template.js';
import { sheetToGrid } from './sheet-to-grid.js';

const failed = (file: string, code: string, message: string, raw: string | null = null): ImportResult => ({
  forms: [],
  issues: [{ file, code, severity: 'error', message, location: null, raw }],
});

/**
 * Imports the forms of an .xlsx. `file` names the input in issues. Never throws: a file that is
 * not a zip, is truncated, is a zip bomb or is no workbook gives an error issue. The zip is checked
 * (sizes, ratios, actual inflated bytes) before exceljs sees it.
 */
export async function importXlsx(bytes: Uint8Array, file: string): Promise<ImportResult> {
  const zip = readZipEntries(bytes, () => true);
  if (!zip.ok) return failed(file, `xlsx-${zip.problem}`, zipProblemMessage(zip.problem, file, 'Excel'), zip.detail);
  if (!zip.names.includes('xl/workbook.xml')) {
    return failed(
      file,
      'xlsx-no-workbook',
      `“${file}”中没有工作簿（xl/workbook.xml），不是有效的 Excel 文件。请用 Excel 打开后另存为 .xlsx 再导入。`,
    );
  }
  const merge = oversizedMerge(zip.files);
  if (merge !== null)
    return failed(
      file,
      'xlsx-merge-too-large',
      `“${file}”中有一个合并单元格覆盖了超过 ${MAX_CELLS} 个单元格，不是自评表的版式，为安全起见未导入。请在 Excel 中取消该合并后另存再导入。`,
      merge,
    );
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    return failed(
      file,
      'xlsx-unreadable',
      `“${file}”无法作为 Excel 工作簿读取，文件可能已损坏。请用 Excel 打开后另存再导入。`,
      (error as Error).message,
    );
  }
  return readWorkbook(book, file);
}

/**
 * The forms of a workbook in memory: the flat template when it is one, else every sheet in the
 * official layout. Also the .xls importer's reading (xls/biff-to-exceljs.ts), so both formats are
 * read by one piece of code. `issues` come first in the result (what the caller found on the way).
 */
export async function readWorkbook(
  book: ExcelJS.Workbook,
  file: string,
  issues: ImportIssue[] = [],
): Promise<ImportResult> {
  try {
    const flat = findFlatTemplate(book, file, issues);
    if (flat !== null) return { forms: readFlatTemplate(flat, file, issues), issues };
    return await readOfficialSheets(book, file, issues);
  } catch (error) {
    return failed(
      file,
      'xlsx-failed',
      `读取“${file}”时出错，未导入。请用 Excel 打开后另存再导入；如仍失败请报告此问题。`,
      (error as Error).message,
    );
  }
}

/**
 * A hidden sheet (a template's lists for drop-downs, an old copy of the form) is not read as forms:
 * nobody filling or reviewing the workbook sees it. Its text is kept in the issue.
 */
function hiddenSheetIssue(file: string, sheetName: string, grid: Grid): ImportIssue {
  return {
    file,
    code: 'xlsx-hidden-sheet',
    severity: 'info',
    message: `工作表“${sheetName}”是隐藏的，未作为表单导入。如果它就是要导入的表，请在 Excel 中取消隐藏后再导入。`,
    location: sheetName,
    raw: capIssueRaw(grid.rows.flatMap((row) => row.map((cell) => `${cell.location}: ${cell.text}`)).join('\n')),
  };
}

/** Every visible non-empty sheet as official-layout forms; sheets without a form are reported, not fatal. */
async function readOfficialSheets(book: ExcelJS.Workbook, file: string, issues: ImportIssue[]): Promise<ImportResult> {
  const forms: Form[] = [];
  const noForm: ImportIssue[] = [];
  for (const sheet of book.worksheets) {
    if (sheet.name === HELP_SHEET) continue;
    const grid = sheetToGrid(sheet, file, issues);
    if (grid.rows.every((row) => row.length === 0)) continue;
    if (sheet.state !== 'visible') {
      issues.push(hiddenSheetIssue(file, sheet.name, grid));
      continue;
    }
    const result = await gridToFormsOrText(grid);
    const offset = forms.length;
    forms.push(...result.forms);
    for (const issue of result.issues) {
      if (issue.code === 'grid-no-form') noForm.push({ ...issue, message: `工作表“${sheet.name}”${issue.message}` });
      else issues.push(issue.form === undefined ? issue : { ...issue, form: issue.form + offset });
    }
  }
  // A sheet of notes beside the forms is worth a note, not an error; no form at all is an error.
  const severity = forms.length > 0 ? 'info' : 'error';
  issues.push(...noForm.map((issue) => ({ ...issue, severity }) as ImportIssue));
  if (forms.length === 0 && noForm.length === 0) {
    issues.push(...failed(file, 'xlsx-empty', `“${file}”中没有内容。请确认选择了正确的文件。`).issues);
  }
  return { forms, issues };
}
