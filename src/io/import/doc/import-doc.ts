/**
 * Word 97–2003 (.doc) import. The binary format keeps no table structure word-extractor exposes,
 * but its text does: each table cell ends in a tab and each row in a line break, which is the
 * tab-separated text the text importer reads (merged cells come out as empty cells, as in text
 * copied from a PDF). Text outside the body (headers, footers, notes, text boxes) is not part of
 * the form's table; it is kept in an info issue so nothing is lost.
 */
import type { ImportIssue, ImportResult } from '../import-result.js';
import { findLoopingChain } from '../find-looping-chain.js';
import { outsideBodyIssue } from '../outside-body.js';
import { importText } from '../text/import-text.js';
import { extractDocText } from './extract-doc-text.js';

const PROBLEM_MESSAGES = {
  unreadable: '无法读取，文件可能已损坏或不是 Word 文档。请用 Word 或 WPS 打开后另存为 .docx 再导入。',
  damaged: '已损坏（文件的扇区链首尾相接，读不到结尾）。请用 Word 或 WPS 打开后另存为 .docx 再导入。',
  'too-large': '读取时占用内存超过上限，文件可能已损坏。请用 Word 或 WPS 打开后另存为 .docx 再导入。',
  'too-slow': '读取超时，文件可能已损坏。请用 Word 或 WPS 打开后另存为 .docx 再导入。',
} as const;

/** Imports the forms of a .doc; `file` names it in issues. Never throws. */
export async function importDoc(bytes: Uint8Array, file: string): Promise<ImportResult> {
  // A looping chain is refused before word-extractor follows it: in its thread the loop ends as an
  // out-of-memory only while the array it grows happens to fit the last 16 MB (find-looping-chain.ts).
  const loop = findLoopingChain(bytes);
  const extracted =
    loop === null ? await extractDocText(bytes) : ({ ok: false, problem: 'damaged', detail: loop } as const);
  if (!extracted.ok) {
    const issue: ImportIssue = {
      file,
      code: `doc-${extracted.problem}`,
      severity: 'error',
      message: `Word 97-2003 文件“${file}”${PROBLEM_MESSAGES[extracted.problem]}`,
      location: null,
      raw: extracted.detail,
    };
    return { forms: [], issues: [issue] };
  }
  const { body, elsewhere } = extracted.value;
  const result = importText(body, file);
  const issues: ImportIssue[] = [
    {
      file,
      code: 'doc-read-as-text',
      severity: 'info',
      message: `“${file}”是 Word 97-2003 (.doc) 文件，表格按文字读取（看不到合并单元格）。如果结果有误，请另存为 .docx 后再导入，可按表格结构读取。`,
      location: null,
      raw: null,
    },
    ...result.issues,
  ];
  const outside = outsideBodyIssue(file, 'doc-text-outside-body', elsewhere);
  if (outside !== null) issues.push(outside);
  return { forms: result.forms, issues };
}
