import { describe, expect, it } from 'vitest';
import type { SummaryReport } from '../../src/domain/report/index.js';
import { jsonOf, readJson, runCli, seedExpected, seedGolden } from './run-cli.js';
import type { SeedExpected as Expected } from '../support/fixtures.js';

const { summary: want, tolerance } = readJson<Expected>(seedExpected);
const near = (actual: number | null | undefined, value: number): void => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - value)).toBeLessThanOrEqual(tolerance);
};

describe('jixiao summary', () => {
  it('matches the seed department summary', async () => {
    const run = await runCli(['summary', seedGolden, '--json']);
    expect(run.code).toBe(0);
    const summaries = jsonOf<SummaryReport[]>(run);
    expect(summaries).toHaveLength(1);
    const got = summaries[0]!;
    expect([got.department, got.year, got.projects]).toEqual([want.department, want.year, want.projects]);
    near(got.budget, want.budget);
    near(got.executed, want.executed);
    near(got.rate, want.rate);
    near(got.score, want.score);
    expect(got.grades).toEqual(want.grades);
    for (const r of want.recurringIndicators) {
      const hit = got.indicators.find((i) => i.name === r.name);
      expect(hit, r.name).toBeDefined();
      expect([hit?.kind, hit?.projects]).toEqual([r.kind, r.projects]);
      if (r.target !== undefined) near(hit?.target, r.target);
      if (r.actual !== undefined) near(hit?.actual, r.actual);
    }
  });

  it('prints the department with rounded figures and its recurring indicators', async () => {
    const run = await runCli(['summary', seedGolden]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('深圳市坪山区司法局 · 2020 年 · 6 个项目');
    expect(run.stdout).toContain('执行率 97.77%');
    expect(run.stdout).toContain('成本控制率');
  });

  it('writes a CSV with a department row then one row per recurring indicator', async () => {
    const [json, csv] = await Promise.all([
      runCli(['summary', seedGolden, '--json']),
      runCli(['summary', seedGolden, '--csv']),
    ]);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('row,department,year,unit,projects,budget,executed,rate,score')).toBe(true);
    expect(lines[1]?.startsWith('department,深圳市坪山区司法局,2020,万元,6,3585.9,3505.97,97.77,97.36')).toBe(true);
    expect(lines.slice(2).every((l) => l.startsWith('indicator,'))).toBe(true);
    expect(lines).toHaveLength(2 + jsonOf<SummaryReport[]>(json)[0]!.indicators.length);
  });
});
