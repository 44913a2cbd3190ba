import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GridCell } from '../grid/grid.js';
import type { PdfPageContent } from './extract-pdf-glyphs.js';
import { extractPdfGlyphs } from './extract-pdf-glyphs.js';
import { pdfToGrid } from './pdf-to-grid.js';
import type { PdfRule } from './read-page-rules.js';
import { ruledTableContent, writeSimplePdf } from './write-simple-pdf.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(process.cwd(), 'fixtures/pdf', name)));

/** The cell whose text is `text`, with its position and spans. */
function cell(rows: readonly (readonly GridCell[])[], text: string): GridCell {
  const found = rows.flat().find((c) => c.text === text);
  if (!found) throw new Error(`no cell ${JSON.stringify(text)} in ${JSON.stringify(rows.flat().map((c) => c.text))}`);
  return found;
}

const shape = (c: GridCell): [number, number, number, number] => [c.row, c.col, c.rowSpan, c.colSpan];

describe('pdfToGrid on a chromium-printed table (fixtures/pdf/dev-table.html)', async () => {
  const grid = pdfToGrid(await extractPdfGlyphs(fixture('dev-table.pdf')), 'dev-table.pdf');

  it('puts merged cells at their top-left corner with their spans', () => {
    expect(shape(cell(grid.rows, '项目名称'))).toEqual([0, 0, 1, 2]);
    expect(shape(cell(grid.rows, '测试项目'))).toEqual([0, 2, 1, 2]);
    expect(shape(cell(grid.rows, '2020.1.1-2020.12.31'))).toEqual([0, 5, 1, 1]);
    expect(shape(cell(grid.rows, '产出指标'))).toEqual([2, 1, 2, 1]);
    expect(shape(cell(grid.rows, '≥95%'))).toEqual([3, 4, 1, 1]);
  });

  it('reads a vertical label as one cell, one character per line', () => {
    expect(shape(cell(grid.rows, '绩\n效\n指\n标'))).toEqual([1, 0, 3, 1]);
  });

  it('keeps the lines of a wrapped cell in one cell', () => {
    expect(shape(cell(grid.rows, '每月组织社区矫正人员\n集中学习、教育培训'))).toEqual([2, 3, 1, 1]);
  });

  it('orders each row by column and gives every row its cells', () => {
    expect(grid.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['项目名称', '测试项目', '项目起止时间', '2020.1.1-2020.12.31'],
      ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值'],
      ['产出指标', '数量指标', '每月组织社区矫正人员\n集中学习、教育培训', '≧1次', '10'],
      ['质量指标', '完成率', '≥95%', '95%'],
      ['名称', '合并两列'],
      ['甲', '1.5', '2'],
    ]);
    grid.rows.forEach((row, i) => row.forEach((c) => expect(c.row).toBe(i)));
  });

  it('continues row numbers on the second page and starts its columns at 0', () => {
    expect(shape(cell(grid.rows, '合并两列'))).toEqual([4, 1, 1, 2]);
    expect(cell(grid.rows, '合并两列').location).toMatch(/^第2页/);
  });

  it('puts title, year and remarks outside the table, before the right row', () => {
    expect(grid.outside.map((o) => [o.text, o.beforeRow, o.location])).toEqual([
      ['附件2', 0, '第1页'],
      ['测试项目支出绩效自评表', 0, '第1页'],
      ['（2020年度）', 0, '第1页'],
      ['备注：这是表外的说明。', 4, '第1页'],
      ['第二张表', 4, '第2页'],
    ]);
  });
});

/** A ruled grid: horizontal lines at ys, vertical at xs, minus the given gaps. */
function rules(xs: number[], ys: number[], skipV: [number, number][] = [], skipH: [number, number][] = []): PdfRule[] {
  const out: PdfRule[] = [];
  ys.forEach((y, i) =>
    xs.slice(0, -1).forEach((x, j) => {
      if (!skipH.some(([a, b]) => a === i && b === j)) out.push({ dir: 'h', pos: y, from: x, to: xs[j + 1] ?? x });
    }),
  );
  xs.forEach((x, j) =>
    ys.slice(0, -1).forEach((y, i) => {
      if (!skipV.some(([a, b]) => a === i && b === j)) out.push({ dir: 'v', pos: x, from: y, to: ys[i + 1] ?? y });
    }),
  );
  return out;
}

const run = (text: string, x: number, y: number): PdfPageContent['runs'][number] => ({
  text,
  x,
  y,
  width: 10 * text.length,
  size: 10,
});

