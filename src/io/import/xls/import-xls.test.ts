import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { longStrings, XLS_FAMILIES } from '../../../../scripts/fixtures/xls-fixtures.js';
import { gridReading } from '../../../../test/support/family-tables.js';
import { formSchema } from '../../../domain/form/form.schema.js';
import { findLostText } from '../grid/find-lost-text.js';
import type { Grid } from '../grid/grid.js';
import { gridToForms } from '../grid/grid-to-forms.js';
import type { ImportIssue } from '../import-result.js';
import { importBytes } from '../import-file.js';
import { sheetToGrid } from '../xlsx/sheet-to-grid.js';
import { BiffRecordReader } from './biff-records.js';
import { biffToExceljs } from './biff-to-exceljs.js';
import { importXls } from './import-xls.js';
import { readBiffWorkbook } from './read-biff-workbook.js';
import { readWorkbookStream } from './read-workbook-stream.js';
import { compoundFileLayout } from '../../../../test/support/compound-file.js';

const root = new URL('../../../../', import.meta.url);
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, root)));
const golden = formSchema
  .array()
  .parse(JSON.parse(readFileSync(new URL('fixtures/seed/pingshan-justice-2020.golden.json', root), 'utf8')));

/** The workbook stream of an .xls, read as the importer reads it. */
async function workbookStream(xls: Uint8Array): Promise<Uint8Array> {
  const stream = await readWorkbookStream(xls);
  if (!stream.ok || stream.value.bytes === null) throw new Error(`no workbook stream: ${JSON.stringify(stream)}`);
  return stream.value.bytes;
}

/** Each sheet of an .xls as the grid the importer reads, with the issues met on the way. */
async function xlsGrids(xls: Uint8Array): Promise<{ grids: Map<string, Grid>; issues: ImportIssue[] }> {
  const book = readBiffWorkbook(await workbookStream(xls));
  if (typeof book === 'string') throw new Error(book);
  const issues: ImportIssue[] = [];
  const grids = new Map(biffToExceljs(book).worksheets.map((s) => [s.name, sheetToGrid(s, 'x.xls', issues)]));
  return { grids, issues };
}

const texts = (grid: Grid | undefined): Record<string, string> =>
  Object.fromEntries((grid?.rows ?? []).flat().map((c) => [c.location.replace(/^.*!/, ''), c.text]));

// ---- BIFF records and compound files built byte by byte, for what LibreOffice does not write ----

const le16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number): number[] => [...le16(n & 0xffff), ...le16(n >>> 16)];
const record = (type: number, body: readonly number[]): number[] => [...le16(type), ...le16(body.length), ...body];
const f64 = (n: number): number[] => [...new Uint8Array(new Float64Array([n]).buffer)];

/** A compound file holding `stream` under `name`, written by cfb. */
function compoundFile(name: string, stream: Uint8Array): Uint8Array {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, name, stream);
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/**
 * An Excel 5/95 (BIFF5) workbook with Mac Excel's 1904 dates: code page 936 (GBK), one sheet `表一`
 * holding a GBK LABEL, a number formatted `0%` and a date formatted `yyyy"年"m"月"d"日"` by FORMAT
 * records of its own.
 */
function biff5Workbook(): Uint8Array {
  const gbk = {
    sheet: [0xb1, 0xed, 0xd2, 0xbb], // 表一
    label: [0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6], // 项目名称
    format: [...'0%'].map((c) => c.charCodeAt(0)),
    // yyyy"年"m"月"d"日"
    date: [0x79, 0x79, 0x79, 0x79, 0x22, 0xc4, 0xea, 0x22, 0x6d, 0x22, 0xd4, 0xc2, 0x22, 0x64, 0x22, 0xc8, 0xd5, 0x22],
  };
  const bof = (type: number): number[] => record(0x0809, [...le16(0x0500), ...le16(type), 0, 0, 0, 0]);
  const xf = (format: number): number[] =>
    record(0x00e0, [...le16(0), ...le16(format), ...new Array<number>(12).fill(0)]);
  const boundSheet = (offset: number): number[] =>
    record(0x0085, [...le32(offset), 0, 0, gbk.sheet.length, ...gbk.sheet]);
  const head = [
    ...bof(0x0005),
    ...record(0x0042, le16(936)),
    ...record(0x0022, le16(1)),
    ...record(0x041e, [...le16(200), gbk.format.length, ...gbk.format]),
    ...record(0x041e, [...le16(201), gbk.date.length, ...gbk.date]),
    ...xf(0),
    ...xf(200),
    ...xf(201),
  ];
  const globalsLength = head.length + boundSheet(0).length + record(0x000a, []).length;
  const globals = [...head, ...boundSheet(globalsLength), ...record(0x000a, [])];
  const sheet = [
    ...bof(0x0010),
    ...record(0x0204, [...le16(0), ...le16(0), ...le16(0), ...le16(gbk.label.length), ...gbk.label]),
    ...record(0x0203, [...le16(0), ...le16(1), ...le16(1), ...f64(0.95)]),
    // 2021-01-01 counted from 1904-01-01 (44197 from 1900).
    ...record(0x0203, [...le16(0), ...le16(2), ...le16(2), ...f64(42735)]),
    ...record(0x000a, []),
  ];
  return new Uint8Array([...globals, ...sheet]);
}

