/**
 * CSV text (RFC 4180): cells with a comma, quote, CR or LF are quoted, quotes doubled.
 * Lines end with CRLF so that spreadsheet programs on every platform read them the same.
 * The UTF-8 BOM that Excel needs to read Chinese is added by whoever writes the file (see csvBom).
 */

export type Cell = string | number | boolean | null;

/** Prepend to a CSV written to a file so that Excel opens it as UTF-8. */
export const csvBom = '\uFEFF';

function escapeCell(cell: Cell): string {
  if (cell == null) return '';
  const s = String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line, CRLF included. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(escapeCell).join(',')}\r\n`;
}

/** A whole CSV document: header line then rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}
