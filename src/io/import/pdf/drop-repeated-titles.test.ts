import { describe, expect, it } from 'vitest';
import { dropRepeatedTitles } from './drop-repeated-titles.js';
import type { PdfPageContent, PdfTextRun } from './extract-pdf-glyphs.js';
import type { RuledTable } from './find-tables.js';

const run = (text: string, x: number, y: number): PdfTextRun => ({ text, x, y, width: text.length * 10, size: 10 });

const page = (n: number, runs: PdfTextRun[]): PdfPageContent => ({
  page: n,
  width: 595,
  height: 842,
  runs,
  rules: [],
});

/** A table from y 100 to 700 whose first row ends at 130. */
const table: RuledTable = {
  h: [],
  virtualH: [],
  v: [],
  left: 50,
  right: 550,
  top: 100,
  bottom: 700,
  xs: [50, 550],
  ys: [100, 130, 700],
};

/** A page printed with the sheet's top rows: title, year, then the table's 项目名称 row. */
const printed = (n: number, name: string, body: string): PdfPageContent =>
  page(n, [
    run('项目支出绩效自评表', 200, 50),
    run('(2021年度)', 230, 80),
    run('项目名称', 60, 120),
    run(name, 200, 120),
    run(body, 60, 300),
  ]);

describe('dropRepeatedTitles', () => {
  it('drops the title lines a page repeats with the same first table row (print titles)', () => {
    const pages = [printed(1, '禁毒经费', '指标1'), printed(2, '禁毒经费', '指标9')];
    const [first, second] = dropRepeatedTitles(pages, [[table], [table]]);
    expect(first?.runs.map((r) => r.text)).toContain('项目支出绩效自评表');
    expect(second?.runs.map((r) => r.text)).toEqual(['项目名称', '禁毒经费', '指标9']);
  });

  it('keeps the title of the next form, whose 项目名称 row differs', () => {
    const pages = [printed(1, '禁毒经费', '指标1'), printed(2, '社区矫正', '指标1')];
    const [, second] = dropRepeatedTitles(pages, [[table], [table]]);
    expect(second?.runs).toHaveLength(5);
  });
});
