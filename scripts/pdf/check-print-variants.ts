/**
 * Robustness check of the PDF importer: prints the official-layout HTML with chromium at several
 * scales (so that page breaks fall in different places: through rows, through row-spanning
 * labels, between rows) and imports each PDF, comparing with the golden forms.
 *
 * Usage: node --import tsx scripts/pdf/check-print-variants.ts [scale …]   (default 0.7 … 1.8)
 * Exit code 1 when a variant does not import to the golden forms.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { importPdf } from '../../src/io/import/pdf/import-pdf.js';
import { launchChromium } from './print-html-to-pdf.js';

const root = resolve(import.meta.dirname, '../..');

async function main(argv: readonly string[]): Promise<number> {
  const scales = argv.length > 0 ? argv.map(Number) : [0.7, 0.9, 1.1, 1.2, 1.4, 1.6, 1.8];
  const golden: unknown = JSON.parse(
    readFileSync(join(root, 'fixtures/seed/pingshan-justice-2020.golden.json'), 'utf8'),
  );
  const work = mkdtempSync(join(tmpdir(), 'pdf-variants-'));
  let failed = 0;
  try {
    const browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(root, 'fixtures/html/pingshan-justice-2020.html')).href);
    for (const scale of scales) {
      await page.pdf({ path: join(work, `${scale}.pdf`), format: 'A4', scale });
    }
    await browser.close();
    for (const scale of scales) {
      const file = join(work, `${scale}.pdf`);
      const result = await importPdf(new Uint8Array(readFileSync(file)), file);
      const forms: unknown[] = JSON.parse(JSON.stringify(result.forms)) as unknown[];
      const expected = golden as unknown[];
      const equal = expected.filter((g, k) => isDeepStrictEqual(forms[k], g)).length;
      const ok = equal === expected.length && forms.length === expected.length;
      if (!ok) failed++;
      console.log(
        `scale ${scale}: ${equal}/${expected.length} forms equal to golden, ${result.issues.length} issues${ok ? '' : '  ← FAIL'}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
