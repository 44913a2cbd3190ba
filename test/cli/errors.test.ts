import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/domain/index.js';
import { runCli, seedGolden, tempDir } from './run-cli.js';

describe('usage and exit codes', () => {
  it('prints help and exits 0 with no arguments, and for --help', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('score');
    expect(none.stdout).toContain('parse');
    expect((await runCli(['--help'])).code).toBe(0);
  });

  it('exits 2 on an unknown command, a missing argument or clashing flags', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['score'])).code).toBe(2);
    const both = await runCli(['score', seedGolden, '--json', '--csv']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--json');
  });

  it('exits 2 naming a file that does not exist, without a stack trace', async () => {
    const run = await runCli(['score', '/nonexistent/forms.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/nonexistent/forms.json');
    expect(run.stderr).toMatch(/^错误：/);
    expect(run.stderr).toContain('Error:');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the file, line and column of a JSON syntax error', async () => {
    const path = join(tempDir(), 'broken.json');
    writeFileSync(path, '[\n  {"kind": "project-self-evaluation",\n   "year": 2020,,\n  }\n]\n');
    const run = await runCli(['score', path, '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toContain('第 3 行 第 17 列');
    expect(run.stderr).toContain('line 3, column 17');
    expect(run.stdout).toBe('');
  });

  it('names the NDJSON line of an invalid form', async () => {
    const [form] = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(seedGolden, 'utf8'))) as unknown[];
    const path = join(tempDir(), 'forms.ndjson');
    writeFileSync(path, `${JSON.stringify(form)}\n${JSON.stringify({ ...(form as object), year: 'x' })}\n`);
    const run = await runCli(['check', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path} 第 2 行`);
    expect(run.stderr).toContain('year');
  });
});

describe('--profile', () => {
  it('refuses an unknown profile name, listing the built-in ones', async () => {
    const run = await runCli(['score', seedGolden, '--profile', 'no-such-profile']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('central-2020');
    expect(run.stderr).toContain('budget-20');
  });

  it('refuses a broken profile file with every problem listed in Chinese and English', async () => {
    const broken = {
      name: 'Bad Name',
      title: '',
      budgetPoints: 150,
      categories: [{ name: '产出指标', points: 50, level1: [] }],
      qualitativeTiers: [{ name: 'only', min: 0, max: 100 }],
      reverseRule: 'sideways',
      grades: [],
      overAchievement: { threshold: 0.5, deductionPerIndicator: -1 },
      lowExecutionBelow: 90,
      summaryWeight: 'budget',
    };
    const loaded = loadProfile(broken);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems.length).toBeGreaterThanOrEqual(5);
    const path = join(tempDir(), 'broken-profile.json');
    writeFileSync(path, JSON.stringify(broken));
    const run = await runCli(['score', seedGolden, '--profile', path]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(path);
    expect(run.stderr).toContain(`${loaded.problems.length} 个问题`);
    for (const p of loaded.problems) {
      expect(run.stderr).toContain(p.message);
      expect(run.stderr).toContain(p.messageEn);
    }
  });

  it('accepts a valid profile file', async () => {
    const { builtinProfiles } = await import('../../src/domain/index.js');
    const path = join(tempDir(), 'my-profile.json');
    writeFileSync(path, JSON.stringify({ ...builtinProfiles['budget-20'], name: 'my-rules' }));
    const run = await runCli(['score', seedGolden, '--json', '--profile', path]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { profile: string }[]).every((r) => r.profile === 'my-rules')).toBe(true);
  });

  it('lists the built-in profiles', async () => {
    const run = await runCli(['profiles']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('central-2020');
    expect(run.stdout).toContain('budget-20');
  });
});
