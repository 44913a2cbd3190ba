import { describe, expect, it } from 'vitest';
import { joinUnits } from './join-units.js';

describe('joinUnits', () => {
  it('joins a unit, or a multiplier 万/亿, printed apart from its bare number', () => {
    expect(joinUnits(['≧50', '人', '147'])).toEqual(['≧50人', '147']);
    expect(joinUnits(['45', '万', '45', '万', '12.5'])).toEqual(['45万', '45万', '12.5']);
    expect(joinUnits(['2000', '万', '3790.19', '亿'])).toEqual(['2000万', '3790.19亿']);
  });

  it('leaves a unit word after text, and a number after a number', () => {
    expect(joinUnits(['完成', '万', '12', '5'])).toEqual(['完成', '万', '12', '5']);
  });
});
