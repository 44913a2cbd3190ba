import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeOfficialXlsx } from '../../../../scripts/fixtures/official-xlsx.js';
import { formSchema } from '../../../domain/form/form.schema.js';
import { findLostText } from '../grid/find-lost-text.js';
import { gridToForms } from '../grid/grid-to-forms.js';
import { importXlsx } from './import-xlsx.js';
import { oversizedMerge } from './merge-limits.js';
import { sheetToGrid } from './sheet-to-grid.js';
import { writeFlatTemplate } from './write-flat-template.js';
import { scoredForm } from '../../../../test/support/scored-form.js';

const root = new URL('../../../../', import.meta.url);
const fixture = (path: string): Uint8Array => readFileSync(new URL(path, root));
const golden = formSchema
  .array()
  .parse(JSON.parse(readFileSync(new URL('fixtures/seed/pingshan-justice-2020.golden.json', root), 'utf8')));

const scored = scoredForm;

describe('importXlsx', () => {
  it('imports the official layout (merged cells, one sheet per form) exactly as the golden forms', async () => {
    const result = await importXlsx(fixture('fixtures/xlsx/pingshan-justice-2020.xlsx'), 'seed.xlsx');
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual(golden);
  });

  it('imports several official-layout forms on one sheet', async () => {
    const bytes = await writeOfficialXlsx(golden, () => ({}), true);
    const result = await importXlsx(bytes, 'one-sheet.xlsx');
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual(golden);
  });

  it('loses no text of the official-layout sheets', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(fixture('fixtures/xlsx/pingshan-justice-2020.xlsx')) as unknown as ArrayBuffer);
    for (const sheet of book.worksheets) {
      const grid = sheetToGrid(sheet, 'seed.xlsx', []);
      expect(findLostText(grid, gridToForms(grid))).toEqual([]);
    }
  });

  it('imports the hand-filled flat template exactly as the golden forms', async () => {
    const result = await importXlsx(fixture('fixtures/xlsx/pingshan-justice-2020-flat.xlsx'), 'flat.xlsx');
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual(golden);
  });

  it('round-trips forms through writeFlatTemplate, scores, 元 and extras included', async () => {
    const forms = [...golden, scored];
    const result = await importXlsx(await writeFlatTemplate(forms), 'round.xlsx');
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual(forms);
  });

  it('official layout round-trips the scored form too', async () => {
    const result = await importXlsx(await writeOfficialXlsx([scored]), 'scored.xlsx');
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual([scored]);
  });

  it('reads a form typed one line per cell down a column with the text importer, and says so', async () => {
    const seedText = readFileSync(new URL('fixtures/seed/pingshan-justice-2020.txt', root), 'utf8');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('自评表');
    for (const line of seedText.split('\n')) sheet.addRow([line]);
    const result = await importXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'lines.xlsx');
    expect(result.forms).toEqual(golden);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['grid-read-as-text', 'warning']]);
  });

  /** The seed's official workbook with only its first sheet (the first golden form), open for changes. */
  const firstSeedSheet = async (): Promise<{ book: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fixture('fixtures/xlsx/pingshan-justice-2020.xlsx') as unknown as ArrayBuffer);
    for (const extra of book.worksheets.slice(1)) book.removeWorksheet(extra.id);
    const sheet = book.worksheets[0];
    if (sheet === undefined) throw new Error('the seed workbook has no sheet');
    return { book, sheet };
  };
  const cellsWithText = (sheet: ExcelJS.Worksheet, text: string): ExcelJS.Cell[] => {
    const found: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((c) => void (c.value === text && found.push(c))));
    return found;
  };

  it('reads numbers as their number format shows them, keeping hidden digits in info issues', async () => {
    const { book, sheet } = await firstSeedSheet();
    const budgets = cellsWithText(sheet, '529.99');
    const rates = cellsWithText(sheet, '99.75%');
    expect(budgets).toHaveLength(2);
    expect(rates).toHaveLength(2);
    // exceljs shares one style object between cells loaded with the same style: each cell gets its own.
    const set = (c: ExcelJS.Cell, value: ExcelJS.CellValue, numFmt: string): void => {
      c.style = { ...c.style, numFmt };
      c.value = value;
    };
    for (const c of budgets) set(c, 529.987, '#,##0.00');
    for (const c of rates) set(c, 0.9975, '0.00%');
    for (const c of cellsWithText(sheet, '528.66')) set(c, { formula: 'E8*G8', result: 528.66 }, '0.00');
    const result = await importXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'formatted.xlsx');
    expect(result.forms).toEqual(golden.slice(0, 1));
    expect(result.issues.map((i) => [i.code, i.location, i.raw])).toEqual(
      budgets.map((c) => ['xlsx-value-rounded', `${sheet.name}!${c.address}`, '529.987']),
    );
  });

  it('warns about formulas a program saved without results instead of reading them silently as blank', async () => {
    const { book, sheet } = await firstSeedSheet();
    const rates = cellsWithText(sheet, '99.75%');
    for (const c of rates) c.value = { formula: `F${c.row}/E${c.row}` } as ExcelJS.CellValue;
    const result = await importXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'generated.xlsx');
    expect(result.forms[0]?.funding.lines.map((l) => l.rate)).toEqual([null, null, null, null]);
    expect(result.issues.map((i) => [i.code, i.raw])).toEqual(
      rates.map((c) => ['xlsx-formula-without-value', `=F${c.row}/E${c.row}`]),
    );
  });

  it('leaves hidden rows, columns and sheets out, and keeps their text in info issues', async () => {
    const { book, sheet } = await firstSeedSheet();
    const below = sheet.rowCount + 2;
    sheet.getCell(below, 1).value = '旧版数据 123.45';
    sheet.getRow(below).hidden = true;
    const right = sheet.columnCount + 2;
    sheet.getCell(3, right).value = '辅助列 =B3';
    sheet.getColumn(right).hidden = true;
    const old = book.addWorksheet('旧表');
    old.addRow(['项目名称', '旧项目']);
    old.state = 'hidden';
    const result = await importXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'hidden.xlsx');
    expect(result.forms).toEqual(golden.slice(0, 1));
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
      ['xlsx-hidden-cells', 'info'],
      ['xlsx-hidden-sheet', 'info'],
    ]);
    expect(result.issues[0]?.raw).toContain('旧版数据 123.45');
    expect(result.issues[0]?.raw).toContain('辅助列 =B3');
    expect(result.issues[1]?.raw).toContain('旧项目');
  });

  it('reads an empty template as no forms without errors', async () => {
    const result = await importXlsx(await writeFlatTemplate([]), 'empty.xlsx');
    expect(result).toEqual({ forms: [], issues: [] });
  });

  it('reports flat rows it cannot place, with their text', async () => {
    const book = new ExcelJS.Workbook();
    const main = book.addWorksheet('绩效指标');
    main.addRow(['年度', '项目名称', '三级指标', '年度指标值', '全年完成值']);
    main.addRow([null, null, '孤儿指标', '1', '1']);
    main.addRow([2020, '甲', '指标一', '1', '1']);
    const funding = book.addWorksheet('项目资金');
    funding.addRow(['项目名称', '资金名称', '全年预算数']);
    funding.addRow(['乙', '年度资金总额', 5]);
    const result = await importXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'flat.xlsx');
    expect(result.forms).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
      ['flat-row-without-project', 'warning'],
      ['flat-incomplete-form', 'error'],
      ['flat-orphan-funding', 'warning'],
    ]);
    expect(result.issues[0]?.raw).toContain('孤儿指标');
    expect(result.issues[1]?.raw).toContain('指标一');
  });

  const errorOf = async (bytes: Uint8Array): Promise<string> => {
    const result = await importXlsx(bytes, 'bad.xlsx');
    expect(result.forms).toEqual([]);
    const error = result.issues.find((i) => i.severity === 'error');
    expect(error?.message).toContain('bad.xlsx');
    return error?.code ?? '';
  };

  it('reports not-a-zip, truncated zips, a zip without a workbook, and zip bombs', async () => {
    const seed = fixture('fixtures/xlsx/pingshan-justice-2020.xlsx');
    expect(await errorOf(strToU8('a,b,c\n1,2,3'))).toBe('xlsx-not-zip');
    expect(await errorOf(seed.subarray(0, seed.length - 100))).toBe('xlsx-corrupt');
    expect(await errorOf(zipSync({ 'word/document.xml': strToU8('<x/>') }))).toBe('xlsx-no-workbook');
    const bomb = zipSync(
      { 'xl/workbook.xml': strToU8('<x/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024) },
      { level: 6 },
    );
    expect(await errorOf(bomb)).toBe('xlsx-too-large');
  });

  it('refuses a merged range over more cells than a file may hold, before exceljs makes them all', async () => {
    // A few bytes of XML (`A1:XFD1048576`, 17 billion cells): exceljs took 3.7 s and 460 MB for
    // 1.4 million, and never came back from this one.
    const files = unzipSync(fixture('fixtures/xlsx/pingshan-justice-2020.xlsx'));
    const sheet = Object.keys(files).find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)) ?? '';
    const xml = strFromU8(files[sheet] ?? new Uint8Array());
    expect(xml).toContain('<mergeCells count="');
    files[sheet] = strToU8(
      xml.replace(/<mergeCells count="(\d+)">/, '<mergeCells count="$1"><mergeCell ref="A1:XFD1048576"/>'),
    );
    const result = await importXlsx(zipSync(files), 'merged.xlsx');
    expect(result.forms).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.severity, i.raw])).toEqual([
      ['xlsx-merge-too-large', 'error', `${sheet}: A1:XFD1048576`],
    ]);
    // The seed's own merges are far below the bound.
    expect(oversizedMerge(new Map([[sheet, strToU8(xml)]]))).toBeNull();
  });

  it('reports a workbook exceljs cannot read', async () => {
    const broken = zipSync({ '[Content_Types].xml': strToU8('<Types'), 'xl/workbook.xml': strToU8('<workbook') });
    expect(await errorOf(broken)).toBe('xlsx-unreadable');
  });

  it('cuts a gigantic cell with an error issue', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表');
    sheet.addRow(['项目名称', '字'.repeat(150_000)]);
    const result = await importXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'huge.xlsx');
    const cut = result.issues.find((i) => i.code === 'cell-too-long');
    expect(cut?.severity).toBe('error');
    expect(cut?.message).toContain('huge.xlsx');
  });
});