/** The seed's workbook stream with `extra` records inserted right after its first BOF. */
async function seedWithRecords(extra: readonly number[]): Promise<Uint8Array> {
  const stream = await workbookStream(fixture('fixtures/doc/pingshan-justice-2020.xls'));
  const bofEnd = 4 + (stream[2] ?? 0) + ((stream[3] ?? 0) << 8);
  return new Uint8Array([...stream.subarray(0, bofEnd), ...extra, ...stream.subarray(bofEnd)]);
}

/**
 * The seed .xls with its allocation table made to loop inside the Workbook stream's chain, entered
 * from an earlier sector, so that cfb meets the stream in get_sector_list, which follows the chain
 * without looking for a loop.
 */
function withLoopingWorkbookChain(xls: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(xls);
  const { view, sectorSize, fatEntry: entry } = compoundFileLayout(bytes);
  const sectors = Math.floor(bytes.length / sectorSize) - 1;
  const directory = view.getInt32(0x30, true);
  // The directory's entries (128 bytes each): find `Workbook` and the sector its stream starts at.
  const dirAt = (directory + 1) * sectorSize;
  let start = -1;
  for (let at = dirAt; at < dirAt + sectorSize; at += 128) {
    const name = new TextDecoder('utf-16le').decode(bytes.subarray(at, at + 16));
    if (name === 'Workbook') start = view.getInt32(at + 116, true);
  }
  if (start < 0) throw new Error('no Workbook entry in the first directory sector');
  // cfb walks chains from the directory's sector on, wrapping; an allocation-table or free sector met
  // before `start` is made to lead into the stream, so the stream's own start is never walked first.
  for (let i = 0; i < sectors; i += 1) {
    const k = (directory + i) % sectors;
    if (k === start) break;
    const next = view.getInt32(entry(k), true);
    if (next === -3 || next === -1) {
      view.setInt32(entry(k), start, true);
      view.setInt32(entry(start + 1), start, true);
      return bytes;
    }
  }
  throw new Error('no sector before the Workbook stream to lead into it');
}

