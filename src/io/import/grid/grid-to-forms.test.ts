import { describe, expect, it } from 'vitest';
import type { Form } from '../../../domain/form/form.schema.js';
import type { Grid, GridCell } from './grid.js';
import { findLostText } from './find-lost-text.js';
import { gridToForms } from './grid-to-forms.js';

/**
 * A grid from rows of strings: `<` is covered by the cell to the left (colspan), `^` by the cell
 * above (rowspan), `_` is a hole (no cell, as a PDF grid may have).
 */
function gridOf(rows: readonly (readonly string[])[], outside: Grid['outside'] = [], rowOffset = 0): Grid {
  const cells: GridCell[][] = rows.map((row, r) =>
    row.flatMap((text, c): GridCell[] => {
      if (text === '<' || text === '^' || text === '_') return [];
      let colSpan = 1;
      while (row[c + colSpan] === '<') colSpan += 1;
      let rowSpan = 1;
      while (rows[r + rowSpan]?.[c] === '^') rowSpan += 1;
      return [{ row: r + rowOffset, col: c, rowSpan, colSpan, text, location: `R${r + 1 + rowOffset}C${c + 1}` }];
    }),
  );
  return { file: 'test.grid', rows: cells, outside };
}

/** A template with 年初预算数, 分值/得分 on funding and indicators, money in 元, 总分/评价等级. */
const SCORED_ROWS = [
  ['项目名称', '<', '示范项目', '<', '<', '<', '项目起止时间', '<', '2021.1.1-2021.12.31', '<'],
  ['主管部门', '<', '某某局', '<', '<', '<', '实施单位', '<', '某某中心', '<'],
  ['项目负责人', '<', '张 三', '<', '<', '<', '项目属性', '<', '新增', '<'],
  ['项目资金（元）', '<', '', '<', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  ['^', '^', '年度资金总额：', '<', '1,000,000', '1200000', '1150000', '10', '95.83%', '9.58'],
  ['^', '^', '其中：当年财政拨款', '<', '1000000', '1200000', '1150000', '', '95.83%', ''],
  ['年度总体目标', '年初设定目标', '<', '<', '<', '全年实际完成情况', '<', '<', '<', '<'],
  ['^', '目标一：完成建设。\n目标二：服务群众。', '<', '<', '<', '已完成。', '<', '<', '<', '<'],
  [
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
    '<',
  ],
  ['^', '产出指标', '数量指标', '培训人数', '≥100人', '120人', '20', '20', '', '<'],
  ['^', '^', '^', '培训场次', '≥5场', '4场', '10', '8', '疫情影响，\n下半年补办', '<'],
  ['^', '^', '质量指标', '合格率', '≥95%', '96%', '20', '20', '', '<'],
  ['^', '效益指标', '经济效益\n指标', '', '', '', '', '', '', '<'],
  ['^', '^', '社会效益指标', '群众知晓率', '提高', '显著提高', '30', '28', '', '<'],
  ['^', '满意度指标', '服务对象满意度指标', '满意度', '≥90%', '92%', '10', '10', '', '<'],
  ['总分', '95.58', '<', '<', '<', '评价等级', '<', '优', '<', '<'],
  ['说明', '无', '<', '<', '<', '<', '<', '<', '<', '<'],
  ['填表人', '李 四', '<', '<', '联系电话', '<', '010-12345678', '<', '<', '<'],
];

const SCORED_FORM: Form = {
  kind: 'project-self-evaluation',
  year: 2021,
  title: '2021年度示范项目支出绩效自评表',
  project: {
    name: '示范项目',
    period: { start: '2021-01-01', end: '2021-12-31' },
    department: '某某局',
    implementer: '某某中心',
    isKeyProject: null,
    attribute: '新增',
  },
  funding: {
    unit: '元',
    lines: [
      {
        name: '年度资金总额',
        initialBudget: 1000000,
        budget: 1200000,
        executed: 1150000,
        rate: 95.83,
        weight: 10,
        score: 9.58,
      },
      {
        name: '当年财政拨款',
        initialBudget: 1000000,
        budget: 1200000,
        executed: 1150000,
        rate: 95.83,
        weight: null,
        score: null,
      },
    ],
  },
  objectives: { planned: '目标一：完成建设。目标二：服务群众。', actual: '已完成。' },
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '培训人数',
      target: '≥100人',
      actual: '120人',
      note: null,
      weight: 20,
      score: 20,
    },
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '培训场次',
      target: '≥5场',
      actual: '4场',
      note: '疫情影响，下半年补办',
      weight: 10,
      score: 8,
    },
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '合格率',
      target: '≥95%',
      actual: '96%',
      note: null,
      weight: 20,
      score: 20,
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '群众知晓率',
      target: '提高',
      actual: '显著提高',
      note: null,
      weight: 30,
      score: 28,
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '满意度',
      target: '≥90%',
      actual: '92%',
      note: null,
      weight: 10,
      score: 10,
    },
  ],
  remarks: '无',
  preparer: { name: '李四', phone: '010-12345678' },
  selfScore: { total: 95.58, grade: '优' },
  extras: { 项目负责人: '张三' },
};

