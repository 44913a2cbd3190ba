import { joinWrapped } from './join-wrapped.js';

/**
 * Some hosts serve a spreadsheet as comma-separated text, the xlsx saved as CSV (`"项目","考核内容",…`
 * or `产出指标,数量指标,养护里程,≥100公里,100公里,20,20,`). Commas also stand in prose and in amounts
 * (`1,000.00`, `…体现文物价值,提升知名度`), so a text is read as CSV only when most of its lines are
 * rows of several fields; then each such line is one table row, like a pipe or tab-separated row.
 */

/** Fewer CSV-shaped lines than this is no spreadsheet. */
const MIN_CSV_LINES = 5;
/** Share of the non-blank lines that must be CSV-shaped. */
const MIN_CSV_SHARE = 0.6;
/** A CSV row has at least this many fields (two commas). */
const MIN_FIELDS = 3;
/** A quoted field may hold line breaks (a wrapped spreadsheet cell); at most this many lines are joined. */
const MAX_RECORD_LINES = 10;

/** A line consumed by the quoted field of the record started on a line before it. */
export const CONTINUED: readonly string[] = Object.freeze([]);

/**
 * The fields of one CSV record (RFC 4180: `"` quotes a field, `""` is a quote inside it), or null
 * when a quote is left open (the record goes on on the next line).
 */
function parseRecord(text: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text.charAt(k);
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text.charAt(k + 1) === '"') {
        field += '"';
        k += 1;
      } else quoted = false;
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

const isDigitAt = (line: string, k: number): boolean => {
  const code = line.charCodeAt(k);
  return code >= 0x30 && code <= 0x39;
};

/** A thousands separator (`1,234.56`): a digit before, three digits after and no fourth. */
function isThousands(line: string, k: number): boolean {
  return (
    isDigitAt(line, k - 1) &&
    isDigitAt(line, k + 1) &&
    isDigitAt(line, k + 2) &&
    isDigitAt(line, k + 3) &&
    !isDigitAt(line, k + 4)
  );
}

/**
 * Counts the `,` that may part fields, by character code, stopping once `enough` are seen: a
 * thousands separator does not count, so that whitespace rows of amounts are no CSV rows.
 */
/** Whether `lines` hold at least `enough` commas in all. */
function hasCommas(lines: readonly string[], enough: number): boolean {
  let n = 0;
  for (const line of lines) {
    for (let k = line.indexOf(','); k >= 0; k = line.indexOf(',', k + 1)) if (++n >= enough) return true;
  }
  return false;
}

function commas(line: string, enough: number): number {
  let n = 0;
  for (let k = 0; k < line.length && n < enough; k++) if (line.charCodeAt(k) === 0x2c && !isThousands(line, k)) n += 1;
  return n;
}

/**
 * The CSV records of the text's lines, by line index: the fields of the record starting there,
 * CONTINUED for a line its record's quoted field took, null for a line that is no CSV row. Null
 * for the whole text when it is not CSV (the usual case, told by counting commas alone).
 */
export function csvRows(lines: readonly string[]): (readonly string[] | null)[] | null {
  // Most text has too few commas to be CSV at all: a native search per line settles it.
  if (!hasCommas(lines, (MIN_FIELDS - 1) * MIN_CSV_LINES)) return null;
  let filled = 0;
  let shaped = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    filled += 1;
    if (commas(line, MIN_FIELDS - 1) >= MIN_FIELDS - 1) shaped += 1;
  }
  if (shaped < MIN_CSV_LINES || shaped < filled * MIN_CSV_SHARE) return null;
  const out: (readonly string[] | null)[] = lines.map(() => null);
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (commas(line, MIN_FIELDS - 1) < MIN_FIELDS - 1 && !line.includes('"')) continue;
    let end = i;
    let fields = parseRecord(line);
    const pieces = [line];
    while (fields === null && end + 1 < lines.length && end - i + 1 < MAX_RECORD_LINES) {
      end += 1;
      pieces.push(lines[end] ?? '');
      fields = parseRecord(pieces.join('\n'));
    }
    // A quoted line is a record however few its fields (`"项目支出绩效自评表(2023年度)"`).
    if (fields === null || (fields.length < MIN_FIELDS && !line.startsWith('"'))) continue;
    // A line break inside a field is the spreadsheet cell's wrap: joined as wrapped text.
    out[i] = end > i ? fields.map((f) => (f.includes('\n') ? joinWrapped(f.split('\n')) : f)) : fields;
    for (let k = i + 1; k <= end; k++) out[k] = CONTINUED;
    records += 1;
    i = end;
  }
  return records >= MIN_CSV_LINES && records >= filled * MIN_CSV_SHARE ? out : null;
}
