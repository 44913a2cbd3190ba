import { describe, expect, it } from 'vitest';
import { dropPageFurniture } from './drop-page-furniture.js';
import type { PdfPageContent } from './extract-pdf-glyphs.js';

/** A page of lines at the given baselines (A4, 842 pt high), no tables. */
const page = (n: number, lines: readonly [string, number][]): PdfPageContent => ({
  page: n,
  width: 595,
  height: 842,
  runs: lines.map(([text, y]) => ({ text, x: 100, y, width: text.length * 10, size: 10 })),
  rules: [],
});

const texts = (pages: readonly PdfPageContent[]): string[][] => pages.map((p) => p.runs.map((r) => r.text));

describe('dropPageFurniture', () => {
  it('drops page numbers and a running head printed at the same place on every page', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [
        ['某某局2021年度部门决算公开', 40],
        [`正文${n}`, 400],
        [`第 ${n} 页 共 3 页`, 810],
      ]),
    );
    expect(texts(dropPageFurniture(pages, [[], [], []]))).toEqual([['正文1'], ['正文2'], ['正文3']]);
  });

  it('keeps a form title, a year line and other text that each page starts with', () => {
    const pages = [1, 2].map((n) =>
      page(n, [
        ['项目支出绩效自评表', 40],
        ['(2021年度)', 60],
        ['单位:万元', 80],
        [`- ${n} -`, 810],
      ]),
    );
    expect(texts(dropPageFurniture(pages, [[], []]))).toEqual([
      ['项目支出绩效自评表', '(2021年度)', '单位:万元'],
      ['项目支出绩效自评表', '(2021年度)', '单位:万元'],
    ]);
  });

  it('keeps a line repeated at the top of a page but not at the same height, and text mid-page', () => {
    const pages = [
      page(1, [
        ['填报单位:某某局', 40],
        ['3', 400],
      ]),
      page(2, [
        ['填报单位:某某局', 70],
        ['3', 400],
      ]),
    ];
    expect(texts(dropPageFurniture(pages, [[], []]))).toEqual([
      ['填报单位:某某局', '3'],
      ['填报单位:某某局', '3'],
    ]);
  });
});
