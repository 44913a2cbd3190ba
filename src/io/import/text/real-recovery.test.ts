import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';
import { exactMatches, type ExpectedFile, type ExpectedIndicator } from './recovery-score.js';

/**
 * Indicators recovered exactly from the real published forms, against what a person reads in them
 * (fixtures/text/real-expected.json, written by reading each file by eye). The floors are the
 * counts measured when this test was written (docs/import-text.md); a change that recovers fewer
 * fails here.
 */
const expected = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/text/real-expected.json'), 'utf8')) as Record<
  string,
  ExpectedFile
>;

const FLOORS: Record<string, number> = {
  '004': 1,
  '007': 18,
  '008': 6,
  '009': 2,
  '013': 8,
  '015': 5,
  '022': 12,
  '023': 6,
  '024': 3,
  '025': 8,
  '026': 10,
  '027': 20,
  '102': 9,
  '101': 2,
  '103': 14,
  '104': 9,
  '106': 3,
  '107': 9,
  '108': 9,
  '110': 9,
  '111': 14,
  '113': 5,
  '115': 7,
  '117': 6,
  '118': 9,
  '121': 8,
};

describe('exact recovery on real forms', () => {
  it.each(readTextFixtures('real'))('%s', (file, text) => {
    const want = expected[file];
    expect(want, `${file} has a hand-read expectation`).toBeDefined();
    const found = exactMatches(importText(text, file).forms, want?.indicators ?? []);
    expect(found.length).toBeGreaterThanOrEqual(FLOORS[file.slice(0, 3)] ?? 0);
    expect(want?.indicators.length ?? 0).toBeLessThanOrEqual(want?.count ?? 0);
  });

  it('013: a glued rubric row whose `一` was dropped keeps its target blank and its worded actual', () => {
    const text = readFileSync(
      join(REPO_ROOT, 'fixtures/real/013-yinchuan-liuzhong-chuzhong-gongyong-2021.txt'),
      'utf8',
    );
    const rows = importText(text, '013').forms.flatMap((f) => f.indicators);
    const row = rows.find((i) => i.name === '可行性');
    expect(row && [row.level1, row.target, row.actual, row.weight, row.score]).toEqual([
      '项目决策',
      null,
      '实际工作需求',
      2,
      2,
    ]);
  });

  it("013: a category printed again glued onto a glued row begins that row's name", () => {
    const text = readFileSync(
      join(REPO_ROOT, 'fixtures/real/013-yinchuan-liuzhong-chuzhong-gongyong-2021.txt'),
      'utf8',
    );
    const rows = importText(text, '013').forms.flatMap((f) => f.indicators);
    const names = rows.filter((i) => i.level2 === '财务管理').map((i) => [i.name, i.actual]);
    expect(names[0]).toEqual(['财务管理制度有效性', '财务制度健全,严格执行制度,会计核算规范']);
    expect(rows.some((i) => i.name === '财务管理')).toBe(false);
  });

  it('counts a recovered indicator only when every field matches', () => {
    const text = readFileSync(join(REPO_ROOT, 'fixtures/real/024-xuancheng-gongan-jindu-2021.txt'), 'utf8');
    const forms = importText(text, '024').forms;
    const right: ExpectedIndicator = [
      '产出指标',
      '数量指标',
      '指标1:禁毒舞台剧宣传的场次',
      '≥1场',
      '1场',
      null,
      12,
      12,
    ];
    const wrongScore: ExpectedIndicator = [
      '产出指标',
      '数量指标',
      '指标1:禁毒舞台剧宣传的场次',
      '≥1场',
      '1场',
      null,
      12,
      11,
    ];
    const wrongTarget: ExpectedIndicator = ['产出指标', '数量指标', '指标1:禁毒舞台剧宣传的场次', '≥2场', '1场', null];
    expect(exactMatches(forms, [right])).toHaveLength(1);
    expect(exactMatches(forms, [wrongScore, wrongTarget])).toHaveLength(0);
    expect(exactMatches(forms, [right, right])).toHaveLength(1);
  });
});

/** The same table served in the other shapes hosts use: the reading must not depend on the shape. */
const SHAPES: Record<string, (text: string) => string> = {
  pipe: (t) =>
    t
      .split('\n')
      .map((l) => (l.trim() === '' ? l : `| ${l.trim().split(/\s+/).join(' | ')} |`))
      .join('\n'),
  tab: (t) =>
    t
      .split('\n')
      .map((l) => l.trim().split(/\s+/).join('\t'))
      .join('\n'),
  'cell per paragraph': (t) =>
    t
      .split('\n')
      .flatMap((l) => l.trim().split(/\s+/))
      .join('\n\n'),
};

describe('exact recovery does not depend on the text shape', () => {
  const files = readTextFixtures('real').filter(([f]) => /^(?:02[3457]|108)/.test(f));
  const cases = files.flatMap(([file, text]) => Object.keys(SHAPES).map((shape) => [file, shape, text] as const));
  it.each(cases)('%s as %s', (file, shape, text) => {
    const want = expected[file]?.indicators ?? [];
    const original = exactMatches(importText(text, file).forms, want).length;
    const reshaped = SHAPES[shape]?.(text) ?? text;
    expect(exactMatches(importText(reshaped, file).forms, want)).toHaveLength(original);
  });
});
