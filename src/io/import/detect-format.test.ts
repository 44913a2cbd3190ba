import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MHTML, SPREADSHEET_ML } from '../../../test/support/office-texts.js';
import { classifyText, detectBinaryFormat } from './detect-format.js';
import { importBytes } from './import-file.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const zip = (names: string[]): Uint8Array => zipSync(Object.fromEntries(names.map((n) => [n, bytes('<x/>')])));

describe('detectBinaryFormat', () => {
  it('finds a PDF by its signature, even after leading junk', () => {
    expect(detectBinaryFormat(bytes('%PDF-1.7\n%âãÏÓ'))).toBe('pdf');
    expect(detectBinaryFormat(bytes('\r\n\r\n%PDF-1.4'))).toBe('pdf');
  });

  it('tells docx, xlsx and other zips apart by their entries', () => {
    expect(detectBinaryFormat(zip(['[Content_Types].xml', 'word/document.xml']))).toBe('docx');
    expect(detectBinaryFormat(zip(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']))).toBe(
      'xlsx',
    );
    expect(detectBinaryFormat(zip(['readme.txt']))).toBe('zip');
  });

  it('calls a broken zip a zip rather than throwing', () => {
    expect(detectBinaryFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('zip');
  });

  it('sends a .docx or .xlsx cut short to its importer, which says it is damaged, not to be unpacked', async () => {
    const cut = (z: Uint8Array): Uint8Array => z.subarray(0, z.length - 30);
    const docx = cut(zip(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const xlsx = cut(zip(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
    expect(detectBinaryFormat(docx)).toBe('docx');
    expect(detectBinaryFormat(xlsx)).toBe('xlsx');
    expect(detectBinaryFormat(cut(zip(['readme.txt', 'data.csv'])))).toBe('zip');
    const result = await importBytes(docx, 'cut.docx');
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['docx-corrupt', 'error']]);
    expect(result.issues[0]?.message).toContain('已损坏或不完整');
  });

  it('recognises legacy Office files, Word 97-2003 by its WordDocument stream', () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
    expect(detectBinaryFormat(new Uint8Array(ole))).toBe('ole');
    const name = [...'WordDocument\0'].flatMap((ch) => [ch.charCodeAt(0), 0]);
    expect(detectBinaryFormat(new Uint8Array([...ole, 7, 7, ...name, 0]))).toBe('doc');
    // The name without its NUL ends another name (`WordDocumentX`), not this stream.
    expect(detectBinaryFormat(new Uint8Array([...ole, ...name.slice(0, -2), 88, 0]))).toBe('ole');
  });

  it('recognises Excel 97-2003 and WPS .et by a Workbook (BIFF8) or Book (Excel 5/95) stream, Word first', () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
    const utf16 = (name: string): number[] => [...`${name}\0`].flatMap((ch) => [ch.charCodeAt(0), 0]);
    expect(detectBinaryFormat(new Uint8Array([...ole, ...utf16('Workbook')]))).toBe('xls');
    expect(detectBinaryFormat(new Uint8Array([...ole, ...utf16('Book')]))).toBe('xls');
    // A Word file with a pasted Excel table holds that table's Workbook stream too.
    expect(detectBinaryFormat(new Uint8Array([...ole, ...utf16('Workbook'), ...utf16('WordDocument')]))).toBe('doc');
    expect(detectBinaryFormat(new Uint8Array([...ole, ...utf16('PowerPoint Document')]))).toBe('ole');
  });

  it('leaves everything else to text decoding', () => {
    expect(detectBinaryFormat(bytes('项目支出绩效自评表'))).toBe('text-like');
    expect(detectBinaryFormat(bytes('{"kind":"project-self-evaluation"}'))).toBe('text-like');
  });
});

describe('classifyText', () => {
  it('uses the extension for NDJSON', () => {
    expect(classifyText('{"a":1}', 'forms.ndjson')).toBe('ndjson');
    expect(classifyText('{"a":1}', 'FORMS.JSONL')).toBe('ndjson');
  });

  it('recognises Office text formats no importer reads: Excel 2003 XML and single-file web pages', () => {
    expect(classifyText(SPREADSHEET_ML, 'export.xls')).toBe('spreadsheetml');
    const plainXml = '<?xml version="1.0" encoding="UTF-8"?>\n<forms><form>项目名称</form></forms>';
    expect(classifyText(plainXml, 'forms.xml')).toBe('text');
    expect(classifyText(MHTML, 'page.mht')).toBe('mhtml');
    expect(classifyText('MIME-Version is a mail header\n项目名称 社区矫正', 'notes.txt')).toBe('text');
  });

  it('reads content when the extension says nothing', () => {
    expect(classifyText('  [{"a":1}]', 'x.txt')).toBe('json');
    expect(classifyText('{"a":1}\n{"a":2}\n', 'x.dat')).toBe('ndjson');
    expect(classifyText('{\n  "a": 1\n}\n', 'x.dat')).toBe('json');
    expect(classifyText('{"a":1}\n', 'x.dat')).toBe('json');
    expect(classifyText('项目支出绩效自评表\n（2020年度）', 'x.json')).toBe('text');
  });

  it('treats an empty .json as JSON so that the error says so', () => {
    expect(classifyText('  \n', 'empty.json')).toBe('json');
    expect(classifyText('', 'empty.txt')).toBe('text');
  });
});