describe('importXls (Excel 97-2003, WPS .et)', () => {
  it('imports the seed saved as .xls by LibreOffice exactly as the golden forms', async () => {
    const result = await importBytes(fixture('fixtures/doc/pingshan-justice-2020.xls'), 'seed.xls');
    expect(result.format).toBe('xls');
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual(golden);
  });

  it('imports the flat template saved as .xls exactly as the golden forms', async () => {
    const result = await importBytes(fixture('fixtures/xls/pingshan-justice-2020-flat.xls'), 'flat.et');
    expect(result.format).toBe('xls');
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual(golden);
  });

  it('loses no text of the seed sheets', async () => {
    const { grids } = await xlsGrids(fixture('fixtures/doc/pingshan-justice-2020.xls'));
    expect(grids.size).toBe(golden.length);
    for (const grid of grids.values()) expect(findLostText(grid, gridToForms(grid))).toEqual([]);
  });

  it('reads the template families, one per sheet, as their tables read as a page, losing nothing', async () => {
    const xls = fixture('fixtures/xls/families.xls');
    const result = await importXls(xls, 'families.xls');
    expect(result.forms).toEqual(Object.values(XLS_FAMILIES).flatMap(gridReading));
    const { grids } = await xlsGrids(xls);
    expect([...grids.keys()]).toEqual(Object.keys(XLS_FAMILIES));
    for (const grid of grids.values()) expect(findLostText(grid, gridToForms(grid))).toEqual([]);
  });

  it('shows numbers through their formats, formulas by their results, merges as spans', async () => {
    const { grids, issues } = await xlsGrids(fixture('fixtures/xls/cell-formats.xls'));
    const sheet = grids.get('格式');
    expect(texts(sheet)).toEqual({
      A1: '金额',
      B1: '1,234.50',
      C1: '合并',
      A2: '执行率',
      B2: '95%',
      A3: '比率',
      B3: '99.75%',
      A4: '日期',
      B4: '2021年1月1日',
      A5: '整数',
      B5: '42',
      A6: '小数',
      B6: '529.99',
      A7: '公式',
      B7: '2,469.00',
      A8: '文字公式',
      B8: '金额合计',
      A9: '布尔',
      B9: 'TRUE',
      A10: '错误',
      B10: '#DIV/0!',
      A11: '负数',
      B11: '-50.0%',
    });
    expect(sheet?.rows[0]?.find((c) => c.text === '合并')).toMatchObject({ rowSpan: 2, colSpan: 2 });
    expect(issues.map((i) => [i.code, i.raw])).toEqual([
      ['xlsx-value-rounded', '529.987'],
      ['xlsx-hidden-cells', '格式!F1: 隐藏列\n格式!A13: 隐藏行'],
    ]);
  });

  it('reads shared strings that run over CONTINUE records, one or two bytes a character', async () => {
    const xls = fixture('fixtures/xls/cell-formats.xls');
    const records = new BiffRecordReader(await workbookStream(xls));
    let sst = null;
    for (let r = records.next(); r !== null && sst === null; r = records.next()) if (r.type === 0x00fc) sst = r;
    // The table is split several times, so strings of both widths are cut at a CONTINUE.
    expect(sst?.parts.length).toBeGreaterThan(5);
    const { grids } = await xlsGrids(xls);
    const read = (grids.get('长文本')?.rows ?? []).map((row) => row[0]?.text);
    expect(read).toEqual(longStrings());
  });

  it('keeps a hidden sheet out of the forms and its text in an info issue', async () => {
    const result = await importXls(fixture('fixtures/xls/cell-formats.xls'), 'formats.xls');
    const hidden = result.issues.find((i) => i.code === 'xlsx-hidden-sheet');
    expect(hidden).toMatchObject({ severity: 'info', location: '隐藏', raw: '隐藏!A1: 隐藏的工作表' });
  });

  it('reads Excel 5/95 (BIFF5) strings in the code page of the file, and 1904 dates', async () => {
    const xls = compoundFile('Book', biff5Workbook());
    const { grids } = await xlsGrids(xls);
    expect(texts(grids.get('表一'))).toEqual({ A1: '项目名称', B1: '95%', C1: '2021年1月1日' });
    expect((await importBytes(xls, 'old.xls')).format).toBe('xls');
  });

  it('says an encrypted workbook needs its password removed', async () => {
    const filePass = record(0x002f, [...le16(1), ...new Array<number>(52).fill(0)]);
    const result = await importBytes(compoundFile('Workbook', await seedWithRecords(filePass)), 'locked.xls');
    expect(result.forms).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['xls-encrypted', 'error']]);
    expect(result.issues[0]?.message).toContain('密码');
  });

  it('bounds a merged range over the whole sheet', async () => {
    const merge = record(0x00e5, [...le16(1), ...le16(0), ...le16(0xffff), ...le16(0), ...le16(0xff)]);
    const stream = await workbookStream(fixture('fixtures/doc/pingshan-justice-2020.xls'));
    // Into the first sheet, right after its BOF: the sheet claims 65536 × 256 merged cells.
    const records = new BiffRecordReader(stream);
    let sheetBof = -1;
    for (let r = records.next(), n = 0; r !== null && sheetBof < 0; r = records.next())
      if (r.type === 0x0809 && (n += 1) === 2) sheetBof = r.offset;
    const bofEnd = sheetBof + 4 + (stream[sheetBof + 2] ?? 0);
    const patched = new Uint8Array([...stream.subarray(0, bofEnd), ...merge, ...stream.subarray(bofEnd)]);
    // The later sheets' BOUNDSHEET offsets now fall 14 bytes short of their BOFs: matched in order instead.
    const result = await importXls(compoundFile('Workbook', patched), 'huge.xls');
    expect(result.issues.map((i) => i.code)).toContain('too-many-cells');
    expect(result.forms.slice(1)).toEqual(golden.slice(1));
  });

  it('reports truncated, damaged and junk files without taking the process down', async () => {
    const xls = fixture('fixtures/doc/pingshan-justice-2020.xls');
    const half = await importBytes(xls.subarray(0, xls.length >> 1), 'half.xls');
    expect(half.forms).toEqual([]);
    // LibreOffice writes the directory last: half the file has no stream names left, so no Workbook.
    expect(half.issues.map((i) => [i.code, i.severity])).toEqual([['unsupported-format', 'error']]);

    const cut = await importXls(compoundFile('Workbook', (await workbookStream(xls)).subarray(0, 20_000)), 'cut.xls');
    expect(cut.issues[0]).toMatchObject({ code: 'xls-truncated', severity: 'error' });
    expect(cut.forms.length).toBeLessThan(golden.length);

    // The compound file signature, a Workbook name and pseudo-random bytes.
    let seed = 7;
    const junk = Uint8Array.from({ length: 8192 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    junk.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    junk.set(
      [...'Workbook\0'].flatMap((ch) => [ch.charCodeAt(0), 0]),
      4000,
    );
    const garbage = await importBytes(junk, 'junk.xls');
    expect(garbage.format).toBe('xls');
    expect(garbage.forms).toEqual([]);
    expect(garbage.issues.map((i) => i.severity)).toEqual(['error']);

    const noWorkbook = await importXls(compoundFile('Other', new Uint8Array(10)), 'other.xls');
    expect(noWorkbook.issues.map((i) => i.code)).toEqual(['xls-no-workbook']);

    // Given to cfb, the loop grows an array until V8 aborts the whole process, worker thread or not.
    const looping = await importXls(withLoopingWorkbookChain(xls), 'loop.xls');
    expect(looping.forms).toEqual([]);
    expect(looping.issues.map((i) => [i.code, i.severity, i.raw])).toEqual([
      ['xls-damaged', 'error', expect.stringMatching(/^FAT chain loops at sector \d+$/)],
    ]);
  }, 60_000);
});
