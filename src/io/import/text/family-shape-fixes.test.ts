import { describe, expect, it } from 'vitest';
import { importText } from './import-text.js';
import { lostFragments } from './lost-fragments.js';

/**
 * One small case per fault the family shape harness (family-shape-recovery.test.ts) found, each
 * in the words of a made-up form so that the rule, not the family's text, is what is tested.
 */

/** A family A form as a host serving one cell per line prints it, objectives as given. */
const cellPerLine = (planned: string, actual: string): string =>
  [
    '项目支出绩效自评表',
    '(2022年度)',
    '项目名称',
    '河道保洁经费',
    '主管部门',
    '某县水利局',
    '实施单位',
    '某县河道所',
    '项目资金 (万元)',
    '年初预算数',
    '全年预算数(A)',
    '全年执行数(B)',
    '分值',
    '执行率(B/A)',
    '得分',
    '年度资金总额:',
    '50',
    '50',
    '50',
    '10',
    '100%',
    '10',
    '年度总体目标完成情况',
    '预期目标',
    '实际完成情况',
    planned,
    actual,
    '年度绩效指标完成情况',
    '一级 指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
    '产出指标',
    '数量指标',
    '保洁河道长度',
    '≥20公里',
    '22公里',
    '90',
    '90',
  ].join('\n');

describe('objectives served one cell per line', () => {
  it('reads two short lines under headers printed one per line as the planned and the actual text', () => {
    const text = cellPerLine('保持河道水面清洁', '河道水面保持清洁');
    const result = importText(text, 'objectives.txt');
    expect(result.forms[0]?.objectives).toEqual({ planned: '保持河道水面清洁', actual: '河道水面保持清洁' });
    expect(lostFragments(text, result)).toEqual([]);
  });

  it('still joins a second line that opens on punctuation to the first', () => {
    const result = importText(cellPerLine('保持河道水面清洁', '，全年不少于300天'), 'objectives.txt');
    expect(result.forms[0]?.objectives.planned).toBe('保持河道水面清洁，全年不少于300天');
  });
});

describe('objectives served as one whitespace row', () => {
  it('splits numbered cells on one line where the list restarts at 1', () => {
    const text = [
      ...cellPerLine('x', 'y').split('\n').slice(0, 22),
      '年度总体目标完成情况 预期目标 实际完成情况',
      '目标1:清理河道 目标2:巡查堤岸 目标1:清理河道12条 目标2:巡查堤岸40次',
      ...cellPerLine('x', 'y').split('\n').slice(27),
    ].join('\n');
    const result = importText(text, 'objectives.txt');
    expect(result.forms[0]?.objectives).toEqual({
      planned: '目标1:清理河道目标2:巡查堤岸',
      actual: '目标1:清理河道12条目标2:巡查堤岸40次',
    });
    expect(lostFragments(text, result)).toEqual([]);
  });
});

describe('an unlabelled points column in whitespace rows', () => {
  /** A form whose indicator header closes with the section's points, rows then ending in a number. */
  const rows = (header: string): string =>
    [
      '项目支出绩效自评表',
      '(2022年度)',
      '项目名称 河道保洁经费',
      '主管部门 某县水利局',
      '年度绩效指标完成情况 ' + header,
      '产出指标 数量指标 指标1:保洁河道长度 达标 达标 6',
      '指标2:巡查次数 40次 42次 4',
    ].join('\n');

  it('reads the number past the last labelled column as the 得分 when the header printed it', () => {
    const text = rows('一级指标 二级指标 三级指标 年度指标值 实际完成指标值 50');
    const result = importText(text, 'points.txt');
    expect(result.forms[0]?.indicators.map((i) => [i.name, i.target, i.actual, i.score])).toEqual([
      ['指标1:保洁河道长度', '达标', '达标', 6],
      ['指标2:巡查次数', '40次', '42次', 4],
    ]);
    expect(lostFragments(text, result)).toEqual([]);
  });

  it('without the printed points, takes no last number of a row for a 得分', () => {
    const result = importText(rows('一级指标 二级指标 三级指标 年度指标值 实际完成指标值'), 'points.txt');
    expect(result.forms[0]?.indicators.some((i) => i.score === 6)).toBe(false);
  });
});

describe('a scoring rule of two paragraphs in a whitespace row', () => {
  it('reads both paragraphs as the 得分计算方法, not the first as the 未完成原因', () => {
    const text = [
      '项目支出绩效自评表',
      '(2022年度)',
      '项目名称 河道保洁经费',
      '主管部门 某县水利局',
      '一级指标 二级指标 三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分 未完成原因 得分计算方法',
      '产出指标 数量指标 保洁河道长度 20公里 22公里 10 10  定量指标计算:达到指标值记满分。 定性指标计算:按三档记分。',
      '质量指标 保洁合格率 95% 96% 10 10',
    ].join('\n');
    const result = importText(text, 'rule.txt');
    const first = result.forms[0]?.indicators[0];
    expect([first?.name, first?.note, first?.score]).toEqual(['保洁河道长度', null, 10]);
    expect(Object.values(result.forms[0]?.extras ?? {})).toContain(
      '定量指标计算:达到指标值记满分。定性指标计算:按三档记分。',
    );
    expect(lostFragments(text, result)).toEqual([]);
  });
});

describe('a 总分 row served one cell per line', () => {
  const withTotal = (total: readonly string[]): string =>
    [...cellPerLine('保持河道水面清洁。', '河道水面保持清洁。').split('\n'), ...total].join('\n');

  it('reads `总分` / `100` / `96` as the score 96 of 100', () => {
    const text = withTotal(['总分', '100', '96']);
    const result = importText(text, 'total.txt');
    expect(result.forms[0]?.selfScore?.total).toBe(96);
    expect(result.forms[0]?.extras?.['总分(分值)']).toBe('100');
    expect(lostFragments(text, result)).toEqual([]);
  });

  it('keeps `总分` / `96` read as the score when no 100 comes first', () => {
    expect(importText(withTotal(['总分', '96']), 'total.txt').forms[0]?.selfScore?.total).toBe(96);
  });
});
