import { describe, expect, it } from 'vitest';
import { dropClippedOverflow } from './drop-clipped-overflow.js';
import type { PdfPageContent, PdfTextRun } from './extract-pdf-glyphs.js';
import type { RuledTable } from './find-tables.js';

const run = (text: string, x: number, y: number): PdfTextRun => ({ text, x, y, width: text.length * 10, size: 10 });

const page = (n: number, runs: PdfTextRun[]): PdfPageContent => ({
  page: n,
  width: 842,
  height: 595,
  runs,
  rules: [],
});

const table = (top: number, bottom: number): RuledTable => ({
  h: [],
  virtualH: [],
  v: [],
  left: 50,
  right: 700,
  top,
  bottom,
  xs: [50, 700],
  ys: [top, bottom],
});

describe('dropClippedOverflow', () => {
  it('drops the copy of a cut cell label above the next part, split into runs as printed', () => {
    const before = page(1, [run('产出指标', 111, 473), run('(50', 116, 489), run('分', 134, 489), run(')', 145, 489)]);
    const after = page(2, [
      run('产出指标', 111, 36),
      run('(50', 116, 52),
      run('分', 134, 52),
      run(')', 145, 52),
      run('指标17', 280, 100),
    ]);
    const [, kept] = dropClippedOverflow([before, after], [[table(60, 540)], [table(60, 540)]]);
    expect(kept?.runs.map((r) => r.text)).toEqual(['指标17']);
  });

  it('keeps a title above the next table, even where one of its characters stands above the same character', () => {
    const before = page(1, [run('目', 200, 473), run('项目', 120, 300)]);
    const after = page(2, [run('2022年度共享工程项', 100, 40), run('目', 200, 40), run('自评表', 210, 40)]);
    const [, kept] = dropClippedOverflow([before, after], [[table(60, 540)], [table(60, 540)]]);
    expect(kept?.runs).toHaveLength(3);
  });

  it('drops the copy under the table of the page before, when the label is printed on the next page', () => {
    const before = page(1, [run('指标14', 280, 500), run('产出指标', 111, 560)]);
    const after = page(2, [run('产出指标', 111, 200), run('指标15', 280, 200)]);
    const [kept] = dropClippedOverflow([before, after], [[table(60, 540)], [table(60, 540)]]);
    expect(kept?.runs.map((r) => r.text)).toEqual(['指标14']);
  });
});
