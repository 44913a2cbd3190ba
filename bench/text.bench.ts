import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TextImport from '../src/io/import/text/import-text.js';
import type * as Tokenize from '../src/io/import/text/tokenize-lines.js';
import { buildCli, buildDir } from './build.js';
import { repoRoot } from './form-pool.js';
import { bestOf, mb, perSecond, report } from './measure.js';

/**
 * importText over the seed text and every fixtures/real file, repeated to about `targetMb`, against a
 * plain read-and-split (lines, trimmed, empties dropped) of the same bytes. The importer is the
 * compiled one the CLI and server run: under tsx every function defined inside another is wrapped
 * for its name on each call, which made the importer ~25 % slower than what ships.
 *
 * Two lines in between show where the 5× budget goes: the same lines cut into cells at runs of white
 * space (the least any reader of a text table does), and the importer's first stage alone
 * (tokenizeLines: cells, pipe/tab/CSV rows, glued runs re-cut, host page markers dropped).
 */
export async function benchText(targetMb = 20): Promise<void> {
  buildCli();
  const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(buildDir, path)).href)) as T;
  const { importText } = await load<typeof TextImport>('io/import/text/import-text.js');
  const { tokenizeLines } = await load<typeof Tokenize>('io/import/text/tokenize-lines.js');
  const files = [join(repoRoot, 'fixtures/seed/pingshan-justice-2020.txt')].concat(
    readdirSync(join(repoRoot, 'fixtures/real'))
      .filter((n) => n.endsWith('.txt'))
      .sort()
      .map((n) => join(repoRoot, 'fixtures/real', n)),
  );
  const buffers = files.map((f) => readFileSync(f));
  const onePass = buffers.reduce((n, b) => n + b.length, 0);
  const passes = Math.max(1, Math.ceil((targetMb * 1024 * 1024) / onePass));
  const bytes = onePass * passes;

  const plain = await bestOf(3, () => {
    let lines = 0;
    for (let p = 0; p < passes; p += 1) {
      for (const b of buffers)
        lines += b
          .toString('utf8')
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '').length;
    }
    return lines;
  });
  const cells = await bestOf(3, () => {
    let n = 0;
    for (let p = 0; p < passes; p += 1) {
      for (const b of buffers)
        for (const line of b.toString('utf8').split('\n')) {
          const trimmed = line.trim();
          if (trimmed !== '') n += trimmed.split(/\s+/).length;
        }
    }
    return n;
  });
  const tokenized = await bestOf(3, () => {
    let lines = 0;
    for (let p = 0; p < passes; p += 1) for (const b of buffers) lines += tokenizeLines(b.toString('utf8')).length;
    return lines;
  });
  const imported = await bestOf(3, () => {
    let forms = 0;
    for (let p = 0; p < passes; p += 1) {
      buffers.forEach((b, i) => {
        forms += importText(b.toString('utf8'), files[i] as string).forms.length;
      });
    }
    return forms;
  });
  console.log(
    `# text: ${files.length} files (${(onePass / 1024).toFixed(1)} KB) × ${passes} passes = ${mb(bytes).toFixed(1)} MB`,
  );
  report('read + split lines', { 'MB/s': mb(bytes) / (plain.ms / 1000), ms: plain.ms });
  report('read + split cells', {
    'MB/s': mb(bytes) / (cells.ms / 1000),
    'times slower than split': cells.ms / plain.ms,
  });
  report('tokenizeLines only', {
    'MB/s': mb(bytes) / (tokenized.ms / 1000),
    'times slower than split': tokenized.ms / plain.ms,
  });
  report('importText', {
    'MB/s': mb(bytes) / (imported.ms / 1000),
    'forms/s': perSecond(imported.result, imported.ms),
    forms: imported.result,
    'times slower than split': imported.ms / plain.ms,
  });
}
