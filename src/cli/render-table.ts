import Table from 'cli-table3';
import type { Cell } from '../domain/report/index.js';

/** Display width of text in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

export interface TableSpec {
  readonly head: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Widest a column may grow before its text wraps (display columns), per column; null = no limit. */
  readonly maxWidths?: readonly (number | null)[];
  /** Style a cell's text (colours); called with the row index and column index. */
  readonly style?: (text: string, row: number, column: number) => string;
}

/** Break text into lines of at most `width` display columns (anywhere: Chinese has no spaces between words). */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let current = '';
    let used = 0;
    for (const ch of line) {
      const w = displayWidth(ch);
      if (used + w > width && current !== '') {
        out.push(current);
        current = '';
        used = 0;
      }
      current += ch;
      used += w;
    }
    out.push(current);
  }
  return out.join('\n');
}

/**
 * An aligned table for people (cli-table3 measures CJK as two columns). Long text wraps inside its
 * column instead of stretching the table past the terminal. The wrapping is done here, by display
 * width, because cli-table3's own wrapping counts a CJK character as one column and cuts text off.
 * Returns the table text with a trailing newline.
 */
export function renderTable(spec: TableSpec): string {
  const text = spec.rows.map((row) =>
    row.map((c, i) => {
      const t = c == null ? '' : String(c);
      const max = spec.maxWidths?.[i] ?? null;
      return max == null ? t : wrapText(t, max);
    }),
  );
  const table = new Table({ head: [...spec.head], style: { head: [], border: [] } });
  text.forEach((row, r) =>
    table.push(
      row.map((t, c) =>
        spec.style
          ? t
              .split('\n')
              .map((l) => (spec.style as NonNullable<TableSpec['style']>)(l, r, c))
              .join('\n')
          : t,
      ),
    ),
  );
  return `${table.toString()}\n`;
}
