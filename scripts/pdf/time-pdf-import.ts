/**
 * Times the PDF importer against `pdftotext -layout` on the same files, for a quick check while
 * bench/ (owned elsewhere) has the real benchmark. Reports the cold pdfjs load once, then per file
 * the median of warm runs, and whether the importer's text has every non-space character that
 * pdftotext found (a cross-check of the text layer).
 *
 * Usage: node --import tsx scripts/pdf/time-pdf-import.ts <file.pdf>… [--runs N]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extractPdfGlyphs } from '../../src/io/import/pdf/extract-pdf-glyphs.js';
import { importPdf } from '../../src/io/import/pdf/import-pdf.js';
import { loadPdfjs } from '../../src/io/import/pdf/load-pdfjs.js';
import { pdfPagesToText } from '../../src/io/import/pdf/pdf-text.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function time(run: () => unknown, runs: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/** Characters (without white space) that pdftotext has and we lack, as a count per character. */
function missing(ours: string, theirs: string): Map<string, number> {
  const count = new Map<string, number>();
  // NFKC on both sides, so that full-width and ASCII punctuation compare equal.
  for (const ch of ours.normalize('NFKC').replace(/\s/g, '')) count.set(ch, (count.get(ch) ?? 0) + 1);
  const lack = new Map<string, number>();
  for (const ch of theirs.normalize('NFKC').replace(/\s/g, '')) {
    const n = count.get(ch) ?? 0;
    if (n > 0) count.set(ch, n - 1);
    else lack.set(ch, (lack.get(ch) ?? 0) + 1);
  }
  return lack;
}

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : 5;
  const files = argv.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  const t0 = performance.now();
  await loadPdfjs();
  console.log(`cold pdfjs load (module + worker): ${(performance.now() - t0).toFixed(0)} ms`);
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    await importPdf(bytes, file); // warm-up
    const ours = await time(() => importPdf(bytes, file), runs);
    const theirs = await time(() => execFileSync('pdftotext', ['-layout', file, '-']), runs);
    const text = pdfPagesToText(await extractPdfGlyphs(bytes));
    const lack = missing(text, execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8'));
    console.log(
      `${file}: importPdf ${ours.toFixed(0)} ms, pdftotext -layout ${theirs.toFixed(0)} ms (×${(ours / theirs).toFixed(1)}); ` +
        `characters pdftotext has and we lack: ${lack.size === 0 ? 'none' : JSON.stringify([...lack])}`,
    );
  }
}

await main(process.argv.slice(2));
