import { describe, expect, it } from 'vitest';
import { csvBom, toCsv } from '../../../domain/report/index.js';
import { csvRecords, parseCsv } from './parse-csv.js';

describe('parseCsv', () => {
  it('reads what toCsv writes: quotes, doubled quotes, commas, CRLF inside cells, empty cells', () => {
    const rows = [
      ['a,b', 'say "hi"', 'line1\r\nline2', '', 'x'],
      ['1', '', '', 'lf\nonly', '"'],
    ];
    expect(parseCsv(csvBom + toCsv(['h1', 'h2', 'h3', 'h4', 'h5'], rows))).toEqual([
      ['h1', 'h2', 'h3', 'h4', 'h5'],
      ...rows,
    ]);
  });

  it('accepts LF line ends and a missing final line break', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('throws on an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/quoted/);
  });

  it('keys records by header, short rows padded with empty strings', () => {
    expect(csvRecords('a,b\r\n1\r\n')).toEqual([{ a: '1', b: '' }]);
  });
});
