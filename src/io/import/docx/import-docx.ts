/**
 * Word (.docx) import: unzip safely, parse `word/document.xml`, tables with their merged cells →
 * Grid → gridToForms. The table structure is read as Word stores it; no text heuristics (unless no
 * form is found that way: see grid-as-text.ts).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportResult } from '../import-result.js';
import { gridToFormsOrText } from '../grid/grid-as-text.js';
import { readZipEntries, zipProblemMessage } from '../grid/read-zip-entries.js';
import { outsideBodyIssue, type OutsideText } from '../outside-body.js';
import { docxToGrid, partText, type XmlNode } from './docx-to-grid.js';

const DOCUMENT = 'word/document.xml';

/** Parts outside the body, by the Chinese names the .doc importer gives them. */
const OUTSIDE_PARTS: readonly (readonly [RegExp, string])[] = [
  [/^word\/header\d*\.xml$/, '页眉'],
  [/^word\/footer\d*\.xml$/, '页脚'],
  [/^word\/footnotes\.xml$/, '脚注'],
  [/^word\/endnotes\.xml$/, '尾注'],
  [/^word\/comments\.xml$/, '批注'],
];
const outsidePartOf = (name: string): string | undefined => OUTSIDE_PARTS.find(([re]) => re.test(name))?.[1];

/** The text of the parts outside the body, in the zip's order; a part that is not XML is skipped. */
function outsideText(files: ReadonlyMap<string, Uint8Array>): OutsideText[] {
  const out: OutsideText[] = [];
  for (const [name, bytes] of files) {
    const part = outsidePartOf(name);
    const tree = part === undefined ? null : parseOfficeXml(new TextDecoder('utf-8').decode(bytes));
    if (part !== undefined && tree !== null) out.push({ part, text: partText(tree) });
  }
  return out;
}

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
    const zip = readZipEntries(bytes, (name) => name === DOCUMENT || outsidePartOf(name) !== undefined);
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
    const outside = outsideBodyIssue(file, 'docx-text-outside-body', outsideText(zip.files));
    if (outside !== null) issues.push(outside);
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
