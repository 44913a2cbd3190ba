import { describe, expect, it } from 'vitest';
import { csvLine, toCsv } from './csv.js';

describe('csv', () => {
  it('quotes only cells that need it and doubles quotes', () => {
    expect(csvLine(['社区矫正', 98.97, true, null, 'a,b', 'say "hi"', 'two\nlines'])).toBe(
      '社区矫正,98.97,true,,"a,b","say ""hi""","two\nlines"\r\n',
    );
  });

  it('writes a header then the rows', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 2],
          ['x', null],
        ],
      ),
    ).toBe('a,b\r\n1,2\r\nx,\r\n');
  });
});
