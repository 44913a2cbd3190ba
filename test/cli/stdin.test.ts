import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoreReport } from '../../src/domain/report/index.js';
import { jsonOf, repoRoot, runCli, seedForms } from './run-cli.js';

const ndjson = seedForms()
  .map((f) => JSON.stringify(f))
  .join('\n');

describe('NDJSON from stdin', () => {
  it('scores every line of stdin in-process', async () => {
    const run = await runCli(['score', '-', '--json'], `\uFEFF${ndjson}\n\n`);
    expect(run.code).toBe(0);
    expect(jsonOf<ScoreReport[]>(run).map((r) => r.project)).toEqual(
      seedForms().map((f) => (f.project as { name: string }).name),
    );
  });

  it('names the line of bad JSON on stdin', async () => {
    const run = await runCli(['check', '-'], `${ndjson}\n{"kind": nope}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('<stdin> 第 7 行 第 10 列');
    expect(run.stderr).toContain('<stdin>:7:10');
  });

  it('works through a real pipe when main.ts runs directly', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'summary', '-', '--json'],
      { cwd: repoRoot },
    );
    child.stdin.end(ndjson);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { projects: number }[])[0]?.projects).toBe(6);
  });
});
