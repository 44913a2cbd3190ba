import { describe, expect, it } from 'vitest';
import { builtinProfiles } from './builtin-profiles.js';
import { loadProfile } from './load-profile.js';

describe('profiles are data', () => {
  it('the two built-in profiles differ in every configurable point', () => {
    const a = builtinProfiles['central-2020']!;
    const b = builtinProfiles['budget-20']!;
    const keys = [
      'budgetPoints',
      'categories',
      'redistribute',
      'qualitativeTiers',
      'reverseRule',
      'overAchievement',
      'executionCaps',
      'lowExecutionBelow',
      'summaryWeight',
    ] as const;
    for (const k of keys) expect(JSON.stringify(a[k]), k).not.toBe(JSON.stringify(b[k]));
  });
  it('a user profile derived from a built-in one loads', () => {
    const r = loadProfile({
      ...builtinProfiles['central-2020']!,
      name: 'my-city',
      budgetPoints: 15,
      categories: [
        { name: '产出指标', points: 45, level1: ['产出指标'] },
        { name: '效益指标', points: 30, level1: ['效益指标'] },
        { name: '满意度指标', points: 10, level1: ['满意度指标'] },
      ],
    });
    expect(r.ok).toBe(true);
  });
  it('a broken profile is refused with every problem listed in Chinese and English', () => {
    const r = loadProfile({
      ...builtinProfiles['central-2020']!,
      name: 'Bad Name',
      budgetPoints: 30,
      reverseRule: 'sideways',
      grades: [
        { grade: '良', min: 80 },
        { grade: '优', min: 90 },
        { grade: '中', min: 60 },
        { grade: '差', min: 0 },
      ],
      redistribute: [{ from: '满意度指标', to: '不存在' }],
      extra: 1,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['', 'name', 'reverseRule']));
    expect(r.problems.length).toBeGreaterThanOrEqual(4);
    for (const p of r.problems) {
      expect(p.message).toMatch(/\p{Script=Han}/u);
      expect(p.messageEn.length).toBeGreaterThan(0);
    }
  });
  it('refinements are reported too once the shape is right', () => {
    const r = loadProfile({
      ...builtinProfiles['central-2020']!,
      budgetPoints: 30,
      redistribute: [{ from: '满意度指标', to: '不存在' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['categories', 'redistribute[0].to']);
  });
});