describe('pdfToGrid on synthetic pages', () => {
  it('joins a cell cut by a page break and keeps column numbers across the break', () => {
    const xs = [50, 100, 200];
    // Page 1: rows at 100..120..140; the left cell spans both, is open at the page break and its
    // text runs to the break.
    const page1: PdfPageContent = {
      page: 1,
      width: 600,
      height: 800,
      runs: [run('产出', 60, 138), run('数量', 110, 115), run('质量', 110, 135)],
      rules: rules(
        xs,
        [100, 120, 140],
        [],
        [
          [1, 0],
          [2, 0],
        ],
      ),
    };
    // Page 2: the table resumes with no top border; its left cell continues 产出.
    const page2: PdfPageContent = {
      page: 2,
      width: 600,
      height: 800,
      runs: [run('指标', 60, 45), run('时效', 110, 45)],
      rules: rules(xs, [30, 50]).filter((r) => !(r.dir === 'h' && r.pos === 30)),
    };
    const grid = pdfToGrid([page1, page2], 'synthetic.pdf');
    expect(grid.rows.map((r) => r.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan]))).toEqual([
      [
        ['产出\n指标', 0, 0, 3, 1],
        ['数量', 0, 1, 1, 1],
      ],
      [['质量', 1, 1, 1, 1]],
      [['时效', 2, 1, 1, 1]],
    ]);
  });

  it('does not join rows across a page break when the border was drawn', () => {
    const xs = [50, 100, 200];
    const page = (n: number, text: string): PdfPageContent => ({
      page: n,
      width: 600,
      height: 800,
      runs: [run(text, 60, 115)],
      rules: rules(xs, [100, 120]),
    });
    const grid = pdfToGrid([page(1, '甲'), page(2, '乙')], 'synthetic.pdf');
    expect(grid.rows.map((r) => r.map((c) => [c.text, c.row, c.rowSpan]))).toEqual([
      [
        ['甲', 0, 1],
        ['', 0, 1],
      ],
      [
        ['乙', 1, 1],
        ['', 1, 1],
      ],
    ]);
  });

  it('splits a run that crosses cells into its characters', () => {
    const page: PdfPageContent = {
      page: 1,
      width: 600,
      height: 800,
      // One run over two 20pt-wide cells, as Word writes "A B" across a row.
      runs: [{ text: '甲乙', x: 55, y: 115, width: 20, size: 10 }],
      rules: rules([50, 65, 80], [100, 120]),
    };
    expect(pdfToGrid([page], 'x.pdf').rows[0]?.map((c) => c.text)).toEqual(['甲', '乙']);
  });

  it('reads borders drawn as separate dashes as whole lines', () => {
    const dashed = rules([50, 100, 200], [100, 120, 140]).flatMap((r) => {
      const out: PdfRule[] = [];
      for (let from = r.from; from < r.to; from += 7) out.push({ ...r, from, to: Math.min(r.to, from + 3) });
      return out;
    });
    const page: PdfPageContent = {
      page: 1,
      width: 600,
      height: 800,
      runs: [run('甲', 60, 115), run('乙', 110, 115), run('丙', 60, 135), run('丁', 110, 135)],
      rules: dashed,
    };
    expect(pdfToGrid([page], 'x.pdf').rows.map((r) => r.map((c) => [c.text, c.rowSpan, c.colSpan]))).toEqual([
      [
        ['甲', 1, 1],
        ['乙', 1, 1],
      ],
      [
        ['丙', 1, 1],
        ['丁', 1, 1],
      ],
    ]);
  });

  it('takes text that overflows under a table cut by a page break into the open cell above it', () => {
    // The left cell has no bottom rule (the page break cut it); its last character sits below.
    const page: PdfPageContent = {
      page: 1,
      width: 600,
      height: 800,
      runs: [run('年', 60, 115), run('度', 60, 133), run('页脚', 300, 190)],
      rules: rules([50, 100, 200], [100, 120], [], [[1, 0]]),
    };
    const grid = pdfToGrid([page], 'x.pdf');
    expect(grid.rows[0]?.[0]?.text).toBe('年\n度');
    expect(grid.outside.map((o) => o.text)).toEqual(['页脚']);
  });

  it('puts everything outside when a page has no ruled table', () => {
    const page: PdfPageContent = {
      page: 1,
      width: 600,
      height: 800,
      runs: [run('标题', 10, 20)],
      rules: [],
    };
    const grid = pdfToGrid([page], 'x.pdf');
    expect(grid.rows).toEqual([]);
    expect(grid.outside).toEqual([{ text: '标题', location: '第1页', beforeRow: 0 }]);
  });
});

describe('pdfToGrid on rotated pages', () => {
  // A landscape table on a portrait page turned by /Rotate, as scanners' and some writers' PDFs are.
  const table = ruledTableContent([50, 200, 400], [50, 70, 90], ['Name', 'Alpha', 'Count', '12'], 595);
  const cases: [string, string, number][] = [
    ['90', `q 0 1 -1 0 595 0 cm\n${table}\nQ`, 90],
    ['270', `q 0 -1 1 0 0 842 cm\n${table}\nQ`, 270],
  ];
  for (const [name, content, rotate] of cases) {
    it(`reads the table upright on a page with /Rotate ${name}`, async () => {
      const pages = await extractPdfGlyphs(writeSimplePdf([{ content, rotate }]));
      expect(pages[0]?.width).toBe(842);
      const grid = pdfToGrid(pages, 'rotated.pdf');
      expect(grid.rows.map((r) => r.map((c) => c.text))).toEqual([
        ['Name', 'Alpha'],
        ['Count', '12'],
      ]);
    });
  }
});
