import { describe, expect, it } from 'vitest';
import { isWhiteCode } from './white-space.js';

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
