import { describe, expect, it } from 'vitest';
import { joinAutospaced } from './join-autospace.js';
import { tokenizeLines } from './tokenize-lines.js';

describe('joinAutospaced: the gap Word prints between CJK and Latin text', () => {
  it('joins a bracketed run and a numbered label over autospace gaps', () => {
    expect(joinAutospaced(['(50', '分)'])).toEqual(['(50分)']);
    expect(joinAutospaced(['场次(第', '1', '项)', '≥1', '场'])).toEqual(['场次(第1项)', '≥1', '场']);
    expect(joinAutospaced(['指标', '1:开展禁毒宣传'])).toEqual(['指标1:开展禁毒宣传']);
    expect(tokenizeLines('(2021 年度)')[0]?.cells).toEqual(['(2021年度)']);
  });

  it('keeps cell borders: no closing bracket, a gap not CJK next to Latin, a category before a numbered name', () => {
    expect(joinAutospaced(['(第', '1'])).toEqual(['(第', '1']);
    expect(joinAutospaced(['(未完成', '原因)'])).toEqual(['(未完成', '原因)']);
    expect(joinAutospaced(['(B/A)', '得分'])).toEqual(['(B/A)', '得分']);
    expect(joinAutospaced(['100%', '(良)'])).toEqual(['100%', '(良)']);
    expect(joinAutospaced(['满意度', '1.群众'])).toEqual(['满意度', '1.群众']);
    expect(joinAutospaced(['数量指标', '10', '12'])).toEqual(['数量指标', '10', '12']);
    expect(joinAutospaced(['服务对象满意度指标', '1:满意率'])).toEqual(['服务对象满意度指标', '1:满意率']);
    expect(joinAutospaced(['数量指标', '1:培训人数'])).toEqual(['数量指标', '1:培训人数']);
  });
});
