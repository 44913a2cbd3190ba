import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';
import { exactMatches, type ExpectedFile } from './recovery-score.js';
import { CONTINUED, csvRows } from './split-csv.js';
import { splitCells } from './tokenize-lines.js';

const expected = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/text/real-expected.json'), 'utf8')) as Record<
  string,
  ExpectedFile
>;

/** A text's cells as a spreadsheet saved as CSV would serve them: rows padded to one width, fields quoted when needed. */
function asCsv(text: string, quoteAll = false): string {
  const rows = text.split('\n').map(splitCells);
  const width = Math.max(...rows.map((r) => r.length));
  const quote = (c: string): string => (quoteAll || /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')].map(quote).join(',')).join('\n');
}

describe('csvRows: a spreadsheet served as comma-separated text', () => {
  it('cuts quoted fields at their commas only, and joins a cell wrapped over lines', () => {
    const lines = [
      '"项目名称","道路养护","",""',
      '"产出指标","数量指标","养护里程","≥100公里"',
      '质量指标,验收合格率,100%,"抽检一处,已返工"',
      '"时效指标","完成时间","2021年12月',
      '31日前","按时"',
      '满意度指标,服务对象满意度指标,群众满意度,"≥""90%"""',
    ];
    expect(csvRows(lines)).toEqual([
      ['项目名称', '道路养护', '', ''],
      ['产出指标', '数量指标', '养护里程', '≥100公里'],
      ['质量指标', '验收合格率', '100%', '抽检一处,已返工'],
      ['时效指标', '完成时间', '2021年12月31日前', '按时'],
      CONTINUED,
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥"90%"'],
    ]);
  });

  it('is not taken for CSV on whitespace rows of amounts with thousands separators', () => {
    const rows = Array.from({ length: 8 }, (_, k) => `资金${k} 1,234.56 1,234.56 1,200.00 10 97% 9.7`);
    expect(csvRows(rows)).toBeNull();
  });

  it('is not taken for CSV on text whose commas are prose or amounts (every real and team fixture)', () => {
    const texts = ['real', 'text', 'text/poppler', 'seed'].flatMap((folder) => readTextFixtures(folder));
    expect(texts.length).toBeGreaterThan(40);
    for (const [file, text] of texts) expect([file, csvRows(text.split('\n'))]).toEqual([file, null]);
  });
});

describe('importText on real forms re-served as CSV', () => {
  // Pipe and whitespace-row tables, whose cells are a spreadsheet's rows.
  const files = ['022', '027', '110', '111', '115', '118', '121'];
  const real = readTextFixtures('real').filter(([f]) => files.includes(f.slice(0, 3)));

  it.each(real)('%s: as many indicators exact as the text the host served', (file, text) => {
    const want = expected[file]?.indicators ?? [];
    const served = exactMatches(importText(text, file).forms, want).length;
    expect(served).toBeGreaterThan(0);
    expect(exactMatches(importText(asCsv(text), file).forms, want).length).toBe(served);
    expect(exactMatches(importText(asCsv(text, true), file).forms, want).length).toBe(served);
  });
});
