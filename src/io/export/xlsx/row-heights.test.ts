import { describe, expect, it } from 'vitest';
import { fitRowHeights, heightFor, MIN_ROW_HEIGHT, wrappedLines } from './row-heights.js';

describe('row heights for wrapped text', () => {
  it('counts a CJK character twice as wide as a digit, and explicit line breaks', () => {
    expect(wrappedLines('1234567890', 14)).toBe(1);
    expect(wrappedLines('一二三四五六七八九十', 12)).toBe(2);
    expect(wrappedLines('甲\n乙\n丙', 30)).toBe(3);
    expect(heightFor('', 10)).toBe(MIN_ROW_HEIGHT);
  });

  it('grows one-row cells in place and gives a spanning cell what its rows lack on its last row', () => {
    const heights = fitRowHeights(3, [
      { row: 0, rowSpan: 1, height: 40 },
      { row: 0, rowSpan: 3, height: 100 },
      { row: 2, rowSpan: 1, height: 10 },
    ]);
    expect(heights[0]).toBe(40);
    expect(heights.reduce((a, b) => a + b, 0)).toBe(100);
    expect(heights[2]).toBe(100 - 40 - MIN_ROW_HEIGHT);
  });
});
