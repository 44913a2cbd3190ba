import { describe, expect, it } from 'vitest';
import { displayWidth, joinWrapped, normalizeText } from './join-wrapped.js';
import { gapScore, segmentLines } from './segment-cells.js';

describe('joinWrapped', () => {
  it.each([
    [['上级转移支', '付资金'], '上级转移支付资金'],
    [['群众≥', '5000人；公司', '≥200家'], '群众≥5000人；公司≥200家'],
    [['Wi-Fi', 'coverage 100', '200 sites'], 'Wi-Fi coverage 100 200 sites'],
    [['  金额 ', '，如没有请填无。 '], '金额，如没有请填无。'],
    [[], ''],
  ])('%j → %s', (pieces, joined) => {
    expect(joinWrapped(pieces)).toBe(joined);
  });

  it('drops the spaces forms put inside two-character names', () => {
    expect(normalizeText('赵 益')).toBe('赵益');
  });

  it('counts CJK characters double', () => {
    expect(displayWidth('ab成本')).toBe(6);
  });

  it('counts a character beyond the BMP (a surrogate pair) two, once; a lone surrogate two', () => {
    expect(displayWidth('a😀b')).toBe(4);
    expect(displayWidth('𠀀成')).toBe(4);
    expect(displayWidth('\ud800x')).toBe(3);
    expect(displayWidth('x\udc00')).toBe(3);
  });
});

describe('segmentLines', () => {
  it('never cuts after a comparator or before closing punctuation', () => {
    expect(gapScore('群众≥', '5000人')).toBeLessThan(0);
    expect(gapScore('因受疫情影响', '，减少')).toBeLessThan(0);
  });

  it('splits a row printed one wrapped piece per line into name, target and actual', () => {
    const lines = [
      '公证业务服务主体数量',
      '群众≥',
      '5000人；公司',
      '≥200家',
      '接待办证群众和电话',
      '咨询12000余人次；服',
      '务办证企业350余家',
    ];
    expect(segmentLines(lines, 3, 4, 36)).toEqual([[0], [1, 2, 3], [4, 5, 6]]);
  });

  it('gives up on runs that cannot be a row', () => {
    expect(segmentLines(['因受疫情影响，', '减少人员聚集，', '下年改进'], 3, 4, 0)).toBeNull();
  });
});
