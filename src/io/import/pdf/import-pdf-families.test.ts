import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Form } from '../../../domain/form/form.schema.js';
import {
  A_024,
  B_026,
  B_027,
  C_101,
  E_022,
  gridReading,
  H_023,
  longA024,
} from '../../../../test/support/family-tables.js';
import { findLostText } from '../grid/find-lost-text.js';
import { gridToForms } from '../grid/grid-to-forms.js';
import { extractPdfGlyphs } from './extract-pdf-glyphs.js';
import { importPdf } from './import-pdf.js';
import { pdfToGrid } from './pdf-to-grid.js';

// PDFs printed by chromium and LibreOffice from the family tables (scripts/pdf/make-family-pdfs.ts).
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(process.cwd(), 'fixtures/pdf/families', name)));

/** The texts of the PDF's grid (as importPdf builds it) that appear nowhere in the grid mapper's reading of it. */
async function lostText(bytes: Uint8Array, file: string): Promise<string[]> {
  const grid = pdfToGrid(await extractPdfGlyphs(bytes), file, { unrelatedTablesAsLines: true });
  return findLostText(grid, gridToForms(grid));
}

const errors = (issues: readonly { severity: string; code: string }[]): string[] =>
  issues.filter((i) => i.severity === 'error').map((i) => i.code);

