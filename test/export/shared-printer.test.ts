import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedPdfPrinter, exportForms } from '../../src/io/export/index.js';
import { importBytes } from '../../src/io/import/import-file.js';
import { goldenForms } from './export-forms.js';

describe('exportForms(…, "pdf") without a printer (the server path)', () => {
  afterAll(closeSharedPdfPrinter);

  it('prints concurrent single-form requests with one shared browser, each reading back to its form', async () => {
    const golden = goldenForms().slice(0, 3);
    const results = await Promise.all(golden.map((form) => exportForms([form], 'pdf')));
    for (const [i, result] of results.entries()) {
      expect(result.fileName).toBe(`${golden[i]?.project.name}（${golden[i]?.year}年度）自评表.pdf`);
      expect((await importBytes(result.bytes, result.fileName)).forms).toEqual([golden[i]]);
    }
    await closeSharedPdfPrinter();
    // After closing, the next export starts a new browser.
    const again = await exportForms(golden.slice(0, 1), 'pdf');
    expect(new TextDecoder().decode(again.bytes.subarray(0, 5))).toBe('%PDF-');
  }, 120_000);
});
