import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvToForms, datapackageToForms } from '../../src/io/export/index.js';
import { importFile } from '../../src/io/import/import-file.js';
import { runCli, seedGolden, tempDir } from '../cli/run-cli.js';
import { goldenForms } from './export-forms.js';

const golden = goldenForms();

describe('jixiao export', () => {
  it('--to csv writes a CSV that reads back equal', async () => {
    const out = join(tempDir(), 'forms.csv');
    const run = await runCli(['export', seedGolden, '--to', 'csv', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('已导出 6 张表');
    expect(csvToForms(readFileSync(out, 'utf8'))).toEqual(golden);
  });

  it('--to xlsx from a document (the seed .xlsx) writes a workbook that jixiao parse reads back equal', async () => {
    const out = join(tempDir(), 'forms.xlsx');
    const run = await runCli([
      'export',
      join(process.cwd(), 'fixtures/xlsx/pingshan-justice-2020.xlsx'),
      '--to',
      'xlsx',
      '-o',
      out,
    ]);
    expect(run.code).toBe(0);
    expect((await importFile(out)).forms).toEqual(golden);
  });

  it('--to datapackage writes a directory, or a .zip when the path ends in .zip', async () => {
    const dir = join(tempDir(), 'package');
    expect((await runCli(['export', seedGolden, '--to', 'datapackage', '-o', dir])).code).toBe(0);
    const files = Object.fromEntries(readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
    expect(Object.keys(files)).toContain('datapackage.json');
    expect(datapackageToForms(files)).toEqual(golden);
    const zip = join(tempDir(), 'package.zip');
    expect((await runCli(['export', seedGolden, '--to', 'datapackage', '-o', zip])).code).toBe(0);
    expect([...readFileSync(zip).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('--to summary writes the department workbook; --to pdf a PDF', async () => {
    const dir = tempDir();
    expect((await runCli(['export', seedGolden, '--to', 'summary', '-o', join(dir, 's.xlsx')])).code).toBe(0);
    expect([...readFileSync(join(dir, 's.xlsx')).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const pdf = await runCli(['export', seedGolden, '--to', 'pdf', '--scores', '-o', join(dir, 'f.pdf')]);
    expect(pdf.code).toBe(0);
    expect(readFileSync(join(dir, 'f.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('refuses an unknown format, a missing -o and inputs without forms (exit 2)', async () => {
    expect((await runCli(['export', seedGolden, '--to', 'docx', '-o', '/tmp/x'])).code).toBe(2);
    expect((await runCli(['export', seedGolden, '--to', 'csv'])).code).toBe(2);
    const empty = join(tempDir(), 'empty.json');
    writeFileSync(empty, '[]');
    const run = await runCli(['export', empty, '--to', 'csv', '-o', join(tempDir(), 'x.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有任何表单');
  });

  it('says in Chinese when the output cannot be written', async () => {
    const run = await runCli(['export', seedGolden, '--to', 'json', '-o', '/nonexistent-dir/x.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('无法写入');
  });
});
