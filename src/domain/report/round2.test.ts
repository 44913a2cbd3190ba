import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, round2 } from './round2.js';

describe('round2', () => {
  it.each([
    [1.005, 1.01], // binary 1.00499999… must still round up
    [2.675, 2.68],
    [98.974905, 98.97],
    [9.774925, 9.77],
    [0.125, 0.13],
    [-1.005, -1.01],
    [-0.001, 0],
    [1e-7, 0],
    [50, 50],
    [1e21, 1e21],
  ])('rounds %d half up to %d', (n, want) => {
    expect(round2(n)).toBe(want);
  });

  it('leaves non-finite numbers alone', () => {
    expect(round2(Number.NaN)).toBeNaN();
    expect(round2(Infinity)).toBe(Infinity);
  });

  it('formats for people without trailing zeros, null as empty', () => {
    expect(formatNumber(97.770992)).toBe('97.77');
    expect(formatNumber(10)).toBe('10');
    expect(formatNumber(null)).toBe('');
    expect(formatPercent(99.749)).toBe('99.75%');
    expect(formatPercent(null)).toBe('');
  });
});
