import { describe, expect, it } from 'vitest';
import { indicatorsFromPaste, looksLikeTable, splitClipboardTable } from './paste-rows';

const group = { level1: '产出指标', level2: '数量指标' };

describe('splitClipboardTable', () => {
  it('splits Excel rows and cells, with quoted cells holding tabs, newlines and quotes', () => {
    const text = 'a\tb\r\n"line1\nline2"\t"say ""hi"""\r\n\t\r\n';
    expect(splitClipboardTable(text)).toEqual([
      ['a', 'b'],
      ['line1\nline2', 'say "hi"'],
    ]);
  });
});

describe('looksLikeTable', () => {
  it('tells several cells from one typed value', () => {
    expect(looksLikeTable('≥95%')).toBe(false);
    expect(looksLikeTable('≥95%\n')).toBe(false);
    expect(looksLikeTable('a\tb')).toBe(true);
    expect(looksLikeTable('a\nb')).toBe(true);
  });
});

describe('indicatorsFromPaste', () => {
  it('reads the six-column layout and carries merged 一级/二级 cells down', () => {
    const text = [
      '一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t未完成原因',
      '产出指标\t质量指标\t合格率\t≥95%\t96%\t',
      '\t\t覆盖率\t100%\t90%\t资金未到位',
      '效益指标\t社会效益指标\t群众知晓率\t≥80%\t85%\t',
    ].join('\n');
    expect(indicatorsFromPaste(text, group)).toEqual([
      { level1: '产出指标', level2: '质量指标', name: '合格率', target: '≥95%', actual: '96%', note: null },
      { level1: '产出指标', level2: '质量指标', name: '覆盖率', target: '100%', actual: '90%', note: '资金未到位' },
      { level1: '效益指标', level2: '社会效益指标', name: '群众知晓率', target: '≥80%', actual: '85%', note: null },
    ]);
  });

  it('puts three-column rows (三级, 指标值, 完成值) into the given group and skips blank names', () => {
    const rows = indicatorsFromPaste('培训次数\t≥3次\t4\n\t\t\n宣传场次\t10场\t', group);
    expect(rows).toEqual([
      { ...group, name: '培训次数', target: '≥3次', actual: '4', note: null },
      { ...group, name: '宣传场次', target: '10场', actual: null, note: null },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(indicatorsFromPaste('', group)).toEqual([]);
  });
});
