import { describe, expect, it } from 'vitest';
import { cutAtNotes, findBoilerplate } from './boilerplate.js';
import { splitGluedLabels } from './split-glued.js';
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

  it('reads `\\|` in a pipe row as a bar inside its cell (Markdown; the laid-out reader writes it)', () => {
    expect(splitCells('| 专项法律服务\\|时间 | 1 |')).toEqual(['专项法律服务|时间', '1']);
    expect(splitCells('| a | b |')).toEqual(['a', 'b']);
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

describe('splitCells on glued text whose spaces are wrap debris (103)', () => {
  it('re-cuts the line at its labels when labels run across the spaces (绩 效 指 标, 数量 指标)', () => {
    const line =
      '年度 总体 目标年初设定目标全年实际完成情况保持和稳定地方粮食储备机制地方储备粮食规模达标绩 效 指 标一级 指标二级 ' +
      '指标三级指标年度指标 值全年 完成值未完成原因和 改进措施产 出 指 标数量 指标5000吨稻谷、500吨成 品粮储备到位率' +
      '100%100%库存数量真实率100%100%质量 指标县级储备粮管理制 度严格执行率100%100%';
    expect(splitCells(line)).toEqual([
      '年度总体目标',
      '年初设定目标全年实际完成情况保持和稳定地方粮食储备机制地方储备粮食规模达标',
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '全年完成值',
      '未完成原因和改进措施',
      '产出指标',
      '数量指标',
      '5000吨稻谷、500吨成品粮储备到位率100%100%库存数量真实率100%100%',
      '质量指标',
      '县级储备粮管理制度严格执行率100%100%',
    ]);
  });

  it('keeps the short cells of a flattened table, whose labels each sit within one cell', () => {
    const row =
      '质量指标 委托业务报告合格率 ≥100百分比 100 8 8 时效指标 提交报告及时性 在项目计划完成时间内完成 达成预期指标 8 8';
    const line = `产出指标(50分) 数量指标 基建工程委托业务项目数量 ≥50个 50 8 8 ${row} ${row}`;
    expect(splitCells(line)).toEqual(line.split(' '));
  });
});

describe('dropPageMarkers', () => {
  it('drops inline page markers but keeps blank amounts around a number', () => {
    const lines = dropPageMarkers(['运行监管 4 4 — 1 — 项目年度目标', '上年结转资金 - 10 -']);
    expect(lines.map((l) => l.replace(/\s+/g, ' '))).toEqual(['运行监管 4 4 项目年度目标', '上年结转资金 - 10 -']);
  });

  it('drops 1、 2、 opening consecutive glued lines only', () => {
    const glued = (n: number): string => `${n}、${'项目名称初中公用经费主管部门银川市教育局'.repeat(5)}`;
    expect(dropPageMarkers([glued(1), '', glued(2)]).map((l) => l.slice(0, 4))).toEqual(['项目名称', '', '']);
    expect(dropPageMarkers([glued(1)])[0]?.slice(0, 2)).toBe('1、');
  });

  it('puts the pieces of one run cut at the host page ends back together (106: 时效指标…完成10 / 2、0%100%10)', () => {
    const page1 = `1、${'项目名称渔业成品油价格改革补贴主管部门'.repeat(6)}时效指标12月底之前完成10`;
    const page2 = `2、0%100%10${'服务对象满意度退捕渔民抽样调查满意度'.repeat(6)}`;
    const page3 = `3、${'备注预算执行情况口径预算数为调整后财政资金总额'.repeat(6)}`;
    const lines = dropPageMarkers([page1, '', page2, page3]);
    expect(lines.slice(1)).toEqual(['', '', '']);
    expect(lines[0]).toContain('时效指标12月底之前完成100%100%10服务对象');
    expect(lines[0]?.endsWith('财政资金总额')).toBe(true);
  });

  it('takes a short last page that carries the next number (3、高高满意…)', () => {
    const page = (n: number): string => `${n}、${'县级储备粮库存成本核算率100%100%效益指标'.repeat(6)}`;
    const lines = dropPageMarkers([page(1), page(2), '3、高高满意 度指 标服务 对象']);
    expect(lines.slice(1)).toEqual(['', '']);
    expect(lines[0]?.endsWith('效益指标高高满意 度指 标服务 对象')).toBe(true);
  });

  it('does not join numbered pages that other text parts', () => {
    const page = (n: number): string => `${n}、${'项目名称初中公用经费主管部门银川市教育局'.repeat(5)}`;
    expect(dropPageMarkers([page(1), '附表', page(2)]).map((l) => l.slice(0, 2))).toEqual(['项目', '附表', '项目']);
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

describe('splitGluedLabels: the end of a glued table (107)', () => {
  it('cuts before 总分 and a `……` row, and keeps the numbered 注: footnote whole', () => {
    expect(
      splitGluedLabels(
        '服务对象满意度指标受益户满意度10≥95%≥95%10……总分100100注:1.一级指标分值统一设置为:产出指标50分',
      ),
    ).toEqual([
      '服务对象满意度指标',
      '受益户满意度10≥95%≥95%10',
      '……',
      '总分',
      '100100',
      '注:1.一级指标分值统一设置为:产出指标50分',
    ]);
  });

  it('does not cut 自评总分 into 自评 and 总分', () => {
    expect(splitGluedLabels('项目名称某某县某某项目主管部门某某县某某局自评总分95实施单位某某县某某单位')).toContain(
      '自评总分',
    );
  });
});

describe('splitGluedLabels: a category name inside an indicator name', () => {
  it('leaves 服务对象满意度 in the name a value follows, and still cuts a category before names and points', () => {
    expect(splitGluedLabels('满意度指标服务对象满意度指标公证业务服务对象满意度≥95%95%时效指标办结时长3天3天')).toEqual(
      ['满意度指标', '服务对象满意度指标', '公证业务服务对象满意度≥95%95%', '时效指标', '办结时长3天3天'],
    );
    expect(splitGluedLabels('产出指标数量指标培训人数5人5人项目管理13分财务管理制度有效性7')).toEqual([
      '产出指标',
      '数量指标',
      '培训人数5人5人',
      '项目管理',
      '13分',
      '财务管理',
      '制度有效性7',
    ]);
  });
});

describe('splitGluedLabels: the 说明 row and 填表人 line closing a glued table', () => {
  it('cuts 说明 right after the values of the last row when 填表人: follows, and 填表人 at its colon', () => {
    expect(splitGluedLabels('满意度指标服务对象满意度指标受益户满意度80%90%说明如有问题请说明。填表人：张三')).toEqual([
      '满意度指标',
      '服务对象满意度指标',
      '受益户满意度80%90%',
      '说明',
      '如有问题请说明。',
      '填表人',
      '张三',
    ]);
  });

  it('cuts 说明 after a 总分 row whose 评价等级 is blank', () => {
    expect(
      splitGluedLabels('满意度指标服务对象满意度指标受益户满意度80%90%55总分84.98评价等级说明无。填表人：张三'),
    ).toEqual([
      '满意度指标',
      '服务对象满意度指标',
      '受益户满意度80%90%55',
      '总分',
      '84.98',
      '评价等级',
      '说明',
      '无。',
      '填表人',
      '张三',
    ]);
  });

  it('leaves 说明 inside words alone, and 填表人 without its colon', () => {
    expect(splitGluedLabels('满意度指标服务对象满意度指标受益户满意度80%90%情况说明详见附件填表人张三')).toEqual([
      '满意度指标',
      '服务对象满意度指标',
      '受益户满意度80%90%情况说明详见附件填表人张三',
    ]);
  });
});

describe('cutAtNotes', () => {
  it('gives a note that opens mid-line a line of its own, so that it is known as boilerplate', () => {
    const lines = cutAtNotes(tokenizeLines('总分 100 注:1.一级指标分值统一设置为:产出指标50分'));
    expect(lines.map((l) => l.cells)).toEqual([['总分', '100'], ['注:1.一级指标分值统一设置为:产出指标50分']]);
    expect(findBoilerplate(lines)).toEqual(new Set([1]));
  });

  it('cuts at every note of a run of glued forms, that of the last form too', () => {
    const note = '注:1.一级指标分值统一设置为:产出指标50分';
    const text = `总分 100 ${note} 2023年度乙项目自评表 项目名称 乙 联系电话 0755-1234 ${note}`;
    const lines = cutAtNotes(tokenizeLines(text));
    expect(lines.map((l) => l.cells)).toEqual([
      ['总分', '100'],
      [note],
      ['2023年度乙项目自评表', '项目名称', '乙', '联系电话', '0755-1234'],
      [note],
    ]);
    expect(findBoilerplate(lines)).toEqual(new Set([1, 3]));
  });

  it('a 备注 block without a note phrase is no boilerplate, nor are the 备注 lines inside it; a later block is', () => {
    // Each such start used to rescan to the next title (quadratic in the 备注 lines).
    const lines = tokenizeLines(
      ['备注：1.说明', '备注：2.说明', '项目名称 乙', '备注：1.其他资金包括自有资金', '2.说明'].join('\n'),
    );
    expect(findBoilerplate(lines)).toEqual(new Set([3, 4]));
  });

  it('ends the note line where a next form glued after it starts', () => {
    const text = '总分 100 注:1.一级指标分值统一设置为:产出指标50分 2023年度项目支出绩效自评表 项目名称 某工程';
    const lines = cutAtNotes(tokenizeLines(text));
    expect(lines.map((l) => l.cells[0])).toEqual([
      '总分',
      '注:1.一级指标分值统一设置为:产出指标50分',
      '2023年度项目支出绩效自评表',
    ]);
    expect(findBoilerplate(lines)).toEqual(new Set([1]));
  });
});

describe('splitGluedLabels: words that are not cells', () => {
  it('cuts the 说明 row right before the footnote off the last note (103: …100%说明无注:1、…)', () => {
    const pieces = splitGluedLabels(
      '满意度指标服务对象满意度指标市民满意度调查290%100%说明无注:1、其他资金包括和中央、省、市补助',
    );
    expect(pieces.slice(-3)).toEqual(['说明', '无', '注:1、其他资金包括和中央、省、市补助']);
  });

  it('keeps 说明 in a note when no footnote follows', () => {
    const pieces = splitGluedLabels('满意度指标服务对象满意度指标市民满意度调查290%100%说明原因见附表另行说明的情况');
    expect(pieces).not.toContain('说明');
  });

  it('does not open the indicator table at 项目绩效 in 项目绩效目标自评 (107 prose before the title)', () => {
    const pieces = splitGluedLabels(
      '现已完成中江县2022年衔接资金实施项目绩效目标自评,意见收集人:罗娟主管部门中江县水利局实施单位中江县水利局',
    );
    expect(pieces).not.toContain('项目绩效');
    expect(pieces).toContain('主管部门');
  });
});

describe('splitGluedLabels: rotated level-1 names', () => {
  it('does not cut an order that keeps a word of the name whole (指标产出 is no rotated label)', () => {
    const pieces = splitGluedLabels('一级指标二级指标三级指标本年度各项指标产出情况良好年初目标值(A)实际完成值(B)');
    expect(pieces).toContain('本年度各项指标产出情况良好');
  });
});

describe('splitGluedLabels: a footnote followed by the next form', () => {
  it('ends the footnote where the next title starts, and cuts that form', () => {
    const pieces = splitGluedLabels(
      '满意度指标服务对象满意度指标群众满意度≥95%≥95%10总分100100注:1.一级指标分值统一设置为:产出指标50分。' +
        '2022年度项目支出绩效自评表项目名称水标尺主管部门中江县水利局',
    );
    expect(pieces).toContain('注:1.一级指标分值统一设置为:产出指标50分。');
    expect(pieces).toContain('项目名称');
    expect(pieces).toContain('主管部门');
  });
});

describe('splitGluedLabels: short column headers glued together (113)', () => {
  it('cuts 分值得分 between two labels into 分值 and 得分', () => {
    expect(
      splitGluedLabels('绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施'),
    ).toEqual([
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ]);
  });

  it('leaves other short text between labels whole', () => {
    expect(splitGluedLabels('一级指标二级指标三级指标年度指标值实际完成值得分值偏差原因分析及改进措施')).toContain(
      '得分值',
    );
  });
});
