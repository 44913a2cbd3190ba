import { describe, expect, it } from 'vitest';
import { hasWhite, isWhiteCode } from './white-space.js';

describe('isWhiteCode', () => {
  it('agrees with the regex class \\s on every BMP code unit', () => {
    const disagree: string[] = [];
    for (let code = 0; code < 0x10000; code++)
      if (isWhiteCode(code) !== /\s/.test(String.fromCharCode(code))) disagree.push(code.toString(16));
    expect(disagree).toEqual([]);
  });

  it('is false past the end of a string (charCodeAt gives NaN)', () => {
    expect(isWhiteCode('a'.charCodeAt(1))).toBe(false);
  });
});

describe('hasWhite', () => {
  it.each(['', 'abc', '预算执行率', '\u200b零宽', '长'.repeat(40)])('is false for %j', (text) =>
    expect(hasWhite(text)).toBe(false),
  );
  it.each([' a', '赵\u3000益', 'x\u00a0', 'a\tb', '\ufeff', `${'长'.repeat(40)} 文`])('is true for %j', (text) =>
    expect(hasWhite(text)).toBe(true),
  );
});
