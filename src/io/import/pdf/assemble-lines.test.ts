import { describe, expect, it } from 'vitest';
import type { TextPiece } from './assemble-lines.js';
import { assembleLines, cellText, joinWrappedHeadings } from './assemble-lines.js';
import { normalizePdfText } from './extract-pdf-glyphs.js';

const piece = (text: string, x: number, y: number, width = text.length * 10): TextPiece => ({
  text,
  x,
  y,
  width,
  size: 10,
});

describe('assembleLines', () => {
  it('groups pieces by baseline and reads each line left to right', () => {
    const lines = assembleLines([piece('世界', 30, 100), piece('第二行', 10, 113), piece('你好', 10, 100.5)]);
    expect(lines.map((l) => l.text)).toEqual(['你好世界', '第二行']);
  });

  it('puts one space between Latin words or numbers separated by a gap', () => {
    expect(assembleLines([piece('ab', 0, 50, 10), piece('cd', 14, 50, 10)])[0]?.text).toBe('ab cd');
  });

  it('adds no space for the small gaps writers put around CJK text (LibreOffice autospace)', () => {
    expect(assembleLines([piece('≧50', 0, 50, 15), piece('人', 18, 50, 10)])[0]?.text).toBe('≧50人');
  });

  it('keeps a wide gap between fields as a space even between CJK characters', () => {
    expect(assembleLines([piece('赵益', 0, 50, 20), piece('联系电话', 60, 50, 40)])[0]?.text).toBe('赵益 联系电话');
  });
});

describe('cellText', () => {
  it('joins lines with \\n', () => {
    expect(cellText([piece('因受疫情影响，', 0, 10), piece('减少人员聚集', 0, 23)], 0, 200)).toBe(
      '因受疫情影响，\n减少人员聚集',
    );
  });

  it('rejoins a number that the cell width cut (full line ending in a digit)', () => {
    expect(cellText([piece('公司≥2', 0, 10, 38), piece('00家', 0, 23, 20)], 0, 40)).toBe('公司≥200家');
  });

  it('rejoins a number cut in a centred cell', () => {
    expect(cellText([piece('94.5', 10, 10, 20), piece('9%', 15, 23, 10)], 8, 32)).toBe('94.59%');
  });

  it('keeps the break when the line ending in a digit was not full', () => {
    expect(cellText([piece('第2', 0, 10, 15), piece('3项', 0, 23, 15)], 0, 100)).toBe('第2\n3项');
  });
});

describe('joinWrappedHeadings', () => {
  it('joins a centred title that wrapped onto a second line', () => {
    const lines = assembleLines([
      piece('一般行政管理事务项目支出绩效目标', 100, 50, 160),
      piece('自评表', 165, 63, 30),
    ]);
    expect(joinWrappedHeadings(lines).map((l) => l.text)).toEqual(['一般行政管理事务项目支出绩效目标自评表']);
  });

  it('keeps the lines of a left-aligned paragraph and lines far apart', () => {
    const lines = assembleLines([
      piece('备注：1.请按项目体系一级开展绩效自评。', 10, 50, 200),
      piece('2.其他资金包括自有资金等。', 10, 63, 140),
      piece('（2020年度）', 100, 120, 60),
    ]);
    expect(joinWrappedHeadings(lines)).toHaveLength(3);
  });
});

describe('normalizePdfText', () => {
  it('replaces the radical look-alikes that Chromium Type3 fonts map ideographs to', () => {
    expect(normalizePdfText('项\u2f6c主管部\u2ed4居\u2ea0')).toBe('项目主管部门居民');
  });

  it('removes control characters, soft hyphens and byte-order marks', () => {
    expect(normalizePdfText('\u0002项\u00ad目\ufeff')).toBe('项目');
  });

  it('leaves full-width punctuation and symbols alone', () => {
    expect(normalizePdfText('（2020年度）：≧50％')).toBe('（2020年度）：≧50％');
  });
});

describe('pdfPagesToText', () => {
  it('reads the chromium-printed dev table as lines, pages separated by a form feed', async () => {
    const { readFileSync } = await import('node:fs');
    const { extractPdfGlyphs } = await import('./extract-pdf-glyphs.js');
    const { pdfPagesToText } = await import('./pdf-text.js');
    const bytes = new Uint8Array(readFileSync(`${process.cwd()}/fixtures/pdf/dev-table.pdf`));
    const text = pdfPagesToText(await extractPdfGlyphs(bytes));
    expect(text.split('\f')).toHaveLength(2);
    expect(text).toContain('（2020年度）');
    expect(text).toContain('项目名称 测试项目 项目起止时间 2020.1.1-2020.12.31');
  });
});
