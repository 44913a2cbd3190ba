import { describe, expect, it } from 'vitest';
import { applyEdit, brokenPromises, realGrids, type Edit } from '../../../../test/support/grid-mutations.js';
import { gridToForms } from './grid-to-forms.js';

/**
 * Grids the property tests (grid-to-forms.property.test.ts) found losing text, shrunk to one or two
 * edits of a real grid, kept as examples of the faults they showed.
 */

const grids = new Map(realGrids());
const broken = (name: string, edits: readonly Edit[]) => {
  const start = grids.get(name);
  if (start === undefined) throw new Error(name);
  return edits.reduce(applyEdit, start);
};

describe('gridToForms keeps what the property tests found it losing', () => {
  it('reads a cell merged down on the first row that reaches it when another cell covers its top', () => {
    // 023's 分值 header spread over four rows and columns covers the top of the 得分计算方法 formula,
    // which was read "at its top row" only: taken on a lower row, and dropped.
    const grid = broken('H_023', [{ op: 'span', at: 637788614, rowSpan: 4, colSpan: 4 }]);
    expect(brokenPromises(grid)).toEqual([]);
    // The first row reaching it is a `-` placeholder row: reported with it.
    const raws = gridToForms(grid).issues.map((i) => i.raw ?? '');
    expect(raws.some((r) => r.startsWith('定量指标计算'))).toBe(true);
  });

  it('leaves the 合计 label to the unplaced check when no sum under it could be read', () => {
    // A cell spanning over the 合计 row covers its sums: they were reported, the label taken and lost.
    const grid = broken('C_101', [{ op: 'span', at: 78105507, rowSpan: 3, colSpan: 4 }]);
    expect(brokenPromises(grid)).toEqual([]);
    expect(gridToForms(grid).issues.some((i) => i.code === 'grid-unplaced-cell' && i.raw === '合计')).toBe(true);
  });

  it('keeps the text of a second column of one kind (a header printed twice) as a note', () => {
    const grid = broken('E_022', [
      { op: 'duplicate-col', at: 1096271475 },
      { op: 'insert-text', at: 2064619566, n: 1331975396, text: '标1' },
    ]);
    expect(brokenPromises(grid)).toEqual([]);
    const extras = Object.values(gridToForms(grid).forms[0]?.extras ?? {});
    expect(extras).toContain('独有标1数据资源查询');
  });

  it('reports a category cell no indicator took whose text is no category of the vocabulary', () => {
    // `生态效益指标` cut to `生`, with no indicator under it: printed categories without indicators
    // give none, and this one went with them.
    const grid = broken('seed.html', [
      { op: 'duplicate-row', at: 1049506164 },
      { op: 'truncate-text', at: 1055003816, n: 1585173654 },
    ]);
    expect(brokenPromises(grid)).toEqual([]);
    expect(
      gridToForms(grid)
        .issues.filter((i) => i.code === 'grid-unused-category')
        .map((i) => i.raw),
    ).toEqual(['生']);
  });

  it('keeps the text of a second funding column of one kind, not written over by the first', () => {
    // 调整后预算数 printed twice: the second column's number overwrote the first, which was lost.
    const grid = broken('C_101', [
      { op: 'duplicate-col', at: 5 },
      { op: 'digits', at: 24, n: 1999445390 },
    ]);
    expect(brokenPromises(grid)).toEqual([]);
    const form = gridToForms(grid).forms[0];
    expect(form?.funding.lines[0]?.budget).toBe(36.25);
    expect(form?.extras?.['总额(调整后预算数)']).toBe('251.89');
  });
});
