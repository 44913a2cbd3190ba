import { describe, expect, it } from 'vitest';
import { findJsonError, lineColumn, parseJson } from './parse-json.js';

describe('parseJson', () => {
  it('returns the value when the text is JSON', () => {
    expect(parseJson(' {"a": [1, 2.5e3, "x\\u0041", true, null]} ')).toEqual({
      ok: true,
      value: { a: [1, 2500, 'xA', true, null] },
    });
  });

  it.each([
    ['{"a":1,}', 1, 8, 'property name'],
    ['[1,2', 1, 5, 'end of input'],
    ['{\n  "a": tru}', 2, 8, "'true'"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "',' or '}'"],
    ['[1] x', 1, 5, 'after the JSON value'],
    ['', 1, 1, 'end of input'],
    ['{"a": 01}', 1, 8, "',' or '}'"],
    ['"tab\there"', 1, 5, 'control character'],
  ])('locates the error in %j at line %i column %i', (text, line, column, reason) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.line, r.column]).toEqual([line, column]);
    expect(r.reason).toContain(reason);
  });

  it('agrees with JSON.parse on what is valid for a tricky document', () => {
    const text = '{"s":"\\"\\\\\\/\\b\\f\\n\\r\\t","n":-0.5E-2,"e":[],"o":{}}';
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonError(text).reason).toBe('invalid JSON');
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});
