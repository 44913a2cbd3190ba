/**
 * Excel 97–2003 (.xls) and WPS spreadsheet (.et) import: the compound file's workbook stream
 * (read-workbook-stream.ts), its BIFF records (read-biff-workbook.ts), then the very reading of an
 * .xlsx (biff-to-exceljs.ts → readWorkbook): several sheets, the flat template, merged cells,
 * number formats, hidden rows and sheets, the text fallback all behave as for .xlsx.
 */
import type ExcelJS from 'exceljs';
import type { ImportIssue, ImportResult } from '../import-result.js';
import { tooManyCells } from '../grid/grid-limits.js';
import { readWorkbook } from '../xlsx/import-xlsx.js';
import { biffToExceljs } from './biff-to-exceljs.js';
import { findLoopingChain } from '../find-looping-chain.js';
import { readBiffWorkbook, type XlsProblem } from './read-biff-workbook.js';
import { readWorkbookStream } from './read-workbook-stream.js';

const SAVE_AS = '请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。';

const MESSAGES = {
  unreadable: `无法读取，文件可能已损坏或不是 Excel 文件。${SAVE_AS}`,
  damaged: `已损坏（文件的扇区链首尾相接，读不到结尾）。${SAVE_AS}`,
  'too-large': `读取时占用内存超过上限，文件可能已损坏。${SAVE_AS}`,
  'too-slow': `读取超时，文件可能已损坏。${SAVE_AS}`,
  'no-workbook': `里没有工作簿数据（Workbook 流），不是 Excel 文件。如果它是用其他程序保存的，${SAVE_AS}`,
  'not-biff': `的工作簿数据无法识别，文件可能已损坏。${SAVE_AS}`,
  'too-old': `是 Excel 4.0 或更早版本的文件，无法读取。${SAVE_AS}`,
  encrypted:
    '设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开并取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后再导入。',
} as const;

type Problem = keyof typeof MESSAGES;

function failed(file: string, problem: Problem, raw: string | null): ImportResult {
  return {
    forms: [],
    issues: [
      {
        file,
        code: `xls-${problem}`,
        severity: 'error',
        message: `Excel 97-2003 文件“${file}”${MESSAGES[problem]}`,
        location: null,
        raw,
      },
    ],
  };
}

const PROBLEM_DETAIL: Readonly<Record<XlsProblem, string>> = {
  'not-biff': 'workbook stream does not start with a BIFF5/BIFF8 BOF record',
  'too-old': 'BIFF2-4 workbook (Excel 2.x-4.0)',
  encrypted: 'FILEPASS record: the workbook is encrypted',
};

/** Imports the forms of an .xls or .et; `file` names it in issues. Never throws. */
export async function importXls(bytes: Uint8Array, file: string): Promise<ImportResult> {
  const loop = findLoopingChain(bytes);
  if (loop !== null) return failed(file, 'damaged', loop);
  const stream = await readWorkbookStream(bytes);
  if (!stream.ok) return failed(file, stream.problem, stream.detail);
  if (stream.value.bytes === null)
    return failed(file, 'no-workbook', `streams: ${stream.value.streams.map((s) => JSON.stringify(s)).join(', ')}`);
  const xls = readBiffWorkbook(stream.value.bytes);
  if (typeof xls === 'string') return failed(file, xls, PROBLEM_DETAIL[xls]);
  const issues: ImportIssue[] = [];
  if (xls.truncated) {
    issues.push({
      file,
      code: 'xls-truncated',
      severity: 'error',
      message: `Excel 97-2003 文件“${file}”不完整（文件被截断或已损坏），只读取了完整的部分，可能缺少内容。请找到完整的文件，或${SAVE_AS}`,
      location: null,
      raw: `workbook stream "${stream.value.name ?? ''}" ends inside a record (${stream.value.bytes.length} bytes)`,
    });
  }
  if (xls.tooManyCells) issues.push(tooManyCells(file));
  let book: ExcelJS.Workbook;
  try {
    book = biffToExceljs(xls);
  } catch (error) {
    // Not expected (names, ranges and values are checked on the way); the record data is reported.
    return failed(file, 'not-biff', `building the workbook: ${(error as Error).message}`);
  }
  return readWorkbook(book, file, issues);
}
