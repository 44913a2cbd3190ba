import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinProfiles, scoreForm, type Form } from '../../src/domain/index.js';
import { round2 } from '../../src/domain/report/index.js';
import { exportForms, openPdfPrinter, type PdfPrinter } from '../../src/io/export/index.js';
import { withComputedScores } from '../../src/io/export/layout/with-computed-scores.js';
import { importBytes } from '../../src/io/import/import-file.js';
import { goldenForms, outputDir } from './export-forms.js';
import { pdfPages, pdfText, printedIn, renderPages } from './pdf-text.js';

const profile = builtinProfiles['central-2020'];
if (profile === undefined) throw new Error('central-2020 missing');

describe('exportForms(…, "pdf"): the official form printed by chromium', () => {
  const golden = goldenForms();
  const dir = outputDir();
  const seedPdf = join(dir, 'seed.pdf');
  const scoresPdf = join(dir, 'seed-scores.pdf');
  let printer: PdfPrinter;
  let bytes: Uint8Array;
  let text: string;

  beforeAll(async () => {
    printer = await openPdfPrinter();
    const result = await exportForms(golden, 'pdf', { printer });
    expect(result.contentType).toBe('application/pdf');
    bytes = result.bytes;
    writeFileSync(seedPdf, bytes);
    writeFileSync(scoresPdf, (await exportForms(golden, 'pdf', { printer, scores: true, profile })).bytes);
    text = pdfText(seedPdf);
  }, 120_000);
  afterAll(async () => printer?.close());

  it('reads back through the import dispatcher exactly as the golden forms', async () => {
    const result = await importBytes(bytes, 'export.pdf');
    expect(result.format).toBe('pdf');
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(result.forms).toEqual(golden);
  }, 60_000);

  it('prints every title, indicator name, target and actual as text (pdftotext)', () => {
    expect(printedIn(text, '没有这个指标名称')).toBe(false);
    for (const form of golden) {
      expect(printedIn(text, form.title), form.title).toBe(true);
      expect(printedIn(text, `（${form.year}年度）`)).toBe(true);
      for (const i of form.indicators) {
        for (const value of [i.name, i.target, i.actual]) {
          if (value !== null) expect(printedIn(text, value), `${form.project.name} / ${i.name}: ${value}`).toBe(true);
        }
      }
    }
  });

  it('starts every form on a new page and renders each page to PNG (test-output/export/)', () => {
    const pages = pdfPages(seedPdf);
    expect(pages).toBeGreaterThanOrEqual(golden.length);
    const images = renderPages(seedPdf, 'seed-page');
    expect(images).toHaveLength(pages);
    for (const image of images) expect(statSync(image).size).toBeGreaterThan(5_000);
    renderPages(scoresPdf, 'seed-scores-page');
    // Each form opens a page: the first line of some page is its title.
    const firstLines = Array.from({ length: pages }, (_, p) => {
      const page = execFileSync('pdftotext', ['-f', String(p + 1), '-l', String(p + 1), seedPdf, '-'], {
        encoding: 'utf8',
      });
      return page.trim().split('\n')[0];
    });
    for (const form of golden) expect(firstLines).toContain(form.title);
  });

  it('--scores prints 分值/得分 and the total jixiao computes, and that reads back too', async () => {
    const imported = await importBytes(new Uint8Array(readFileSync(scoresPdf)), 'scores.pdf');
    expect(imported.forms).toEqual(golden.map((f) => withComputedScores(f, scoreForm(f, profile))));
    const scored = pdfText(scoresPdf);
    const score = scoreForm(golden[0] as Form, profile);
    expect(scored).toContain('总分');
    expect(scored).toContain('评价等级');
    expect(printedIn(scored, String(round2(score.total)))).toBe(true);
    expect(scored).toContain(score.grade);
  });
});
