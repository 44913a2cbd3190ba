import { describe, expect, it } from 'vitest';
import { MAX_SHEET_NAME, uniqueSheetNames } from './sheet-names.js';

describe('uniqueSheetNames', () => {
  it('keeps valid distinct names as they are', () => {
    expect(uniqueSheetNames(['社区矫正', '普法宣传'])).toEqual(['社区矫正', '普法宣传']);
  });

  it('removes the characters Excel refuses and trims apostrophes', () => {
    expect(uniqueSheetNames(["'城市/乡村[道路]:养护*工程?\\'"])).toEqual(['城市乡村道路养护工程']);
  });

  it('cuts at 31 characters and numbers repeats within the limit, ignoring case', () => {
    const long = '很'.repeat(40);
    const names = uniqueSheetNames([long, long, 'Abc', 'abc', long]);
    expect(names[0]).toBe('很'.repeat(31));
    expect(names[1]).toBe(`${'很'.repeat(28)}(2)`);
    expect(names[3]).toBe('abc(2)');
    expect(names[4]).toBe(`${'很'.repeat(28)}(3)`);
    for (const n of names) expect(Array.from(n).length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('names blank and reserved names by position', () => {
    expect(uniqueSheetNames(['', '[]', 'History', '表1'])).toEqual(['表1', '表2', '表3', '表1(2)']);
  });
});