describe('importPdf on the template families printed as publishers print them', () => {
  it('a 决算公开 document: running head, 第 N 页 共 M 页, money tables, forms C, E, A, H, a 政府采购 table after them', async () => {
    const bytes = fixture('juesuan-2023.pdf');
    const result = await importPdf(bytes, 'juesuan-2023.pdf');
    expect(errors(result.issues)).toEqual([]);
    expect(result.forms).toEqual([
      gridReading(C_101)[0] as Form,
      ...gridReading(E_022),
      ...gridReading(A_024),
      ...gridReading(H_023),
    ]);
    const raws = result.issues.map((i) => i.raw ?? '');
    // Headers and footers are no form's text: not reported page after page.
    expect(raws.filter((r) => /第\s*\d+\s*页|部门决算公开/.test(r))).toEqual([]);
    // The unrelated tables are read into no form (before: their cells as the first form's
    // unplaced cells, the 政府采购 rows as four indicators of form H). Each is reported once, as
    // information with all its rows (they were a warning per row); their headings stay warnings.
    const others = result.issues.filter((i) => i.code === 'grid-other-table');
    expect(others.map((i) => [i.severity, i.location])).toEqual([
      ['info', '第1页 表1'],
      ['info', '第1页 表2'],
      ['info', '第5页 表2'],
    ]);
    expect(others[0]?.raw?.split('\n')).toContain('总计 1,564.08 总计 1,564.08');
    expect(others[2]?.raw?.split('\n')).toEqual([
      '采购项目 采购方式 预算金额 合同金额',
      '执法记录仪 公开招标 120.00 116.80',
      '办公设备 询价 35.00 33.20',
      '合计 155.00 150.00',
    ]);
    expect(raws).toContain('一、收入支出决算总表');
    expect(await lostText(bytes, 'juesuan-2023.pdf')).toEqual([]);
  });

  it('family A with 40 indicators over three pages, the header not repeated, footer - N -', async () => {
    const bytes = fixture('a024-long.pdf');
    const result = await importPdf(bytes, 'a024-long.pdf');
    expect(result.forms).toEqual(gridReading(longA024(40)));
    expect(result.forms[0]?.indicators).toHaveLength(40);
    expect(result.issues).toEqual([]);
    expect(await lostText(bytes, 'a024-long.pdf')).toEqual([]);
  });

  it('the same form with the indicator header repeated on every page (thead) reads the same', async () => {
    const bytes = fixture('a024-long-thead.pdf');
    const result = await importPdf(bytes, 'a024-long-thead.pdf');
    expect(result.forms).toEqual(gridReading(longA024(40)));
    expect(result.issues).toEqual([]);
    expect(await lostText(bytes, 'a024-long-thead.pdf')).toEqual([]);
  });

  it('families C and B on landscape pages in a 7 pt font', async () => {
    const bytes = fixture('landscape-small.pdf');
    const result = await importPdf(bytes, 'landscape-small.pdf');
    expect(errors(result.issues)).toEqual([]);
    expect(result.forms).toEqual([gridReading(C_101)[0] as Form, ...gridReading(B_026)]);
    expect(await lostText(bytes, 'landscape-small.pdf')).toEqual([]);
  });

  it('forms one after another with no page break: B (027, no 项目名称) after A, C after C', async () => {
    const bytes = fixture('several-forms.pdf');
    const result = await importPdf(bytes, 'several-forms.pdf');
    // B is not merged into A (its title starts it), and each C keeps its own 报表编号.
    const c = gridReading(C_101)[0] as Form;
    expect(result.forms).toEqual([...gridReading(A_024), ...gridReading(B_027), c, c]);
    expect(result.issues.map((i) => [i.code, i.form])).toEqual([
      ['grid-funding-total-named', 1],
      ['grid-name-from-title', 1],
    ]);
    expect(await lostText(bytes, 'several-forms.pdf')).toEqual([]);
  });

  it('family H as a Word file printed by LibreOffice', async () => {
    const bytes = fixture('h023-word.pdf');
    const result = await importPdf(bytes, 'h023-word.pdf');
    expect(result.forms).toEqual(gridReading(H_023));
    // 得分计算方法 / 原因 cells go to extras, as in the HTML reading (grid-extra-column before).
    expect(result.issues).toEqual([]);
    expect(await lostText(bytes, 'h023-word.pdf')).toEqual([]);
  });

  it('family C as an Excel sheet printed by LibreOffice Calc', async () => {
    const bytes = fixture('c101-excel.pdf');
    const result = await importPdf(bytes, 'c101-excel.pdf');
    expect(result.forms).toEqual(gridReading(C_101));
    expect(result.issues).toEqual([]);
    expect(await lostText(bytes, 'c101-excel.pdf')).toEqual([]);
  });

  it('the 40-indicator form as a Word file (repeated heading row) printed by LibreOffice', async () => {
    const bytes = fixture('a024-long-word.pdf');
    const result = await importPdf(bytes, 'a024-long-word.pdf');
    expect(result.forms).toEqual(gridReading(longA024(40)));
    expect(result.issues).toEqual([]);
    expect(await lostText(bytes, 'a024-long-word.pdf')).toEqual([]);
  });

  it('the 40-indicator form as an Excel sheet, header row a print title, labels cut by pages, printed by Calc', async () => {
    // Calc prints each cut level label once, centred in the whole cell, sometimes on the later
    // page, and leaves a clipped copy of it above the table on the next page.
    const bytes = fixture('a024-long-excel.pdf');
    const result = await importPdf(bytes, 'a024-long-excel.pdf');
    expect(result.forms).toEqual(gridReading(longA024(40)));
    expect(result.issues).toEqual([]);
    expect(await lostText(bytes, 'a024-long-excel.pdf')).toEqual([]);
  });

  it('known limit: the Excel sheet with its top rows as print titles reads the first pages, reports the rest', async () => {
    // Calc draws the clipped copy of 年度绩效指标完成情况 over the repeated 项目名称 row of page 5,
    // so that row is no longer the one printed before; pages from there are read as forms without
    // a year and reported (grid-incomplete-form, their text in raw). See docs/import-pdf.md.
    const bytes = fixture('a024-long-excel-top.pdf');
    const result = await importPdf(bytes, 'a024-long-excel-top.pdf');
    const expected = gridReading(longA024(40))[0];
    expect(result.forms).toHaveLength(1);
    expect(result.forms[0]?.indicators.slice(0, 20)).toEqual(expected?.indicators.slice(0, 20));
    expect(errors(result.issues)).toEqual(['grid-incomplete-form', 'grid-incomplete-form']);
    expect(await lostText(bytes, 'a024-long-excel-top.pdf')).toEqual([]);
  });
});
