import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonOf, repoRoot, runCli, seedGolden, tempDir } from './run-cli.js';

interface ParsedFile {
  file: string;
  format: string | null;
  forms: { project: { name: string } }[];
  issues: { code: string; severity: string; raw: string | null }[];
}

describe('jixiao parse', () => {
  it('reports forms and issues per file as JSON and exits 0 when all parsed', async () => {
    const run = await runCli(['parse', seedGolden, '--json']);
    expect(run.code).toBe(0);
    const [file] = jsonOf<ParsedFile[]>(run);
    expect(file?.format).toBe('json');
    expect(file?.forms).toHaveLength(6);
    expect(file?.issues.every((i) => i.severity === 'info')).toBe(true);
  });

  it('walks a directory, keeps parsing past a bad file, and exits 1', async () => {
    const dir = tempDir();
    copyFileSync(seedGolden, join(dir, 'a-good.json'));
    writeFileSync(join(dir, 'b-bad.json'), '{"kind": ');
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, '.hidden', 'c.json'), '{');
    const run = await runCli(['parse', dir, '--json']);
    expect(run.code).toBe(1);
    const files = jsonOf<ParsedFile[]>(run);
    expect(files.map((f) => f.file)).toEqual([join(dir, 'a-good.json'), join(dir, 'b-bad.json')]);
    expect(files[0]?.forms).toHaveLength(6);
    expect(files[1]?.issues.map((i) => i.code)).toContain('json-syntax');
  });

  it('prints a table per file and writes the forms with -o', async () => {
    const dir = tempDir();
    const out = join(dir, 'forms.ndjson');
    const run = await runCli(['parse', seedGolden, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('表单');
    expect(run.stdout).toContain('pingshan-justice-2020.golden.json');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect((JSON.parse(lines[0]!) as { project: { name: string } }).project.name).toBe('社区矫正');
  });

  it('shows the text each warning is about, so that a person can find it in the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'form.txt');
    // The seed's first form with a sentence of page prose the importer cannot place.
    const seed = readFileSync(join(repoRoot, 'fixtures/seed/pingshan-justice-2020.txt'), 'utf8');
    const stray = '本页由某某网站整理发布，仅供参考学习使用'.repeat(4);
    writeFileSync(file, seed.replace('项目名称', `${stray}\n项目名称`));
    const json = jsonOf<ParsedFile[]>(await runCli(['parse', file, '--json']));
    const about = json[0]?.issues.find((i) => i.severity !== 'info' && i.raw?.includes('某某网站') === true);
    expect(about).toBeDefined();
    const table = (await runCli(['parse', file])).stdout;
    // Cut at 60 characters on one line, then wrapped by the table: its start is there whole.
    expect(table).toContain('原文：本页由某某网站整理发布');
    expect(table).toContain('…');
  });

  it('writes each file’s forms as soon as the files before it are done, in the order given', async () => {
    const dir = tempDir();
    // A PDF first: it takes longest, so the text files after it are done first and must wait for it.
    copyFileSync(join(repoRoot, 'fixtures/pdf/pingshan-justice-2020.libreoffice.pdf'), join(dir, 'a.pdf'));
    const names = ['b', 'c', 'd', 'e', 'f'].map((n) => join(dir, `${n}.txt`));
    const seedText = readFileSync(join(repoRoot, 'fixtures/seed/pingshan-justice-2020.txt'), 'utf8');
    // Each file's first project named apart, so that forms out of order would show.
    names.forEach((name, k) => writeFileSync(name, seedText.replaceAll('社区矫正', `社区矫正${k}`)));
    const out = join(dir, 'forms.json');
    const run = await runCli(['parse', dir, '--json', '-o', out]);
    const files = jsonOf<ParsedFile[]>(run);
    expect(files.map((f) => f.file)).toEqual([join(dir, 'a.pdf'), ...names]);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { project: { name: string } }[];
    expect(written.map((f) => f.project.name)).toEqual(files.flatMap((f) => f.forms.map((g) => g.project.name)));
    expect(written.filter((_, k) => k % 6 === 0).map((f) => f.project.name)).toEqual([
      '社区矫正',
      ...names.map((_, k) => `社区矫正${k}`),
    ]);
    expect(JSON.stringify(files, null, 2)).toBe(run.stdout.trimEnd());
  });

  it('exits 2 when no input exists', async () => {
    const run = await runCli(['parse', '/nonexistent/dir']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/nonexistent/dir');
  });
});

describe('CSV to a file', () => {
  it('starts with a UTF-8 BOM so that Excel reads the Chinese', async () => {
    const out = join(tempDir(), 'scores.csv');
    const run = await runCli(['score', seedGolden, '--csv', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('社区矫正');
  });
});