/** A small seed-layout form (no scores) named `name`, `rows` rows long. */
function miniRows(name: string, budget: string): string[][] {
  return [
    ['项目名称', '<', name, '<', '项目起止时间', '2020.1.1-2020.12.31', '<'],
    ['主管部门', '<', '某局', '<', '实施单位', '某局', '<'],
    ['是否重点绩效项目', '<', '否', '<', '项目属性', '延续性', '<'],
    ['项目资金（万元）', '<', '', '<', '全年预算数（A）', '全年执行数（B）', '执行率（B/A)'],
    ['^', '^', '年度资金总额：', '<', budget, budget, '100%'],
    ['年度总体目标', '年初设定目标', '<', '<', '全年实际完成情况', '<', '<'],
    ['^', `${name}目标`, '<', '<', `${name}完成`, '<', '<'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值', '未完成原因和改进措施'],
    ['^', '产出指标', '数量指标', `${name}指标`, '1次', '1次', ''],
    ['说明', '无', '<', '<', '<', '<', '<'],
  ];
}

const miniForm = (name: string, budget: number, preparer: string | null, title: string): Form => ({
  kind: 'project-self-evaluation',
  year: 2020,
  title,
  project: {
    name,
    period: { start: '2020-01-01', end: '2020-12-31' },
    department: '某局',
    implementer: '某局',
    isKeyProject: false,
    attribute: '延续性',
  },
  funding: {
    unit: '万元',
    lines: [{ name: '年度资金总额', initialBudget: null, budget, executed: budget, rate: 100 }],
  },
  objectives: { planned: `${name}目标`, actual: `${name}完成` },
  indicators: [
    { level1: '产出指标', level2: '数量指标', name: `${name}指标`, target: '1次', actual: '1次', note: null },
  ],
  remarks: '无',
  preparer: { name: preparer, phone: preparer === null ? null : '123' },
  extras: {},
});

describe('gridToForms', () => {
  it('reads a scored template with 年初预算数, money in 元, 总分 and an unknown labelled field', () => {
    const grid = gridOf(SCORED_ROWS, [{ text: '2021年度示范项目支出绩效自评表', location: 'p1', beforeRow: 0 }]);
    const result = gridToForms(grid);
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual([SCORED_FORM]);
    expect(findLostText(grid, result)).toEqual([]);
  });

  it('reads cells pasted from a PDF whose fonts name ideographs by look-alike radicals (项⽬, 部⻔)', () => {
    const radicals = (t: string): string => t.replaceAll('目', '⽬').replaceAll('门', '⻔');
    const rows = SCORED_ROWS.map((row) => row.map(radicals));
    expect(rows).not.toEqual(SCORED_ROWS);
    const grid = gridOf(rows, [{ text: radicals('2021年度示范项目支出绩效自评表'), location: 'p1', beforeRow: 0 }]);
    const result = gridToForms(grid);
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual([SCORED_FORM]);
    expect(findLostText(grid, result)).toEqual([]);
  });

  it('splits several forms of one grid by their titles, 填表人 and 备注 lines', () => {
    const a = miniRows('甲', '10');
    const b = miniRows('乙', '20.5');
    const grid = gridOf(
      [...a, ...b],
      [
        { text: '附件2', location: 'p1', beforeRow: 0 },
        { text: '甲项目支出绩效自评表', location: 'p2', beforeRow: 0 },
        { text: '（2020年度）', location: 'p3', beforeRow: 0 },
        { text: '填表人： 王 五\u3000联系电话： 123', location: 'p4', beforeRow: a.length },
        { text: '备注：1.请按项目体系一级开展绩效自评。', location: 'p5', beforeRow: a.length },
        { text: '2.其他资金包括自有资金。', location: 'p6', beforeRow: a.length },
        { text: '乙项目支出绩效目标自评表', location: 'p7', beforeRow: a.length },
        { text: '（2020年度）', location: 'p8', beforeRow: a.length },
        { text: '第2页', location: 'p9', beforeRow: a.length + 3 },
      ],
    );
    const result = gridToForms(grid);
    expect(result.forms).toEqual([
      miniForm('甲', 10, '王五', '甲项目支出绩效自评表'),
      miniForm('乙', 20.5, null, '乙项目支出绩效目标自评表'),
    ]);
    // The page number is not a field: it is reported with its text, for form 2.
    expect(result.issues.map((i) => [i.code, i.raw, i.form])).toEqual([['grid-unplaced-text', '第2页', 1]]);
  });

  it('lines between two forms: 填表人, 填报日期 and 备注 stay under the first, 报表编号 above a title heads the second', () => {
    const a = miniRows('甲', '10');
    const b = miniRows('乙', '3');
    const between = [
      '填表人： 王 五\u3000联系电话： 123',
      '填报日期：2021年1月5日',
      '备注：1.请按项目体系一级开展绩效自评。',
      '2. 其他资金包括: 社会投入资金',
      '报表编号：510000_0013zp',
    ];
    const title = '乙项目支出绩效自评表（2020年度）';
    const expected = [
      { ...miniForm('甲', 10, '王五', '甲项目支出绩效自评表'), extras: { 填报日期: '2021年1月5日' } },
      { ...miniForm('乙', 3, null, '乙项目支出绩效自评表'), extras: { 报表编号: '510000_0013zp' } },
    ];
    // As lines of a page between two tables, and as lone cells of a sheet between the forms' rows.
    const page = gridOf(
      [...a, ...b],
      [
        { text: '甲项目支出绩效自评表（2020年度）', location: 'p1', beforeRow: 0 },
        ...[...between, title].map((text, i) => ({ text, location: `p${i + 2}`, beforeRow: a.length })),
      ],
    );
    // In a sheet, as lone cells between the forms' rows (a lone `填报日期：…` cell, with a label the
    // template does not know, is a warning there: left out).
    const sheet = gridOf([
      ['甲项目支出绩效自评表（2020年度）'],
      ...a,
      [between[0] ?? ''],
      [between[4] ?? ''],
      [title],
      ...b,
    ]);
    const first = { ...miniForm('甲', 10, '王五', '甲项目支出绩效自评表'), extras: {} };
    for (const [grid, forms] of [
      [page, expected],
      [sheet, [first, expected[1]]],
    ] as const) {
      const result = gridToForms(grid);
      expect(result.issues).toEqual([]);
      expect(result.forms).toEqual(forms);
      expect(findLostText(grid, result)).toEqual([]);
    }
  });

  it('a title repeated over a continued table (a running head) starts no form, and is reported', () => {
    const rows = miniRows('甲', '10');
    const title = '甲项目支出绩效自评表（2020年度）';
    // Repeated over the indicator rows (no funding after it), or over the funding rows of a form
    // whose first page held none: neither is a form of its own.
    for (const beforeRow of [7, 3]) {
      const grid = gridOf(rows, [
        { text: title, location: 'p1', beforeRow: 0 },
        { text: title, location: 'p2', beforeRow },
      ]);
      const result = gridToForms(grid);
      expect(result.forms).toEqual([miniForm('甲', 10, null, '甲项目支出绩效自评表')]);
      expect(result.issues.map((i) => [i.code, i.raw])).toEqual([['grid-unplaced-text', title]]);
    }
  });

  it('reads title rows inside the grid (several forms on one sheet)', () => {
    const rows = [
      ['甲项目支出绩效自评表'],
      ['（2020年度）'],
      ...miniRows('甲', '10'),
      ['乙项目支出绩效自评表'],
      ['（2020年度）'],
      ...miniRows('乙', '3'),
    ];
    const result = gridToForms(gridOf(rows));
    expect(result.issues).toEqual([]);
    expect(result.forms.map((f) => [f.title, f.year, f.project.name, f.funding.lines[0]?.budget])).toEqual([
      ['甲项目支出绩效自评表', 2020, '甲', 10],
      ['乙项目支出绩效自评表', 2020, '乙', 3],
    ]);
  });

  it('tolerates a PDF-like grid: category cells not merged down, the funding label not spanning', () => {
    const rows = miniRows('甲', '10');
    rows[4] = ['_', '_', '年度资金总额：', '<', '10', '10', '100%'];
    rows.splice(9, 0, ['_', '_', '_', '甲指标二', '2次', '2次', '']);
    const result = gridToForms(gridOf(rows, [{ text: '（2020年度）', location: 'p1', beforeRow: 0 }]));
    expect(result.forms[0]?.funding.lines).toEqual([
      { name: '年度资金总额', initialBudget: null, budget: 10, executed: 10, rate: 100 },
    ]);
    expect(result.forms[0]?.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ['产出指标', '数量指标', '甲指标'],
      ['产出指标', '数量指标', '甲指标二'],
    ]);
  });

  it('loses nothing: unknown cells, columns and unreadable values come back as issues with their text', () => {
    const rows = SCORED_ROWS.map((row) => [...row, '']);
    rows[0] = [...(SCORED_ROWS[0] ?? []), '孤立文字'];
    rows[4] = ['^', '^', '年度资金总额：', '<', '约100万', '1200000', '1150000', '10', '95.83%', '9.58', ''];
    rows[8] = [
      '^',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
      '<',
      '指标性质',
    ];
    rows[9] = ['^', '产出指标', '数量指标', '培训人数', '≥100人', '120人', '20', '20', '', '<', '正向'];
    rows[1] = ['主管部门', '<', '某某局', '<', '<', '<', '实施单位', '<', '某某中心', '<', ''];
    rows[0][8] = '2021年全年';
    const grid = gridOf(rows, [
      { text: '2021年度示范项目支出绩效自评表', location: 'p1', beforeRow: 0 },
      { text: '审核意见待补充', location: 'p2', beforeRow: rows.length },
    ]);
    const result = gridToForms(grid);
    expect(findLostText(grid, result)).toEqual([]);
    const raws = result.issues.map((i) => i.raw);
    expect(raws).toEqual(expect.arrayContaining(['孤立文字', '约100万', '正向', '2021年全年', '审核意见待补充']));
    expect(result.forms[0]?.funding.lines[0]?.initialBudget).toBeNull();
    expect(result.forms[0]?.project.period).toBeNull();
  });

  it('the lost-text check itself fails when a cell is dropped', () => {
    const grid = gridOf(miniRows('甲', '10'), [{ text: '（2020年度）', location: 'p', beforeRow: 0 }]);
    const result = gridToForms(grid);
    const form = result.forms[0];
    if (form === undefined) throw new Error('no form');
    const dropped = { forms: [{ ...form, objectives: { planned: null, actual: null } }], issues: result.issues };
    expect(findLostText(grid, dropped)).toEqual(['甲目标', '甲完成']);
  });

  it('a grid without 项目名称 gives an error issue holding its text, and no form', () => {
    const result = gridToForms(
      gridOf([
        ['姓名', '年龄'],
        ['张三', '30'],
      ]),
    );
    expect(result.forms).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.severity, i.raw])).toEqual([
      ['grid-no-form', 'error', '姓名\n年龄\n张三\n30'],
    ]);
  });

  it('takes the year from the period when no year is printed, and refuses a form without funding', () => {
    const noYear = gridToForms(
      gridOf(miniRows('甲', '10'), [{ text: '甲项目支出绩效自评表', location: 'p', beforeRow: 0 }]),
    );
    expect(noYear.forms[0]?.year).toBe(2020);
    expect(noYear.issues.map((i) => [i.code, i.severity])).toEqual([['grid-year-from-period', 'warning']]);

    const rows = miniRows('甲', '10').filter((_, i) => i !== 3 && i !== 4);
    const noFunding = gridToForms(gridOf(rows, [{ text: '（2020年度）', location: 'p', beforeRow: 0 }]));
    expect(noFunding.forms).toEqual([]);
    const error = noFunding.issues.find((i) => i.severity === 'error');
    expect(error?.code).toBe('grid-incomplete-form');
    expect(error?.message).toContain('项目资金');
    expect(error?.raw).toContain('甲指标');
  });
});
