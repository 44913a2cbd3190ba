import { describe, expect, it } from 'vitest';
import { brokenPromises } from '../../../../test/support/broken-promises.js';
import { importText } from './import-text.js';

/**
 * Inputs the property tests (import-text.property.test.ts) found losing text, shrunk to their
 * smallest form, kept as examples of the faults they showed. Each was a real loss: the printed
 * text was in no field, no extras and no issue.
 */

describe('importText keeps what the property tests found it losing', () => {
  it('reports an indicator row whose name cells are blank, with its values, instead of dropping it', () => {
    // `|` lines (a host's empty cells) before `中成额` in one-cell-per-line rows cut by shape: the
    // blanks became the name, `中成额` a value, and a row without a name was dropped whole.
    const text = '自评表\n(2021)\n得分\n质量指标\n率\n时效指标\n|\n|\n|\n|\n中成额';
    expect(brokenPromises(text, 'x.txt')).toEqual([]);
    const issue = importText(text, 'x.txt').issues.find((i) => i.code === 'indicator-name-missing');
    expect(issue?.raw).toBe('中成额');
  });

  it('keeps a 指标性质 printed without a 指标值 in extras', () => {
    // The target was composed from 性质 + 值 + 单位 only when the value was there; without it the
    // 性质 went nowhere.
    const text = '2022年自评表\n绩效指标|年度指标值|实际完成值|指标性质|指标值\n9|家庭经济负担|';
    expect(brokenPromises(text, 'x.txt')).toEqual([]);
    expect(importText(text, 'x.txt').forms[0]?.extras).toEqual({ '9(指标性质)': '家庭经济负担' });
  });

  it('keeps the text of a column whose header is printed twice in extras', () => {
    // `三级指标 指标值 完成值` / `三级指标 指标值`: columns target, actual, target; each field read the
    // first column of its kind, so the second 指标值 column's text was dropped.
    const text =
      '项目名称 正 项目起止时\n间 2020.1.1-2020.2.3\n三级指标 指标值 完成值\n三级指标 指标值\n\n训 次 0 因受疫情影响';
    expect(brokenPromises(text, 'x.txt')).toEqual([]);
    expect(importText(text, 'x.txt').forms[0]?.extras).toEqual({ '训(指标值)': '因受疫情影响' });
  });

  it('keeps a `|` printed inside a laid-out indicator cell as `|`', () => {
    // The laid-out reader rebuilds the indicator table as pipe rows and wrote a bar in a cell as
    // `｜`: the cell came back changed. It now escapes it (`\|`), which the pipe splitter reads back.
    const text = [
      '开',
      '。',
      '    一级指 二级 三级指标',
      '施',
      '务',
      '动',
      '项',
      '次',
      '项',
      '次',
      '产出指',
      '%',
      '%',
      '时效指标 专项法律服务|    1',
      ' 绩效      指',
      ' 指标      益',
      '标',
      '     效益指 社    %',
      '       标   指',
      '处    有 8',
    ].join('\n');
    expect(brokenPromises(text, 'x.txt')).toEqual([]);
    const raws = importText(text, 'x.txt').issues.map((i) => i.raw ?? '');
    expect(raws.some((r) => r.includes('专项法律服务|'))).toBe(true);
  });
});
