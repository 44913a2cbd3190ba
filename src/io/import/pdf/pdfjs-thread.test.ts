import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeLikePdfjs } from './extract-pdf-glyphs.js';
import { loadPdfjs, withPdfDocument } from './load-pdfjs.js';
import { textRunsOf } from './pdfjs-thread.js';
import { RULE_OPERATORS } from './rule-operators.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(process.cwd(), 'fixtures/pdf', name)));

describe('what the pdf.js thread sends', () => {
  it('packs text chunks, and they read as the runs pdf.js found', async () => {
    const chunks = await withPdfDocument(fixture('pingshan-justice-2020.pdf'), async (doc) => {
      const page = await doc.getPage(1);
      const out: unknown[] = [];
      for await (const chunk of page.streamTextContent() as unknown as AsyncIterable<unknown>) out.push(chunk);
      return out;
    });
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(chunk).toHaveProperty('packed.num', expect.any(Float64Array));
    const runs = chunks.flatMap(textRunsOf);
    const title = runs.find((r) => r.str === '附件2');
    expect(title).toBeDefined();
    // The first run of the Chromium print: 10 pt, near the top-left corner (PDF y grows upwards).
    expect(title?.d).toBeCloseTo(10, 0);
    expect(title?.e).toBeCloseTo(48.75, 1);
    expect(title?.f).toBeCloseTo(773.88, 1);
    expect(title?.width).toBeGreaterThan(20);
  });

  it('keeps only the operators read-page-rules.ts reads in operator lists', async () => {
    const { OPS } = await loadPdfjs();
    const kept = new Set<number>(RULE_OPERATORS.map((name) => OPS[name]));
    const fnArray = await withPdfDocument(fixture('pingshan-justice-2020.libreoffice.pdf'), async (doc) => {
      const page = await doc.getPage(1);
      return (await page.getOperatorList()).fnArray;
    });
    expect(fnArray).toContain(OPS.constructPath);
    expect(fnArray.filter((op) => !kept.has(op))).toEqual([]);
  });
});

describe('the shared pdf.js thread', () => {
  it('reads many documents at once without warnings (a server with a dozen uploads in flight)', () => {
    // In a child process: Node prints its listener warnings, from either thread, on stderr.
    const script = `
      import { readFileSync } from 'node:fs';
      import { importPdf } from './src/io/import/pdf/import-pdf.ts';
      const bytes = new Uint8Array(readFileSync('fixtures/pdf/borderless.pdf'));
      const results = await Promise.all(Array.from({ length: 14 }, () => importPdf(bytes, 'b.pdf')));
      console.log(results.map((r) => r.forms.length).join(','));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
    });
    expect(run.stdout.trim()).toBe(Array(14).fill('1').join(','));
    expect(run.stderr).not.toContain('MaxListenersExceededWarning');
  }, 60_000);
});

describe('textRunsOf', () => {
  it('reads pdf.js’ own text items when a chunk was not packed', () => {
    const chunk = {
      items: [
        { str: '项目名称', width: 40, height: 10, transform: [10, 0, 0, 10, 50, 700], dir: 'ltr', hasEOL: false },
        { type: 'beginMarkedContent' },
      ],
    };
    expect(textRunsOf(chunk)).toEqual([{ str: '项目名称', width: 40, height: 10, c: 0, d: 10, e: 50, f: 700 }]);
  });
});

describe('normalizeLikePdfjs', () => {
  it('maps what pdf.js’ normalizeUnicode maps and leaves CJK text alone', () => {
    expect(normalizeLikePdfjs('a\u00a0b\u2003c')).toBe('a b c');
    expect(normalizeLikePdfjs('\ufb01nance')).toBe('finance');
    expect(normalizeLikePdfjs('\ufb05')).toBe('ſt');
    expect(normalizeLikePdfjs('预算执行率（％）：１００')).toBe('预算执行率（％）：１００');
  });
});
