import type { Cell, CellValue } from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../import-result.js';
import { cellValueText, shownCellText } from './cell-value-text.js';

const cell = (value: CellValue, numFmt?: string): Cell =>
  ({ value, numFmt, address: 'B3', formula: (value as { formula?: string } | null)?.formula }) as unknown as Cell;

describe('cellValueText: what Excel shows', () => {
  it.each([
    [12.345678, '#,##0.00', '12.35'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    // Excel rounds the decimal digits: 1.005 shows 1.01 (its binary value is 1.00499…).
    [1.005, '0.00', '1.01'],
    [-1.005, '0.00', '-1.01'],
    [2.675, '0.00', '2.68'],
    [0.9876, '0%', '99%'],
    [0.99749, '0.00%', '99.75%'],
    [0.1 + 0.2, 'General', '0.3'],
    [0.1 + 0.2, undefined, '0.3'],
    [12.3456789012, 'General', '12.3456789012'],
    [5, '0.00_ ', '5.00'],
    [12, '0.00"万元"', '12.00万元'],
    [529.99, '@', '529.99'],
    [3, 'bad[[format', '3'],
  ])('%s in %s → %s', (value, numFmt, shown) => {
    expect(cellValueText(cell(value, numFmt))).toBe(shown);
  });

  it('shows formulas by their cached result through the format, dates through theirs', () => {
    expect(cellValueText(cell({ formula: 'B1-B2', result: 528.655 } as CellValue, '0.00'))).toBe('528.66');
    const newYear = new Date(Date.UTC(2021, 0, 1));
    expect(cellValueText(cell(newYear, 'yyyy"年"m"月"d"日"'))).toBe('2021年1月1日');
    expect(cellValueText(cell(newYear, 'yyyy/m/d'))).toBe('2021/1/1');
    expect(cellValueText(cell(newYear))).toBe('2021-01-01');
  });
});

describe('shownCellText', () => {
  const shown = (value: CellValue, numFmt?: string): [string, ImportIssue[]] => {
    const issues: ImportIssue[] = [];
    return [shownCellText(cell(value, numFmt), 'a.xlsx', '表!B3', issues), issues];
  };

  it('keeps the stored number in an info issue when the format hides digits of it', () => {
    const [text, issues] = shown(529.987, '#,##0.00');
    expect(text).toBe('529.99');
    expect(issues).toEqual([
      expect.objectContaining({ code: 'xlsx-value-rounded', severity: 'info', location: '表!B3', raw: '529.987' }),
    ]);
    expect(issues[0]?.message).toContain('529.987');
    expect(shown(0.997468, '0.00%')[1].map((i) => i.raw)).toEqual(['0.997468']);
  });

  it('warns about a formula saved without its result, which reads as blank', () => {
    const [text, issues] = shown({ formula: 'F8/E8' } as CellValue, '0.00%');
    expect(text).toBe('');
    expect(issues).toEqual([
      expect.objectContaining({ code: 'xlsx-formula-without-value', severity: 'warning', raw: '=F8/E8' }),
    ]);
    expect(shown({ formula: 'F8/E8', result: 0.9975 } as CellValue, '0.00%')).toEqual(['99.75%', []]);
  });

  it('says nothing when the format shows every digit, or shows the number in full', () => {
    expect(shown(529.9, '#,##0.00')).toEqual(['529.90', []]);
    expect(shown(0.9975, '0.00%')).toEqual(['99.75%', []]);
    expect(shown(529.987654, 'General')).toEqual(['529.987654', []]);
    expect(shown(529.987654)).toEqual(['529.987654', []]);
    expect(shown('529.987', '0.00')).toEqual(['529.987', []]);
  });
});
