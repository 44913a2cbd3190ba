import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfImport from '../src/io/import/pdf/import-pdf.js';
import type * as TextImport from '../src/io/import/text/import-text.js';
import { buildCli, buildDir } from './build.js';
import { repoRoot } from './form-pool.js';
import { bestOf, perSecond, report } from './measure.js';

const pages = (file: string): number =>
  Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1] ?? 0);

/**
 * PDF import (pdf.js text layer + ruling lines → grid → forms) against `pdftotext -layout` (poppler,
 * a separate process) + importText on the same file. Files pdfinfo cannot read (encrypted) are skipped.
 * Both importers are the compiled ones the CLI and server run (see text.bench.ts: under tsx every
 * nested function is wrapped for its name on each call).
 */
export async function benchPdf(runs = 3): Promise<void> {
  buildCli();
  const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(buildDir, path)).href)) as T;
  const { importPdf } = await load<typeof PdfImport>('io/import/pdf/import-pdf.js');
  const { importText } = await load<typeof TextImport>('io/import/text/import-text.js');
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
    if (theirs) {
      report(`pdftotext+importText ${name}`, {
        pages: n,
        'pages/s': perSecond(n, theirs.ms),
        forms: theirs.result.forms.length,
        ms: theirs.ms,
      });
    }
  }
}
