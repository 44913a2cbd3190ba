import { describe, expect, it } from 'vitest';
import { readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';
import { readLaidOutTable, type LaidOutTable } from './laid-out-indicators.js';
import { joinLevel2, rowLabels } from './laid-out-levels.js';
import { joinWrappedLabels } from './laid-out-labels.js';
import { readLaidOutObjectives } from './laid-out-objectives.js';
import { runsOf } from './laid-out-runs.js';

const poppler = new Map(readTextFixtures('text/poppler'));
const fixture = (name: string): string => poppler.get(name) ?? '';

/** Every indicator table of a text, in order. */
function tables(text: string): LaidOutTable[] {
  const lines = text.split('\n');
  const found: LaidOutTable[] = [];
  for (let t = readLaidOutTable(lines, 0); t !== null; t = readLaidOutTable(lines, t.end)) found.push(t);
  return found;
}

describe('runs of a laid-out line', () => {
  it('cuts at gaps, ideographs two columns wide, a number kept with the unit LibreOffice spaces from it', () => {
    expect(runsOf('  数量指标 活动   ≧50 人  147').map((r) => [r.text, r.x, r.end])).toEqual([
      ['数量指标', 2, 10],
      ['活动', 11, 15],
      ['≧50 人', 18, 24],
      ['147', 26, 29],
    ]);
  });

  it('cuts at one space between a name and a value, or between two values', () => {
    expect(runsOf('公益 ≧1次 5 效果显著 90% ≤0.2% 0').map((r) => r.text)).toEqual([
      '公益',
      '≧1次',
      // A number before an ideograph may be LibreOffice's `≧50 人` as well: kept together.
      '5 效果显著',
      '90%',
      '≤0.2%',
      '0',
    ]);
  });
});

describe('level labels', () => {
  it('joins a wrapped label, the longest name first, and keeps what makes no label apart', () => {
    const { labels, stray } = joinLevel2([
      { text: '社会效益', line: 4 },
      { text: '指标', line: 5 },
      { text: '可持续影', line: 9 },
      { text: '响指标', line: 10 },
      { text: '访案件', line: 12 },
    ]);
    expect(labels).toEqual([
      { text: '社会效益指标', first: 4, last: 5 },
      { text: '可持续影响指标', first: 9, last: 10 },
    ]);
    expect(stray.map((p) => p.text)).toEqual(['访案件']);
  });

  it('gives each row the label its cell is centred on', () => {
    // Lines 0–5: rows 0, 1, 2–3 under a label on line 1.5 (lines 1–2), then rows 4 and 5
    // under a label on line 4.5 (the last block runs to the end).
    const rows = [
      { first: 0, last: 0 },
      { first: 1, last: 1 },
      { first: 2, last: 3 },
      { first: 4, last: 4 },
      { first: 5, last: 5 },
    ];
    const labels = [
      { text: '数量指标', first: 1, last: 2 },
      { text: '质量指标', first: 4, last: 5 },
    ];
    expect(rowLabels(labels, rows, 0, 6)).toEqual([0, 0, 0, 1, 1]);
  });

  it('leaves a row between two labels without a level when two cuttings centre equally well', () => {
    // Chromium's 一般行政管理事务: 质量指标 on line 5, 时效指标 on line 7, 成本指标 on line 9. The
    // row on line 6 fits 质量 [4,7) + 时效 [7,9) as well as 质量 [4,6) + 时效 [6,9), and the row
    // on line 8 时效 [7,9) + 成本 [9,10) as well as 时效 [7,8) + 成本 [8,10): each cutting is
    // half a line off twice. With a line of slack, 数量 [0,5) + 质量 [5,6) (one line off once)
    // fits as well, so the row on line 4 is in doubt too: these are the three rows reported.
    const rows = [
      [0, 0],
      [1, 1],
      [2, 3],
      [4, 4],
      [5, 5],
      [6, 6],
      [7, 7],
      [8, 8],
      [9, 9],
      [10, 10],
    ].map(([first, last]) => ({
      first: first ?? 0,
      last: last ?? 0,
    }));
    const labels = [
      { text: '数量指标', first: 1, last: 1 },
      { text: '质量指标', first: 5, last: 5 },
      { text: '时效指标', first: 7, last: 7 },
      { text: '成本指标', first: 9, last: 9 },
      { text: '社会效益指标', first: 10, last: 11 },
    ];
    expect(rowLabels(labels, rows, 0, 12)).toEqual([0, 0, 0, null, 1, null, 2, null, 3, 4]);
  });
});

describe('indicator tables of pdftotext -layout', () => {
  it('reads the rows of LibreOffice, whose short cells are centred between the lines of a wrapped name', () => {
    const [first] = tables(fixture('seed-libreoffice.layout.txt'));
    expect(first?.lines.slice(0, 2)).toEqual([
      '绩效指标',
      '| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 未完成原因和改进措施 |',
    ]);
    expect(first?.lines).toContain(
      '| 产出指标 | 数量指标 | 社区矫正人员每月参加公益活动 | ≧1次 | 5 | 因受疫情影响，减少人员聚集 |',
    );
    expect(first?.lines).toContain('| 产出指标 | 质量指标 | 矫正重点监管对象占总体比重 | ≤30% | 10% |  |');
    expect(first?.lines).toContain('| 满意度指标 | 服务对象满意度指标 | 社区矫正对象满意度 | 80% | 90% |  |');
    expect(first?.lines).toHaveLength(2 + 16);
  });

  it('reads the rows of Chromium, whose cells start on the row’s first line', () => {
    const [first] = tables(fixture('seed-chromium.layout.txt'));
    expect(first?.lines).toContain(
      '| 产出指标 | 数量指标 | 每月组织社区矫正人员集中学习、教育培训 | ≧1次 | 10 | 因受疫情影响，减少人员聚集 |',
    );
    expect(first?.lines).toContain('| 产出指标 | 质量指标 | 安排矫正人员入矫、解矫的及时和规范程度 | ≧90% | 90% |  |');
    expect(first?.unplaced).toEqual([]);
  });

  it('reports a row whose 二级指标 the lines cannot tell, and leaves it out of the table', () => {
    // Chromium, 一般行政管理事务: 质量指标 and 时效指标 each centre equally well on two cuttings.
    const second = tables(fixture('seed-chromium.layout.txt'))[1];
    expect(second?.lines.join('\n')).not.toContain('资产系统报送数据准确率');
    expect(second?.unplaced.find((u) => u.text.includes('资产系统报送数据准确率'))?.why).toBe('level');
  });

  it('keeps the line count, so that issues after the table point at the input’s lines', () => {
    const text = fixture('seed-libreoffice.layout.txt');
    const { issues } = importText(text, 'x.txt');
    const lines = text.split('\n');
    const reported = issues.filter((i) => i.code === 'text-laid-out-unplaced');
    expect(reported.length).toBeGreaterThan(0);
    for (const issue of reported) {
      const n = Number(/第(\d+)行/.exec(issue.location ?? '')?.[1]);
      expect(issue.raw?.startsWith(lines[n - 1] ?? '\u0000')).toBe(true);
    }
  });

  it('leaves a table with other columns (分值, 得分) as text', () => {
    const text = [
      '年度绩效 一级 二级指标           三级指标       年度指 实际完 分 得分 偏差原因',
      '指标完成 指标                           标值 成值 值             ',
      '               指标1:开展禁毒宣传 ≥1场 2场        2    2',
      '               指标2:开展禁毒宣传 ≥2场 3场        2    2',
    ];
    expect(readLaidOutTable(text, 0)).toBeNull();
  });

  it('reports a lone value that stands under neither the target nor the actual, and the rows next to it', () => {
    const table = [
      '绩效 一级指 二级指标       三级指标        年度指标值  全年完成值   未完成原因和改进措',
      '指标 标                                                          施',
      '    产出指 数量指标  甲项数量       ≥5次    6',
      '      标          乙项工作数量      ≥5次    6',
      '                  丁项工作完成数量  ≥5次    6',
      '                  丙项数量              7',
    ];
    const read = readLaidOutTable(table, 0);
    // 丙's 7 (under neither column) is reported; 丙 has no value left and 丁 is next to it (the
    // line may hold the rest of its cells): both are left out and reported, nothing is guessed.
    expect(read?.lines.slice(2)).toEqual([
      '| 产出指标 | 数量指标 | 甲项数量 | ≥5次 | 6 |  |',
      '| 产出指标 | 数量指标 | 乙项工作数量 | ≥5次 | 6 |  |',
    ]);
    expect(read?.unplaced).toEqual([
      { line: 5, text: table[5], why: 'cell' },
      { line: 4, text: table[4], why: 'cell' },
      { line: 5, text: table[5], why: 'cell' },
    ]);
  });
});

describe('labels a cell wrapped', () => {
  it('are put back whole on their row’s line, at their place', () => {
    const lines = [
      '  项目名称 社区矫正                     项目起止时 2020.1.1-2020.12.31',
      '                                    间',
      '是否重点绩效项 是                        项目属性 延续性',
      '   目',
      '                                全年预算数 全年执行数',
      '                                  （A）    （B）',
    ];
    joinWrappedLabels(lines, 0, lines.length);
    expect(lines.map((l) => l.trim().split(/\s+/))).toEqual([
      ['项目名称', '社区矫正', '项目起止时间', '2020.1.1-2020.12.31'],
      [''],
      ['是否重点绩效项目', '是', '项目属性', '延续性'],
      [''],
      ['全年预算数（A）', '全年执行数（B）'],
      [''],
    ]);
  });

  it('use the line between their pieces when LibreOffice centred the row’s values there', () => {
    const lines = [
      '                                           项目起止时',
      '   项目名称      社区矫正                                2020.1.1-2020.12.31',
      '                                             间',
    ];
    joinWrappedLabels(lines, 0, lines.length);
    expect(lines.map((l) => l.trim().split(/\s+/))).toEqual([
      [''],
      ['项目名称', '社区矫正', '项目起止时间', '2020.1.1-2020.12.31'],
      [''],
    ]);
  });

  it('are left alone when the pieces make no label', () => {
    const lines = ['  项目名称 社区矫正      项目起止时 2020.1.1', '                        年'];
    const before = [...lines];
    joinWrappedLabels(lines, 0, lines.length);
    expect(lines).toEqual(before);
  });
});

describe('the objectives block', () => {
  it('reads the planned text left-aligned in its column and the actual text right of it', () => {
    // LibreOffice's 培训支出: the actual text starts a line above the planned one, and the side
    // label 年度总体目标 is cut into pieces left of the planned column.
    const lines = [
      '                    年初设定目标                             全年实际完成情况',
      '                             基本按照年初培训计划开展了培训工作，在全区',
      '年度总体 提升本局工作人员业务素质，对特定服务和管理对象 法治培训、普法宣传和社区矫正等方面收到良好',
      ' 目标  开展有关法治、普法和社矫等方面的讲座和培训，提 效果。',
      '     升有关人员学法、守法、用法意识和水平。',
      '绩效指标',
    ];
    expect(readLaidOutObjectives(lines, 0)).toEqual({
      start: 0,
      end: 5,
      lines: [
        '年度总体目标 年初设定目标',
        '提升本局工作人员业务素质，对特定服务和管理对象开展有关法治、普法和社矫等方面的讲座和培训，提升有关人员学法、守法、用法意识和水平。',
        '全年实际完成情况',
        '基本按照年初培训计划开展了培训工作，在全区法治培训、普法宣传和社区矫正等方面收到良好效果。',
      ],
    });
  });

  it('is left as it is when no two lines start at the planned column', () => {
    const lines = [
      '   年初设定目标      全年实际完成情况',
      '  甲',
      '                        乙',
      '            丙丙丙丙    丁',
      '绩效指标',
    ];
    expect(readLaidOutObjectives(lines, 0)).toBeNull();
  });

  it('is left as it is when a line starts a little right of the planned column (indented, or the actual?)', () => {
    const lines = [
      '                  年初设定目标                          全年实际完成情况',
      '           严格执行相关政策,保障工资及时、足额发放',
      '         或社保及时、足额缴纳,预算编制科学合理,减       全部完成。',
      '                少结余资金。',
      '绩效指标',
    ];
    expect(readLaidOutObjectives(lines, 0)).toBeNull();
  });
});
