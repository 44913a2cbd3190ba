import { describe, expect, it } from 'vitest';
import type { TopCell } from './repeated-header-rows.js';
import { repeatedHeaderRows } from './repeated-header-rows.js';

/** One row of single cells with these texts. */
const row = (r: number, texts: readonly string[]): TopCell[] =>
  texts.map((text, col) => ({ row: r, col, rowSpan: 1, colSpan: 1, text }));

const HEADER = ['一级\n指标', '二级指标', '三级指标', '年度指标值'];

describe('repeatedHeaderRows', () => {
  it('finds the header row printed again at the top of the continuation', () => {
    const first = [...row(0, HEADER), ...row(1, ['产出指标', '数量指标', '指标1', '≥1场'])];
    const part = [...row(0, ['一级指标', ...HEADER.slice(1)]), ...row(1, ['', '', '指标9', '≥9场'])];
    expect(repeatedHeaderRows([first], part)).toBe(1);
  });

  it('finds nothing when the continuation starts with other text, or is only the header', () => {
    const first = [...row(0, HEADER), ...row(1, ['产出指标', '数量指标', '指标1', '≥1场'])];
    expect(repeatedHeaderRows([first], [...row(0, ['', '', '指标9', '≥9场'])])).toBe(0);
    expect(repeatedHeaderRows([first], row(0, HEADER))).toBe(0);
  });

  it('finds a header printed in the middle of the first part (a print title), beside a row-spanning label', () => {
    // Row 1 of the first part is the indicator header, a label spanning it and the rows below.
    const label = (text: string): TopCell => ({ row: 1, col: 0, rowSpan: 3, colSpan: 1, text });
    const header = row(1, HEADER).map((c) => ({ ...c, col: c.col + 1 }));
    const first = [...row(0, ['项目名称', '禁毒经费']), label(''), ...header];
    const part = [
      { ...label('年度绩效指标完成情况'), row: 0 },
      ...header.map((c) => ({ ...c, row: 0 })),
      ...row(1, ['', '', '指标9', '≥9场']).map((c) => ({ ...c, col: c.col + 1 })),
    ];
    expect(repeatedHeaderRows([first], part)).toBe(1);
  });

  it('does not take rows that only the part prints, or a single label', () => {
    const first = [...row(0, HEADER), ...row(1, ['产出指标', '数量指标', '指标1', '≥1场'])];
    expect(repeatedHeaderRows([first], [...row(0, ['产出指标', '数量指标', '指标2', '≥2场']), ...row(1, HEADER)])).toBe(
      0,
    );
    expect(repeatedHeaderRows([row(0, ['产出指标'])], [...row(0, ['产出指标']), ...row(1, ['a', 'b'])])).toBe(0);
  });
});
