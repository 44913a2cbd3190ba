import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Form } from '../lib/core';
import { blankIndicator, editForm, groupRuns } from './form-edit';

const golden = JSON.parse(readFileSync('fixtures/seed/pingshan-justice-2020.golden.json', 'utf8')) as Form[];
const form = golden[4] as Form; // 培训支出: 11 indicators in 产出/效益/满意度

describe('editForm', () => {
  it('changes one indicator and keeps every other indicator object (rows skip re-rendering)', () => {
    const next = editForm(form, { type: 'indicator', index: 2, patch: { actual: '120' } });
    expect(next.indicators[2]?.actual).toBe('120');
    expect(form.indicators[2]?.actual).toBe('173');
    next.indicators.forEach((ind, i) => {
      if (i !== 2) expect(ind).toBe(form.indicators[i]);
    });
    expect(next.funding).toBe(form.funding);
  });

  it('inserts, removes and moves rows; a move across groups takes the neighbour group', () => {
    const added = editForm(form, {
      type: 'insert-indicators',
      at: 1,
      indicators: [blankIndicator('产出指标', '数量指标')],
    });
    expect(added.indicators).toHaveLength(12);
    expect(added.indicators[1]?.name).toBe('新指标');
    expect(editForm(added, { type: 'remove-indicator', index: 1 }).indicators).toEqual(form.indicators);

    // Index 2 is the last 数量指标; moving it down swaps it with the first 质量指标 and regroups it.
    const moved = editForm(form, { type: 'move-indicator', index: 2, by: 1 });
    expect(moved.indicators[3]?.name).toBe(form.indicators[2]?.name);
    expect(moved.indicators[3]?.level2).toBe('质量指标');
    expect(moved.indicators[2]).toBe(form.indicators[3]);
    expect(editForm(form, { type: 'move-indicator', index: 0, by: -1 })).toBe(form);
  });

  it('renames a run of rows', () => {
    const runs = groupRuns(form.indicators);
    const quality = runs.level2.find((r) => r.name === '质量指标')!;
    const next = editForm(form, {
      type: 'rename-group',
      from: quality.from,
      to: quality.to,
      level: 'level2',
      name: '质量',
    });
    expect(next.indicators.filter((i) => i.level2 === '质量')).toHaveLength(quality.to - quality.from);
    expect(next.indicators.some((i) => i.level2 === '质量指标')).toBe(false);
  });
});

describe('groupRuns', () => {
  it('gives the merged cells of the paper form', () => {
    const runs = groupRuns(form.indicators);
    expect(runs.level1.map((r) => [r.name, r.from, r.to])).toEqual([
      ['产出指标', 0, 7],
      ['效益指标', 7, 9],
      ['满意度指标', 9, 11],
    ]);
    expect(runs.level2.map((r) => r.name)).toEqual([
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
      '社会效益指标',
      '可持续影响指标',
      '服务对象满意度指标',
    ]);
  });

  it('starts a new 二级 run when the 一级 changes, even with the same 二级 name', () => {
    const runs = groupRuns([blankIndicator('A', 'x'), blankIndicator('B', 'x')]);
    expect(runs.level2).toHaveLength(2);
  });
});
