import { beforeAll, describe, expect, it } from 'vitest';
import type { ScoreReport } from '../../src/domain/report/index.js';
import { jsonOf, readJson, runCli, seedExpected, seedGolden, type CliRun } from './run-cli.js';
import type { SeedExpected as Expected } from '../support/fixtures.js';

const expected = readJson<Expected>(seedExpected);
const near = (actual: number | null | undefined, want: number, tol = expected.tolerance): void => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - want)).toBeLessThanOrEqual(tol);
};

describe('jixiao score --json on the seed forms', () => {
  let run: CliRun;
  let reports: ScoreReport[];
  beforeAll(async () => {
    run = await runCli(['score', seedGolden, '--json']);
    reports = jsonOf<ScoreReport[]>(run);
  });

  it('exits 0 with one score per form, in input order', () => {
    expect(run.code).toBe(0);
    expect(reports.map((r) => r.project)).toEqual(expected.forms.map((f) => f.project));
    expect(reports.every((r) => r.profile === expected.profile)).toBe(true);
  });

  it.each(expected.forms.map((f, i) => [f.project, i] as const))('%s: total, grade, budget and categories', (_, i) => {
    const want = expected.forms[i]!;
    const got = reports[i]!;
    near(got.total, want.total);
    expect(got.grade).toBe(want.grade);
    expect(got.provisional).toBe(want.provisional);
    near(got.budget.score, want.budgetScore);
    expect(got.budget.rate).toBeGreaterThan(0);
    for (const [level1, score] of Object.entries(want.categories)) {
      near(got.categories.find((c) => c.level1 === level1)?.score, score);
    }
  });

  it.each(expected.forms.map((f, i) => [f.project, i] as const))('%s: every indicator ratio and status', (_, i) => {
    const want = expected.forms[i]!;
    const got = reports[i]!;
    expect(got.indicators.map((x) => x.name)).toEqual(want.indicators.map((x) => x.name));
    want.indicators.forEach((w, j) => {
      const g = got.indicators[j]!;
      expect({ name: g.name, status: g.status }).toEqual({ name: w.name, status: w.status });
      if (w.ratio == null) expect(g.ratio).toBeNull();
      else near(g.ratio, w.ratio);
    });
  });

  it('explains every indicator with its readings', () => {
    for (const i of reports.flatMap((r) => r.indicators)) {
      expect(i.explanation.length).toBeGreaterThan(0);
      expect(typeof i.targetReading).toBe('string');
      expect(i.rule.length).toBeGreaterThan(0);
    }
  });
});

describe('jixiao score --profile budget-20', () => {
  it('changes the results as derived by hand from the profile', async () => {
    const run = await runCli(['score', seedGolden, '--json', '--profile', 'budget-20']);
    expect(run.code).toBe(0);
    const [community, , , , training] = jsonOf<ScoreReport[]>(run);
    // 社区矫正: budget 20 × 528.66/529.99; 产出 40 (every r = 1); 效益 + 满意度 share 40 over four
    // indicators, one at r = 0.9 → 39; four indicators reach B/A ≥ 1.2 (147/50, 5/1, 10/1, 12/1) → −8.
    expect(community?.profile).toBe('budget-20');
    near(community?.budget.score, (20 * 528.66) / 529.99, 1e-6);
    near(community?.categories.find((c) => c.level1 === '产出指标')?.score, 40, 1e-6);
    near(community?.categories.find((c) => c.level1 === '效益指标')?.score, 39, 1e-6);
    near(community?.total, (20 * 528.66) / 529.99 + 40 + 39 - 8, 1e-6);
    expect(community?.grade).toBe('优');
    // 培训支出: execution 64.38 % falls in the 60–70 % band, so the total (≈ 85.6) is capped at 79 → 中.
    near(training?.budget.score, (20 * 15.42) / 23.95, 1e-6);
    near(training?.total, 79, 1e-9);
    expect(training?.grade).toBe('中');
  });
});

describe('jixiao score human and CSV output', () => {
  it('prints an aligned table per form with rounded numbers', async () => {
    const run = await runCli(['score', seedGolden]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('社区矫正');
    expect(run.stdout).toContain('总分 98.97 优');
    expect(run.stdout).toContain('三级指标');
    // Rounded for people: no long float tails anywhere in the human output.
    expect(run.stdout).not.toMatch(/\d\.\d{3,}/);
  });

  it('writes one CSV row per indicator with the form keys', async () => {
    const run = await runCli(['score', seedGolden, '--csv']);
    const lines = run.stdout.trimEnd().split('\r\n');
    const forms = readJson<{ indicators: unknown[] }[]>(seedGolden);
    expect(lines[0]?.startsWith('project,year,department,profile,total,grade')).toBe(true);
    expect(lines).toHaveLength(1 + forms.reduce((n, f) => n + f.indicators.length, 0));
    expect(lines[1]).toContain('社区矫正,2020,深圳市坪山区司法局,central-2020,98.97,优');
  });
});

describe('jixiao score on a document', () => {
  it('imports the seed text through the dispatcher and scores it like the golden forms', async () => {
    const [fromText, fromJson] = await Promise.all([
      runCli(['score', seedGolden.replace('.golden.json', '.txt'), '--json']),
      runCli(['score', seedGolden, '--json']),
    ]);
    expect(fromText.code).toBe(0);
    const text = jsonOf<ScoreReport[]>(fromText);
    const json = jsonOf<ScoreReport[]>(fromJson);
    expect(text.map((r) => r.project)).toEqual(json.map((r) => r.project));
    text.forEach((r, i) => near(r.total, json[i]!.total));
  });
});
