import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinProfiles, scoreForm, type Form } from '../../src/domain/index.js';
import { round2 } from '../../src/domain/report/index.js';
import { exportForms } from '../../src/io/export/index.js';
import { withComputedScores } from '../../src/io/export/layout/with-computed-scores.js';
import { importBytes } from '../../src/io/import/import-file.js';
import { goldenForms, outputDir, scoredForm } from './export-forms.js';

const profile = builtinProfiles['central-2020'];
if (profile === undefined) throw new Error('central-2020 missing');

async function loadBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

/** The 1-based row of the first cell whose text is `text`, or 0. */
function rowOf(sheet: ExcelJS.Worksheet, text: string): number {
  let found = 0;
  sheet.eachRow((row, r) => {
    if (found === 0 && row.values instanceof Array && row.values.includes(text)) found = r;
  });
  return found;
}

describe('exportForms(…, "xlsx"): the official layout', () => {
  const golden = goldenForms();
  let bytes: Uint8Array;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const result = await exportForms(golden, 'xlsx');
    bytes = result.bytes;
    expect(result.contentType).toContain('spreadsheetml');
    expect(result.fileName).toBe('项目支出绩效自评表（6张）.xlsx');
    writeFileSync(join(outputDir(), 'seed.xlsx'), bytes);
    book = await loadBook(bytes);
  });

  it('reads back through the import dispatcher exactly as the golden forms', async () => {
    const result = await importBytes(bytes, 'export.xlsx');
    expect(result.format).toBe('xlsx');
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(result.forms).toEqual(golden);
  });

  it('has one sheet per form named by project', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(golden.map((f) => f.project.name));
  });

  it('prints title with year, merged 一级/二级 cells, borders, wrapped text and A4 setup', () => {
    golden.forEach((form, i) => {
      const sheet = book.worksheets[i] as ExcelJS.Worksheet;
      expect(sheet.getCell(1, 1).value).toBe(form.title);
      expect(sheet.getCell(2, 1).value).toBe(`（${form.year}年度）`);
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.orientation).toBe('portrait');
      const header = rowOf(sheet, '一级指标');
      expect(header).toBeGreaterThan(0);
      expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
      // Every indicator row below the header shares its 一级指标 cell with the rows of its group.
      const first = form.indicators[0] as Form['indicators'][number];
      const level1 = sheet.getCell(header + 1, 2);
      expect(level1.isMerged || form.indicators.filter((x) => x.level1 === first.level1).length === 1).toBe(true);
      expect(level1.master.value).toBe(first.level1);
      const nameCell = sheet.getCell(header + 1, 4);
      expect(nameCell.border?.left?.style).toBe('thin');
      expect(nameCell.alignment?.wrapText).toBe(true);
      expect(sheet.getColumn(4).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
      expect(rowOf(sheet, '填表人：')).toBeGreaterThan(header + form.indicators.length);
    });
  });

  it('gives wrapped 年度总体目标 rows enough height for their text', () => {
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const row = rowOf(sheet, '年初设定目标') + 1;
    expect(sheet.getRow(row).height).toBeGreaterThan(60);
  });

  it('--scores adds 分值/得分 and the 总分 computed by jixiao, and that reads back too', async () => {
    const result = await exportForms(golden, 'xlsx', { scores: true, profile });
    writeFileSync(join(outputDir(), 'seed-scores.xlsx'), result.bytes);
    const scored = await loadBook(result.bytes);
    const sheet = scored.worksheets[0] as ExcelJS.Worksheet;
    const header = rowOf(sheet, '一级指标');
    const headers = (sheet.getRow(header).values as unknown[]).filter((v) => typeof v === 'string');
    expect(headers).toEqual(expect.arrayContaining(['分值', '得分']));
    const score = scoreForm(golden[0] as Form, profile);
    const totalRow = rowOf(sheet, '总分');
    expect(Number(sheet.getCell(totalRow, 2).value)).toBeCloseTo(score.total, 2);
    const imported = await importBytes(result.bytes, 'scores.xlsx');
    expect(imported.forms).toEqual(golden.map((f) => withComputedScores(f, scoreForm(f, profile))));
    expect(imported.forms[0]?.selfScore).toEqual({ total: round2(score.total), grade: score.grade });
  });

  it('round-trips a form with printed scores, 元, extras and blanks', async () => {
    const result = await importBytes((await exportForms([scoredForm], 'xlsx')).bytes, 'scored.xlsx');
    expect(result.forms).toEqual([scoredForm]);
  });

  it('writes an empty workbook that still opens (one blank sheet) for no forms', async () => {
    const result = await exportForms([], 'xlsx');
    expect((await loadBook(result.bytes)).worksheets).toHaveLength(1);
    const imported = await importBytes(result.bytes, 'empty.xlsx');
    expect(imported.forms).toEqual([]);
  });
});
