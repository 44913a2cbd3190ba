import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../import-result.js';
import { importPdf, MAX_PDF_PAGES } from './import-pdf.js';
import { ruledTableContent, writeSimplePdf } from './write-simple-pdf.js';

const root = process.cwd();
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(root, 'fixtures/pdf', name)));
const codes = (r: ImportResult): string[] => r.issues.filter((i) => i.severity === 'error').map((i) => i.code);

const blankPdf = (count: number): Uint8Array => writeSimplePdf(Array.from({ length: count }, () => ({ content: '' })));

describe('importPdf', () => {
  it('imports the six seed forms printed by chromium exactly as the golden file', async () => {
    const golden: unknown = JSON.parse(
      readFileSync(join(root, 'fixtures/seed/pingshan-justice-2020.golden.json'), 'utf8'),
    );
    const result = await importPdf(fixture('pingshan-justice-2020.pdf'), 'pingshan-justice-2020.pdf');
    expect(codes(result)).toEqual([]);
    expect(JSON.parse(JSON.stringify(result.forms))).toEqual(golden);
  });

  it('imports the seed printed with a seal and a signature image under each form as the golden file', async () => {
    // The images are left out (not decoded); the pages carry text, so none is taken for a scan.
    const golden: unknown = JSON.parse(
      readFileSync(join(root, 'fixtures/seed/pingshan-justice-2020.golden.json'), 'utf8'),
    );
    const result = await importPdf(fixture('pingshan-justice-2020.sealed.pdf'), 'sealed.pdf');
    expect(result.issues).toEqual([]);
    expect(JSON.parse(JSON.stringify(result.forms))).toEqual(golden);
  });

  it('imports the same forms printed by LibreOffice (stroked borders, rows split by page breaks) as the golden file', async () => {
    const golden: unknown = JSON.parse(
      readFileSync(join(root, 'fixtures/seed/pingshan-justice-2020.golden.json'), 'utf8'),
    );
    const result = await importPdf(fixture('pingshan-justice-2020.libreoffice.pdf'), 'lo.pdf');
    expect(codes(result)).toEqual([]);
    expect(JSON.parse(JSON.stringify(result.forms))).toEqual(golden);
  });

  it('says a text layer without Unicode mapping is junk, not only that no form was found', async () => {
    // The LibreOffice print with its fonts' ToUnicode maps renamed away (same length, offsets intact):
    // pdf.js then reads glyph codes as Latin letters and symbols, as viewers copy them.
    const lo = fixture('pingshan-justice-2020.libreoffice.pdf');
    const name = new TextEncoder().encode('/ToUnicode');
    const unmapped = lo.slice();
    let renamed = 0;
    for (let at = unmapped.indexOf(name[0] ?? 0); at !== -1; at = unmapped.indexOf(name[0] ?? 0, at + 1)) {
      if (name.every((b, i) => unmapped[at + i] === b)) {
        unmapped[at + name.length - 1] = 0x78; // /ToUnicodx
        renamed += 1;
      }
    }
    expect(renamed).toBeGreaterThan(0);
    const result = await importPdf(unmapped, 'unmapped.pdf');
    expect(result.forms).toEqual([]);
    expect(codes(result)).toContain('pdf-text-unmapped');
    expect(codes(await importPdf(fixture('borderless.pdf'), 'b.pdf'))).not.toContain('pdf-text-unmapped');
  });

  it('does not detach or change the bytes it is given', async () => {
    const bytes = fixture('dev-table.pdf');
    const copy = bytes.slice();
    await importPdf(bytes, 'dev-table.pdf');
    expect(bytes).toEqual(copy);
  });

  it('reads a ruled table it finds no form in as text, as the text importer would, and says so', async () => {
    // dev-table.pdf: an indicator table with no funding rows; the grid mapper needs a whole form.
    const result = await importPdf(fixture('dev-table.pdf'), 'dev-table.pdf');
    expect(result.issues[0]?.code).toBe('pdf-table-read-as-text');
    expect(result.forms).toHaveLength(1);
    expect(result.forms[0]?.indicators.length).toBeGreaterThan(0);
    expect(result.issues.map((i) => i.code)).toContain('funding-missing');
  });

  it('asks for OCR when the PDF has no text layer (scanned)', async () => {
    const result = await importPdf(fixture('scanned-like.pdf'), 'scan.pdf');
    expect(result.forms).toEqual([]);
    expect(codes(result)).toEqual(['pdf-no-text']);
    expect(result.issues[0]?.message).toContain('scan.pdf');
    expect(result.issues[0]?.message).toContain('OCR');
  });

  it('refuses bytes that are not a PDF', async () => {
    const result = await importPdf(new TextEncoder().encode('项目名称 社区矫正\n'), 'a.pdf');
    expect(result.forms).toEqual([]);
    expect(codes(result)).toEqual(['pdf-not-pdf']);
  });

  it('refuses an empty file', async () => {
    expect(codes(await importPdf(new Uint8Array(0), 'empty.pdf'))).toEqual(['pdf-not-pdf']);
  });

  it('reports a truncated PDF as an error', async () => {
    const whole = fixture('pingshan-justice-2020.pdf');
    for (const fraction of [0.05, 0.4, 0.9]) {
      const result = await importPdf(whole.slice(0, Math.floor(whole.length * fraction)), 'cut.pdf');
      expect(codes(result)[0]).toBe('pdf-truncated');
    }
  });

  it('reports a corrupt PDF as unreadable', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('%PDF-1.7\n'),
      ...garbage,
      ...new TextEncoder().encode('\n%%EOF\n'),
    ]);
    const result = await importPdf(bytes, 'bad.pdf');
    expect(result.forms).toEqual([]);
    expect(codes(result)).toEqual(['pdf-unreadable']);
  });

  it('reports an encrypted PDF (LibreOffice, open password) as encrypted', async () => {
    const result = await importPdf(fixture('encrypted.pdf'), 'secret.pdf');
    expect(result.forms).toEqual([]);
    expect(codes(result)).toEqual(['pdf-encrypted']);
    expect(result.issues[0]?.message).toContain('密码');
  });

  it(`refuses more than ${MAX_PDF_PAGES} pages without reading them`, async () => {
    const result = await importPdf(blankPdf(MAX_PDF_PAGES + 1), 'huge.pdf');
    expect(result.forms).toEqual([]);
    expect(codes(result)).toEqual(['pdf-too-many-pages']);
  });

  it('falls back to reading text, with a warning, when the table has no drawn lines', async () => {
    const result = await importPdf(fixture('borderless.pdf'), 'borderless.pdf');
    expect(result.issues.map((i) => i.code)).toContain('pdf-no-ruled-table');
    expect(codes(result)).not.toContain('pdf-unreadable');
  });

  it('warns about a scanned page among pages with text', async () => {
    const table = ruledTableContent([50, 200, 400], [50, 70], ['Name', 'Alpha'], 842);
    const image = 'q 200 0 0 200 50 500 cm BI /W 1 /H 1 /CS /G /BPC 8 ID A EI Q';
    const result = await importPdf(writeSimplePdf([{ content: table }, { content: image }]), 'mixed.pdf');
    const warning = result.issues.find((i) => i.code === 'pdf-page-no-text');
    expect(warning?.location).toBe('第2页');
    expect(warning?.message).toContain('OCR');
  });

  it('reports a PDF with pages but no text at all as needing OCR', async () => {
    const result = await importPdf(blankPdf(2), 'blank.pdf');
    expect(codes(result)).toEqual(['pdf-no-text']);
  });
});
