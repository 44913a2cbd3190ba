/**
 * Word (.docx) import: unzip safely, parse `word/document.xml`, tables with their merged cells →
 * Grid → gridToForms. The table structure is read as Word stores it; no text heuristics (unless no
 * form is found that way: see grid-as-text.ts).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportResult } from '../import-result.js';
import { gridToFormsOrText } from '../grid/grid-as-text.js';
import { readZipEntries, zipProblemMessage } from '../grid/read-zip-entries.js';
import { docxToGrid, type XmlNode } from './docx-to-grid.js';

const DOCUMENT = 'word/document.xml';

const failed = (file: string, code: string, message: string, raw: string | null = null): ImportResult => ({
  forms: [],
  issues: [{ file, code, severity: 'error', message, location: null, raw }],
});

/** Parses Office XML; null when it is not well-formed. DOCTYPEs are refused (no entity expansion). */
export function parseOfficeXml(xml: string): XmlNode[] | null {
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096)) || XMLValidator.validate(xml) !== true) return null;
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
  });
  return parser.parse(xml) as XmlNode[];
}

/**
 * Imports the forms of a .docx. `file` names the input in issues. Never throws: a file that is not
 * a zip, is truncated, is a zip bomb, has no document.xml or no table gives an error issue.
 */
export async function importDocx(bytes: Uint8Array, file: string): Promise<ImportResult> {
  try {
    const zip = readZipEntries(bytes, (name) => name === DOCUMENT);
    if (!zip.ok) return failed(file, `docx-${zip.problem}`, zipProblemMessage(zip.problem, file, 'Word'), zip.detail);
    const xml = zip.files.get(DOCUMENT);
    if (xml === undefined) {
      return failed(
        file,
        'docx-no-document',
        `“${file}”中没有正文（word/document.xml），不是有效的 Word 文档。请用 Word 打开后另存为 .docx 再导入。`,
      );
    }
    const tree = parseOfficeXml(new TextDecoder('utf-8').decode(xml));
    if (tree === null) {
      return failed(
        file,
        'docx-bad-xml',
        `“${file}”的正文（word/document.xml）不是有效的 XML，文件可能已损坏。请用 Word 打开后另存再导入。`,
      );
    }
    const { grid, issues } = docxToGrid(tree, file);
    // A form pasted into Word as paragraphs has no table: its text goes to the text importer.
    const result = await gridToFormsOrText(grid);
    if (grid.rows.length === 0 && result.forms.length === 0) {
      const text = grid.outside.map((l) => l.text).join('\n');
      return {
        forms: [],
        issues: [
          ...issues,
          ...failed(
            file,
            'docx-no-table',
            `“${file}”中没有表格，正文也没有读出自评表。自评表应是 Word 表格；如果是纯文字，请另存为 .txt 后导入。`,
            text === '' ? null : text.slice(0, 100_000),
          ).issues,
        ],
      };
    }
    return { forms: result.forms, issues: [...issues, ...result.issues] };
  } catch (error) {
    return failed(
      file,
      'docx-failed',
      `读取“${file}”时出错，未导入。请用 Word 打开后另存再导入；如仍失败请报告此问题。`,
      (error as Error).message,
    );
  }
}
