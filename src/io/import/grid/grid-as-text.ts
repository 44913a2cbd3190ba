/**
 * When the grid mapper finds no form in a table (a layout it does not know: other labels, a form
 * pasted into Word as paragraphs, one line per Excel cell), the text importer, which reads the many
 * layouts published as text, gets the same content as text. Fields are then found by text rules,
 * so the result carries a warning saying so.
 */
import type { ImportIssue, ImportResult } from '../import-result.js';
import type { Grid } from './grid.js';
import { gridToForms } from './grid-to-forms.js';

/**
 * The grid as the text a web page shows of it: a row of several cells as a pipe table row, a row of
 * one cell as its text, lines outside the table where they stood. Line breaks inside a cell become
 * spaces, as in text copied from a page, so that a row stays one line.
 */
export function gridAsText(grid: Grid): string {
  const lines: string[] = [];
  const flat = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();
  let next = 0;
  const outsideBefore = (row: number): void => {
    while (next < grid.outside.length && (grid.outside[next]?.beforeRow ?? 0) <= row) {
      lines.push(flat(grid.outside[next]?.text ?? ''));
      next += 1;
    }
  };
  grid.rows.forEach((row, r) => {
    outsideBefore(r);
    const cells = row.map((c) => flat(c.text));
    if (cells.length === 1) lines.push(cells[0] ?? '');
    else if (cells.length > 1) lines.push(`| ${cells.join(' | ')} |`);
  });
  outsideBefore(Number.POSITIVE_INFINITY);
  return lines.filter((l) => l !== '').join('\n');
}

/**
 * gridToForms, and when it finds no form, the text importer over gridAsText. The text reading is
 * taken only if it finds forms; otherwise the grid's own issues (what it could not read) stand.
 */
export async function gridToFormsOrText(grid: Grid): Promise<ImportResult> {
  const read = gridToForms(grid);
  if (read.forms.length > 0) return read;
  const text = gridAsText(grid);
  if (text === '') return read;
  // Loaded on demand: tables in the official layout, the usual case, never need it.
  const { importText } = await import('../text/import-text.js');
  const asText = importText(text, grid.file);
  if (asText.forms.length === 0) return read;
  const note: ImportIssue = {
    file: grid.file,
    code: 'grid-read-as-text',
    severity: 'warning',
    message:
      '表格的结构没有识别为自评表，已改按文字方式读取，字段可能错位。请对照原表逐项核对；如有 Word/Excel 原表，建议使用官方样式导入。',
    location: grid.rows[0]?.[0]?.location ?? grid.outside[0]?.location ?? null,
    raw: null,
  };
  return { forms: asText.forms, issues: [note, ...asText.issues] };
}
