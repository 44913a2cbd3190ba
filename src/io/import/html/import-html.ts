/**
 * HTML import: a saved web page (a 决算公开 notice, Word or Excel "save as web page") → parse5 →
 * Grid → the grid mapper, or the text importer when the page's form is not a table it knows (see
 * grid-as-text.ts).
 */
import { parse } from 'parse5';
import { gridToFormsOrText } from '../grid/grid-as-text.js';
import type { ImportResult } from '../import-result.js';
import { attachmentLinks, MAX_LINKS } from './attachment-links.js';
import { htmlToGrid } from './html-to-grid.js';

/**
 * Imports the forms of an HTML page (already decoded to text). `file` names the input in issues.
 * Never throws: parse5 reads any text as HTML, as browsers do; a page without a form gives the
 * importers' "no form" error.
 */
export async function importHtml(html: string, file: string): Promise<ImportResult> {
  const document = parse(html);
  const { grid, issues } = htmlToGrid(document, file);
  const result = await gridToFormsOrText(grid);
  const links = result.forms.length === 0 ? attachmentLinks(document) : [];
  if (links.length > 0)
    issues.push({
      file,
      code: 'html-attachment-links',
      severity: 'warning',
      message: `网页中没有自评表，但链接了 ${links.length}${links.length >= MAX_LINKS ? ' 个以上' : ' 个'}附件（${links
        .slice(0, 3)
        .map((l) => `“${l.text || l.href}”`)
        .join('、')}${links.length > 3 ? ' 等' : ''}）。自评表可能在附件中：请下载附件后导入附件文件。`,
      location: null,
      raw: links.map((l) => (l.text === '' ? l.href : `${l.text} ${l.href}`)).join('\n'),
    });
  return { forms: result.forms, issues: [...issues, ...result.issues] };
}
