import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SPREADSHEET_ML } from '../../../test/support/office-texts.js';
import { importBytes, importFile } from './import-file.js';

const root = new URL('../../../', import.meta.url);
const goldenPath = new URL('fixtures/seed/pingshan-justice-2020.golden.json', root).pathname;
const golden = readFileSync(goldenPath, 'utf8');
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const codes = (r: { issues: readonly { code: string }[] }): string[] => r.issues.map((i) => i.code);

/** The first golden form as JSON whose only non-ASCII text is its project name, in GBK bytes. */
function gbkForm(): Uint8Array {
  const form = (JSON.parse(golden) as { project: { name: string } }[])[0];
  const escaped = JSON.stringify({ ...form, project: { ...form?.project, name: '@NAME@' } }).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const [before, after] = escaped.split('@NAME@') as [string, string];
  // 社区矫正 in GBK
  return new Uint8Array([...bytes(before), 201, 231, 199, 248, 189, 195, 213, 253, ...bytes(after)]);
}

describe('importFile', () => {
  it('imports canonical JSON from disk and reports the encoding', async () => {
    const r = await importFile(goldenPath);
    expect(r.format).toBe('json');
    expect(r.forms).toHaveLength(6);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'text-encoding', severity: 'info' })]);
  });

  it('imports a PDF read from disk (a Node Buffer, as the CLI and uploads give) to the golden forms', async () => {
    const r = await importFile(new URL('fixtures/pdf/pingshan-justice-2020.pdf', root).pathname);
    expect(r.format).toBe('pdf');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.forms).toEqual(JSON.parse(golden));
  });

  it('turns a missing file and a directory into error issues', async () => {
    const missing = await importFile('/nonexistent/forms.pdf');
    expect(missing.forms).toEqual([]);
    expect(missing.issues[0]).toMatchObject({
      code: 'unreadable-file',
      severity: 'error',
      file: '/nonexistent/forms.pdf',
    });
    expect(codes(await importFile(tmpdir()))).toEqual(['is-directory']);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-'));
    const path = join(dir, 'big.json');
    writeFileSync(path, golden);
    const r = await importFile(path, { maxBytes: 1000 });
    expect(codes(r)).toEqual(['file-too-large']);
    expect(r.issues[0]?.severity).toBe('error');
  });
});

describe('importBytes', () => {
  it('decodes GBK JSON and says so', async () => {
    const r = await importBytes(gbkForm(), 'gbk.json');
    expect(r.format).toBe('json');
    expect(r.forms.map((f) => f.project.name)).toEqual(['社区矫正']);
    expect(r.issues[0]).toMatchObject({ code: 'text-encoding', severity: 'info' });
    expect(r.issues[0]?.message).toContain('GB18030');
  });

  it('routes NDJSON by content and names the bad line', async () => {
    const forms = JSON.parse(golden) as unknown[];
    const text = `${JSON.stringify(forms[0])}\n${JSON.stringify(forms[1])}\n{oops}\n`;
    const r = await importBytes(bytes(text), 'stream.dat');
    expect(r.format).toBe('ndjson');
    expect(r.forms).toHaveLength(2);
    expect(r.issues.find((i) => i.code === 'json-syntax')?.location).toContain('line 3');
  });

  it('refuses empty input, legacy Office, unknown zips and binary junk with error issues', async () => {
    expect(codes(await importBytes(new Uint8Array(), 'empty.txt'))).toEqual(['empty-file']);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await importBytes(ole, 'old.xls')).toMatchObject({ format: 'ole', forms: [] });
    expect(codes(await importBytes(zipSync({ 'a.txt': bytes('x') }), 'a.zip'))).toEqual(['unsupported-format']);
    // OFD: a zip holding OFD.xml, told apart so that the message says how to get a PDF of it.
    const ofd = await importBytes(
      zipSync({ 'OFD.xml': bytes('<ofd:OFD/>'), Doc_0: { 'Document.xml': bytes('<x/>') } }),
      'a.ofd',
    );
    expect(ofd.format).toBe('ofd');
    expect(ofd.issues).toEqual([expect.objectContaining({ code: 'unsupported-format', severity: 'error' })]);
    expect(ofd.issues[0]?.message).toContain('PDF');
    const xml = await importBytes(bytes(SPREADSHEET_ML), 'export.xls');
    expect(xml).toMatchObject({ format: 'spreadsheetml', forms: [] });
    expect(codes(xml)).toEqual(['unsupported-format']);
    expect(xml.issues[0]?.message).toContain('.xlsx');
    const junk = new Uint8Array(64).map((_, i) => (i % 3 === 0 ? 0 : 0x41));
    expect(codes(await importBytes(junk, 'junk.bin'))).toContain('unsupported-format');
  });

  it('turns an importer that throws into an error issue instead of a crash', async () => {
    const pdf = bytes('%PDF-1.4\n%broken');
    const r = await importBytes(pdf, 'broken.pdf', {
      importers: {
        pdf: () => Promise.reject(new Error('boom')),
      },
    });
    expect(r.format).toBe('pdf');
    expect(r.forms).toEqual([]);
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'importer-crashed', severity: 'error', file: 'broken.pdf' }),
    ]);
    expect(r.issues[0]?.message).toContain('boom');
  });

  it('dispatches a docx-looking zip to the docx importer and plain text to the text importer', async () => {
    const seen: string[] = [];
    const docx = zipSync({ '[Content_Types].xml': bytes('<x/>'), 'word/document.xml': bytes('<w:document/>') });
    const importers = {
      docx: async (_b: Uint8Array, file: string) => (seen.push(`docx:${file}`), { forms: [], issues: [] }),
      text: (text: string, file: string) => (seen.push(`text:${file}:${text.slice(0, 4)}`), { forms: [], issues: [] }),
    };
    expect((await importBytes(docx, 'report.pdf', { importers })).format).toBe('docx');
    expect((await importBytes(bytes('项目支出绩效自评表'), 'a.txt', { importers })).format).toBe('text');
    expect(seen).toEqual(['docx:report.pdf', 'text:a.txt:项目支出']);
  });
});
