import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type * as PdfImport from '../src/io/import/pdf/import-pdf.js';
import type * as LoadPdfjs from '../src/io/import/pdf/load-pdfjs.js';
import type * as TextImport from '../src/io/import/text/import-text.js';
import { buildCli, buildDir } from './build.js';
import { repoRoot } from './form-pool.js';
import { bestOf, perSecond, report, timed } from './measure.js';

const pages = (file: string): number =>
  Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1] ?? 0);

/**
 * PDF import (pdf.js text layer + ruling lines → grid → forms) against `pdftotext -layout` (poppler,
 * a separate process) + importText on the same file. Files pdfinfo cannot read (encrypted) are skipped.
 * A third line per file is the floor the choice of reader sets: pdf.js reading the text layer
 * of every page (getTextContent, in the importer's own pdf.js thread and options), with no ruling
 * lines, no table rebuild and no forms. Where that floor alone is slower than pdftotext + importText,
 * no importer built on pdf.js can meet the goal on that file.
 * Both importers are the compiled ones the CLI and server run (see text.bench.ts: under tsx every
 * nested function is wrapped for its name on each call).
 */
export async function benchPdf(runs = 3): Promise<void> {
  buildCli();
  const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(buildDir, path)).href)) as T;
  const { importPdf } = await load<typeof PdfImport>('io/import/pdf/import-pdf.js');
  const { importText } = await load<typeof TextImport>('io/import/text/import-text.js');
  const { withPdfDocument } = await load<typeof LoadPdfjs>('io/import/pdf/load-pdfjs.js');
  const textLayerOnly = (bytes: Uint8Array): Promise<number> =>
    withPdfDocument(bytes, async (doc) => {
      let runs = 0;
      for (let p = 1; p <= doc.numPages; p += 1) runs += (await (await doc.getPage(p)).getTextContent()).items.length;
      return runs;
    });
  const dir = join(repoRoot, 'fixtures/pdf');
  if (!existsSync('/usr/bin/pdftotext'))
    console.log('# pdf: pdftotext (poppler-utils) is missing; only importPdf is measured');
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.pdf'))
    .sort()
    .map((n) => join(dir, n))
    .filter((f) => pages(f) > 0);
  console.log(`# pdf: best of ${runs} runs per file`);
  for (const file of files) {
    const n = pages(file);
    const bytes = new Uint8Array(readFileSync(file));
    const ours = await bestOf(runs, () => importPdf(bytes, file));
    const floor = await bestOf(runs, () => textLayerOnly(bytes));
    const theirs = existsSync('/usr/bin/pdftotext')
      ? await bestOf(runs, () => {
          const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
            encoding: 'utf8',
            maxBuffer: 1 << 28,
          }).stdout;
          return importText(text, file);
        })
      : null;
    const name = file.slice(dir.length + 1);
    report(`importPdf ${name}`, {
      pages: n,
      'pages/s': perSecond(n, ours.ms),
      forms: ours.result.forms.length,
      ms: ours.ms,
    });
    report(`pdf.js text layer only ${name}`, { pages: n, 'pages/s': perSecond(n, floor.ms), ms: floor.ms });
    if (theirs) {
      report(`pdftotext+importText ${name}`, {
        pages: n,
        'pages/s': perSecond(n, theirs.ms),
        forms: theirs.result.forms.length,
        ms: theirs.ms,
      });
    }
  }
  await benchPdfBulk(files, importPdf, importText);
}

/** Files in flight in the bulk run: as `jixiao parse` reads a folder (FILES_IN_FLIGHT in cli/commands/parse.ts). */
const IN_FLIGHT = 4;

/** Runs `work` over `items`, `IN_FLIGHT` at a time. */
async function inFlight<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

/**
 * A folder's worth: every fixture PDF (families included) four times, IN_FLIGHT files at a time,
 * against pdftotext + importText with as many pdftotext processes at a time: pdf.js parses in one
 * thread (pdfjs-thread.ts) while the main thread rebuilds tables, against processes on every core.
 */
async function benchPdfBulk(
  single: readonly string[],
  importPdf: typeof PdfImport.importPdf,
  importText: typeof TextImport.importText,
): Promise<void> {
  const families = join(repoRoot, 'fixtures/pdf/families');
  const files = [
    ...single,
    ...readdirSync(families)
      .filter((n) => n.endsWith('.pdf'))
      .sort()
      .map((n) => join(families, n))
      .filter((f) => pages(f) > 0),
  ];
  const batch = [...files, ...files, ...files, ...files];
  const totalPages = batch.reduce((n, f) => n + pages(f), 0);
  const bytes = new Map(files.map((f) => [f, new Uint8Array(readFileSync(f))]));
  const ours = await timed(() => inFlight(batch, (f) => importPdf(bytes.get(f) ?? new Uint8Array(), f)));
  report(`importPdf bulk ×4 (${IN_FLIGHT} in flight)`, {
    files: batch.length,
    pages: totalPages,
    'pages/s': perSecond(totalPages, ours.ms),
    ms: ours.ms,
  });
  if (!existsSync('/usr/bin/pdftotext')) return;
  const run = promisify(execFile);
  const theirs = await timed(() =>
    inFlight(batch, async (f) => {
      const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', f, '-'], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      return importText(stdout, f);
    }),
  );
  report(`pdftotext+importText bulk ×4`, {
    files: batch.length,
    pages: totalPages,
    'pages/s': perSecond(totalPages, theirs.ms),
    ms: theirs.ms,
  });
}
