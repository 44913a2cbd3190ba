import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable, wrapText } from './render-table.js';

describe('displayWidth', () => {
  it('counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('社区a')).toBe(5);
    expect(displayWidth('≥95％')).toBe(5);
    expect(displayWidth('（2020年度）')).toBe(12);
  });
});

describe('wrapText', () => {
  it('breaks by display width, anywhere in Chinese', () => {
    expect(wrapText('一二三四五', 4)).toBe('一二\n三四\n五');
    expect(wrapText('ab一二', 3)).toBe('ab\n一\n二');
    expect(wrapText('短', 10)).toBe('短');
  });
});

describe('renderTable', () => {
  it('aligns Chinese and Latin cells: every line has the same display width', () => {
    const text = renderTable({
      head: ['项目', 'score'],
      rows: [
        ['社区矫正', 98.97],
        ['一般行政管理事务和一个很长很长的名字', '优'],
      ],
      maxWidths: [12, null],
    });
    const lines = text.trimEnd().split('\n');
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(text).toContain('一般行政管理');
    expect(lines.some((l) => l.includes('社区矫正'))).toBe(true);
  });

  it('draws the box of cli-table3, which it replaced: a rule between rows, one space of padding', () => {
    expect(
      renderTable({
        head: ['文件', 'n'],
        rows: [
          ['a.txt', 1],
          ['多行\n文字', null],
        ],
      }),
    ).toBe(
      [
        '┌───────┬───┐',
        '│ 文件  │ n │',
        '├───────┼───┤',
        '│ a.txt │ 1 │',
        '├───────┼───┤',
        '│ 多行  │   │',
        '│ 文字  │   │',
        '└───────┴───┘',
        '',
      ].join('\n'),
    );
  });

  it('leaves the blank lines under a shorter cell unstyled', () => {
    const text = renderTable({ head: ['a', 'b'], rows: [['一\n二', 'x']], style: (t) => `<${t}>` });
    expect(text).toContain('│ <一> │ <x> │');
    expect(text).toContain('│ <二> │   │');
  });

  it('styles each wrapped line of a cell', () => {
    const text = renderTable({ head: ['级别'], rows: [['错误错误错误']], maxWidths: [4], style: (t) => `<${t}>` });
    expect(text).toContain('<错误>');
  });
});
