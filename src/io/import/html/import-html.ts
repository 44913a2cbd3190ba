/**
 * HTML import: a saved web page (a 决算公开 notice, Word or Excel "save as web page") → parse5 →
 * Grid → the grid mapper, or the text importer when the page's form is not a table it knows (see
 * grid-as-text.ts).
 */
import { parse } from 'parse5';
import { gridToFormsOrText } from '../grid/grid-as-text.js';
import type { ImportResult } from '../import-result.js';
import { htmlToGrid } from './html-to-grid.js';

/**
 * Imports the forms of an HTML page (already decoded to text). `file` names the input in issues.
 * Never throws: parse5 reads any text as HTML, as browsers do; a page without a form gives the
 * importers' "no form" error.
 */
export async function importHtml(html: string, file: string): Promise<ImportResult> {
  const { grid, issues } = htmlToGrid(parse(html), file);
  const result = await gridToFormsOrText(grid);
  return { forms: result.forms, issues: [...issues, ...result.issues] };
}
