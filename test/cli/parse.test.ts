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
