import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingReport } from '../../src/domain/report/index.js';
import { jsonOf, readJson, runCli, seedExpected, seedForms, seedGolden, tempDir, type CliRun } from './run-cli.js';
import type { SeedExpected as Expected } from '../support/fixtures.js';

const expected = readJson<Expected>(seedExpected);

describe('jixiao check --json on the seed forms', () => {
  let run: CliRun;
  let findings: FindingReport[];
  beforeAll(async () => {
    run = await runCli(['check', seedGolden, '--json']);
    findings = jsonOf<FindingReport[]>(run);
  });

  it('exits 0 and gives every finding the contract fields', () => {
    expect(run.code).toBe(0);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['project', 'code', 'severity', 'indicator', 'message', 'messageEn', 'field']),
      );
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.message.length).toBeGreaterThan(0);
    }
  });

  it.each(expected.findings.mustInclude.map((m) => [m.project, m.code, m.indicator ?? '(form)', m] as const))(
    'raises %s / %s / %s',
    (_p, _c, _i, must) => {
      const hit = findings.find(
        (f) => f.project === must.project && f.code === must.code && f.indicator === must.indicator,
      );
      expect(hit, JSON.stringify(must)).toBeDefined();
    },
  );

  it('raises none of the codes that must not appear', () => {
    const codes = new Set(findings.map((f) => f.code));
    expect(expected.findings.mustNotInclude.filter((c) => codes.has(c))).toEqual([]);
  });
});

describe('jixiao check --strict and exit codes', () => {
  it('exits 0 under --strict when no finding is an error', async () => {
    const run = await runCli(['check', seedGolden, '--strict', '--json']);
    expect(jsonOf<FindingReport[]>(run).some((f) => f.severity === 'error')).toBe(false);
    expect(run.code).toBe(0);
  });

  it('exits 1 under --strict when a form has an error finding, and 0 without --strict', async () => {
    const [form] = seedForms() as [{ funding: { lines: { rate: number | null }[] } }];
    form.funding.lines[0]!.rate = 50; // printed rate far from 528.66 / 529.99
    const path = join(tempDir(), 'mismatch.json');
    writeFileSync(path, JSON.stringify(form));
    const strict = await runCli(['check', path, '--strict', '--json']);
    expect(
      jsonOf<FindingReport[]>(strict)
        .filter((f) => f.severity === 'error')
        .map((f) => f.code),
    ).toContain('rate-mismatch');
    expect(strict.code).toBe(1);
    expect((await runCli(['check', path])).code).toBe(0);
  });

  it('prints a table per form with severity labels', async () => {
    const run = await runCli(['check', seedGolden]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('培训支出');
    expect(run.stdout).toContain('low-execution');
    expect(run.stdout).toMatch(/警告|提示/);
    // No ANSI colours when stdout is not a terminal.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('writes one CSV row per finding', async () => {
    const [json, csv] = await Promise.all([
      runCli(['check', seedGolden, '--json']),
      runCli(['check', seedGolden, '--csv']),
    ]);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('project,severity,code,indicator,field,message,messageEn');
    expect(lines).toHaveLength(1 + jsonOf<unknown[]>(json).length);
  });
});
