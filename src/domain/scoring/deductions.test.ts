import { describe, expect, it } from 'vitest';
import { centipointsOf, totalAfterDeductions } from './deductions.js';

describe('totals after deductions', () => {
  it('are exact to the hundredth and never below zero', () => {
    expect(0.3 - 0.1).not.toBe(0.2); // what floating point would do
    expect(totalAfterDeductions(0.3, centipointsOf(0.1))).toBe(0.2);
    expect(totalAfterDeductions(93.2, centipointsOf(1.5) + centipointsOf(0.7))).toBe(91);
    expect(totalAfterDeductions(96.37, 0)).toBe(96.37);
    expect(totalAfterDeductions(1.2, centipointsOf(5))).toBe(0);
  });
});
