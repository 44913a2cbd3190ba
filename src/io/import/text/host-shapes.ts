import type { PrintedForm } from './printed-rows.js';

/**
 * The text shapes in which web hosts serve a printed table, each one a real host produces (the
 * file of fixtures/real cited on each shape shows it). Given the forms' printed rows, a shape gives
 * the text a person would copy from such a host. Deterministic: the same forms give the same text.
 * Test support for the shape harness (shape-recovery.test.ts), not import code.
 */
export type HostShape = (forms: readonly PrintedForm[]) => string;

const NBSP = '\u00a0';
/** Line breaks inside a cell become spaces, as in text copied from a page (gridAsText does the same). */
const flat = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** Every line of the forms: text outside the table as it is, each table row through `row`. */
function linesOf(forms: readonly PrintedForm[], row: (cells: string[], width: number) => string[]): string[] {
  return forms.flatMap((form) => [
    ...form.above.map(flat),
    ...form.rows.flatMap((cells) => row(cells.map(flat), form.width)),
    ...form.below.map(flat),
  ]);
}

/** Every line of the forms, a page marker put after every `every` table rows and between forms. */
function withPageMarkers(
  forms: readonly PrintedForm[],
  every: number,
  marker: (page: number) => string,
  row: (cells: string[]) => string[],
): string {
  let page = 1;
  const lines: string[] = [];
  forms.forEach((form, f) => {
    if (f > 0) lines.push(marker(page++));
    lines.push(...form.above.map(flat));
    form.rows.forEach((cells, i) => {
      if (i > 0 && i % every === 0) lines.push(marker(page++));
      lines.push(...row(cells.map(flat)));
    });
    lines.push(...form.below.map(flat));
  });
  return lines.join('\n');
}

export const HOST_SHAPES: Readonly<Record<string, HostShape>> = {
  /** One cell per line, empty cells not printed (009). */
  'cell-per-line': (forms) => linesOf(forms, (cells) => cells.filter((c) => c !== '')).join('\n'),
  /** One cell per line closed by ` |`, an empty cell a lone `|` (101, 117). */
  'cell-per-line-bar': (forms) => linesOf(forms, (cells) => cells.map((c) => (c === '' ? '|' : `${c} |`))).join('\n'),
  /** One cell per paragraph, a blank line between, an empty cell a lone space (104). */
  'cell-per-paragraph': (forms) => linesOf(forms, (cells) => cells.map((c) => (c === '' ? ' ' : c))).join('\n\n'),
  /**
   * One cell per line, an empty cell a line holding only NBSP (104 stores its empty cells as a lone
   * space, which fixtures/real/README.md notes may have been an NBSP; the team's
   * one-cell-per-line-yuan.txt has one).
   */
  'cell-per-line-nbsp': (forms) => linesOf(forms, (cells) => cells.map((c) => (c === '' ? NBSP : c))).join('\n'),
  /** Pipe rows `| a | b |`, an empty cell kept between its bars (110, 111). */
  'pipe-rows': (forms) => linesOf(forms, (cells) => [`| ${cells.join(' | ')} |`]).join('\n'),
  /**
   * Rows as 022 and 121 serve them: each cell closed by ` |`, no opening bar, the row padded with
   * one `|` per column it lacks (the cells a merged cell covers, or that the row never had).
   */
  'pipe-rows-padded': (forms) =>
    linesOf(forms, (cells, width) => [
      `${cells.map((c) => `${c} |`).join(' ')} ${'|'.repeat(Math.max(0, width - cells.length))}`.trimEnd(),
    ]).join('\n'),
  /** Whitespace rows: a row's cells joined by spaces, an empty cell a longer run of them (118, 108). */
  'whitespace-rows': (forms) => linesOf(forms, (cells) => [cells.join(' ').trim()]).join('\n'),
  /** docx text glued: no separator between cells, rows or lines, the whole page one run (103, 113). */
  glued: (forms) => linesOf(forms, (cells) => [cells.join('')]).join(''),
  /** One flattened line: every printed cell, space-separated, the whole page one line (102, 007). */
  'one-line': (forms) =>
    linesOf(forms, (cells) => cells.filter((c) => c !== ''))
      .filter((l) => l !== '')
      .join(' '),
  /**
   * Pipe rows with a host's `第 N 页` lines between rows: 105 prints `…doc_第1页` and 009 `1 / 17`
   * (both in the page's head; 112 and 018 show page numbers mid-table, as the next shape serves).
   */
  'pipe-rows-pages': (forms) =>
    withPageMarkers(
      forms,
      12,
      (page) => `第 ${page} 页`,
      (cells) => [`| ${cells.join(' | ')} |`],
    ),
  /** One cell per line with `- N -` page numbers between rows (112's `-1-`, 018's `— 1 —`). */
  'cell-per-line-pages': (forms) =>
    withPageMarkers(
      forms,
      12,
      (page) => `- ${page} -`,
      (cells) => cells.filter((c) => c !== ''),
    ),
};
