/**
 * Reads CSV as written by domain/report/csv.ts (RFC 4180: quoted cells with doubled quotes, CRLF or
 * LF line ends), so that the exports can be read back. A leading UTF-8 BOM is skipped.
 */

/** Rows of cells; a final line break does not make an empty row. Throws on an unterminated quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let quoted = false;
  let any = false;
  for (; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      any = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      any = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      any = false;
    } else {
      cell += ch;
      any = true;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted cell');
  if (any) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The rows after the header as records keyed by header name (missing cells are ''). */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return [];
  return rows.map((cells) => Object.fromEntries(header.map((key, i) => [key, cells[i] ?? ''])));
}
