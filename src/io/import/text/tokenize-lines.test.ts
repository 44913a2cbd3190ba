import { describe, expect, it } from 'vitest';
import { dropPageMarkers, splitCells, tokenizeLines } from './tokenize-lines.js';

describe('splitCells', () => {
  it('keeps an empty cell between filled ones of a pipe or tab row, not the padding after them', () => {
    expect(splitCells('| 培训完成时间 | ≤ | 2023年10月 | | 2023年9月 | 10 | ||||')).toEqual([
      '培训完成时间',
      '≤',
      '2023年10月',
      '',
      '2023年9月',
      '10',
    ]);
    expect(splitCells('群众满意度\t≥90%\t\t10\t10\t')).toEqual(['群众满意度', '≥90%', '', '10', '10']);
  });

  it('keeps a lone ★ on the name after it', () => {
    expect(splitCells('★ 培训人次 ≥300人次')).toEqual(['★培训人次', '≥300人次']);
  });

  it('re-cuts a long glued line at its labels, ignoring wrap spaces inside the run', () => {
    const line =
      '项目名称东津院区建设补助主管部门襄阳市卫生健康委 预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A)' +
      '得分(20分*执行率)年度财政 资金总额10001000100%20 一级指标二级指标三级指标年初目标值 (A)实际完成值 (B)得分产出 ' +
      '指标数量指标成本控制不超过预算不超过预算10质量指标保证财政建设补助专款专用专款专用专款专用10';
    expect(splitCells(line).slice(0, 12)).toEqual([
      '项目名称',
      '东津院区建设补助',
      '主管部门',
      '襄阳市卫生健康委',
      '预算执行情况',
      '(万元)(20分)',
      '预算数(A)',
      '执行数(B)',
      '执行率(B/A)',
      '得分(20分*执行率)',
      '年度财政资金总额',
      '10001000100%20',
    ]);
  });
});

describe('dropPageMarkers', () => {
  it('drops inline page markers but keeps blank amounts around a number', () => {
    const lines = dropPageMarkers(['运行监管 4 4 — 1 — 项目年度目标', '上年结转资金 - 10 -']);
    expect(lines.map((l) => l.replace(/\s+/g, ' '))).toEqual(['运行监管 4 4 项目年度目标', '上年结转资金 - 10 -']);
  });

  it('drops 1、 2、 opening consecutive glued lines only', () => {
    const glued = (n: number): string => `${n}、${'项目名称初中公用经费主管部门银川市教育局'.repeat(5)}`;
    expect(dropPageMarkers([glued(1), glued(2)]).map((l) => l.slice(0, 4))).toEqual(['项目名称', '项目名称']);
    expect(dropPageMarkers([glued(1)])[0]?.slice(0, 2)).toBe('1、');
  });
});

describe('tokenizeLines on a table served one cell per line, each cell closed by ` |` (101)', () => {
  it('reads the cell before the bar whole, and a lone bar as an empty cell', () => {
    const sentence = '结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)';
    const lines = tokenizeLines(['项目名称 |', '|', '实施单位 (盖章) |', `${sentence} |`].join('\n'));
    expect(lines.map((l) => [l.cells, l.emptyCell, l.pipe])).toEqual([
      [['项目名称'], false, false],
      [[], true, false],
      [['实施单位 (盖章)'], false, false],
      [[sentence], false, false],
    ]);
  });

  it('leaves pipe rows and text after the bar as they were', () => {
    expect(tokenizeLines('| 指标值 | 完成值 |')[0]?.cells).toEqual(['指标值', '完成值']);
    expect(tokenizeLines('a | b')[0]?.cells).toEqual(['a', '|', 'b']);
  });
});
