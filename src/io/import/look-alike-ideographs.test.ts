import { describe, expect, it } from 'vitest';
import { restoreIdeographs } from './look-alike-ideographs.js';

describe('restoreIdeographs', () => {
  it('reads radicals as the ideographs that Chinese fonts draw with the same glyph', () => {
    // ⻔ (supplement) by the table, ⽬ (Kangxi) by NFKC, ⼾ by the table: NFKC would give 戶.
    expect(restoreIdeographs('财政专⼾管理资金')).toBe('财政专户管理资金');
    expect(restoreIdeographs('主管部⻔')).toBe('主管部门');
    expect(restoreIdeographs('项⽬')).toBe('项目');
    expect(restoreIdeographs('⻧⺠')).toBe('卤民');
  });

  it('leaves ideographs, traditional ones included, and punctuation as they are', () => {
    const text = '戶籍（万元）：≥95%，門';
    expect(restoreIdeographs(text)).toBe(text);
  });
});
