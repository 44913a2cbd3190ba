import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formSchema } from '../../../domain/form/form.schema.js';
import { REPO_ROOT, readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';
import { lostFragments } from './lost-fragments.js';

const seedText = readFileSync(join(REPO_ROOT, 'fixtures/seed/pingshan-justice-2020.txt'), 'utf8');
const golden: unknown = JSON.parse(
  readFileSync(join(REPO_ROOT, 'fixtures/seed/pingshan-justice-2020.golden.json'), 'utf8'),
);

const CJK = /[\u4e00-\u9fff]/;
const KEBAB = /^[a-z]+(?:-[a-z]+)*$/;

describe('importText on the seed', () => {
  it('parses the six PDF-extracted forms to exactly the golden file', () => {
    const result = importText(seedText, 'seed.txt');
    expect(result.forms).toEqual(golden);
  });

  it('reads text copied out of a PDF whose fonts name ideographs by look-alike radicals (项⽬, 部⻔, ⼯作, ⼈员)', () => {
    // Chromium's PDFs, and what is copied out of them, print 目 门 户 工 人 as radicals (U+2F00–U+2FDF, U+2E80–U+2EFF).
    const radicals = seedText
      .replaceAll('目', '⽬')
      .replaceAll('门', '⻔')
      .replaceAll('工', '⼯')
      .replaceAll('人', '⼈');
    expect(radicals).not.toBe(seedText);
    const result = importText(radicals, 'seed-radicals.txt');
    expect(result.forms).toEqual(golden);
    expect(result.issues).toEqual([]);
    expect(lostFragments(radicals, result)).toEqual([]);
  });

  it('raises no issue on the seed (the 备注 notes and 附件2 are boilerplate)', () => {
    expect(importText(seedText, 'seed.txt').issues).toEqual([]);
  });
});

describe('importText on what a page prints after the template notes', () => {
  const lines = seedText.split('\n');
  const notesAt = lines.findIndex((l) => l.startsWith('备注'));
  const nextTitle = lines.findIndex((l, k) => k > notesAt && l.includes('自评表'));

  it('reports a footer after the last form’s notes, and keeps a second 填表人 line in extras', () => {
    const text = `${seedText}\n版权所有 坪山区司法局\n填表人：张三    联系电话：0755-1234\n`;
    const result = importText(text, 'page.txt');
    expect(result.forms.slice(0, 5)).toEqual((golden as unknown[]).slice(0, 5));
    expect(result.forms[5]?.extras).toEqual({ 填表人: '张三', 联系电话: '0755-1234' });
    expect(result.issues.map((i) => [i.code, i.raw])).toEqual([['unplaced-text', '版权所有 坪山区司法局']]);
    expect(lostFragments(text, result)).toEqual([]);
  });

  it('keeps a 备注 the filler wrote (no words of the template notes) as printed text, not notes', () => {
    const text = [
      ...lines.slice(0, notesAt),
      '备注：本项目资金已于2020年12月全部拨付到位。',
      ...lines.slice(nextTitle),
    ].join('\n');
    const result = importText(text, 'remark.txt');
    expect(JSON.stringify(result)).toContain('全部拨付到位');
    expect(result.forms.slice(1)).toEqual((golden as unknown[]).slice(1));
  });

  it('still leaves out notes wrapped at the page edge, numbered, or cut by a page marker', () => {
    const notes = lines.slice(notesAt, nextTitle);
    const text = [
      ...lines.slice(0, notesAt),
      ...notes.slice(0, 3),
      '- 2 -',
      ...notes.slice(3),
      ...lines.slice(nextTitle),
    ].join('\n');
    const result = importText(text, 'marker.txt');
    expect(result.forms).toEqual(golden);
    expect(result.issues).toEqual([]);
  });
});

describe('importText on every fixture', () => {
  const all = [...readTextFixtures('real'), ...readTextFixtures('text'), ['seed', seedText] as [string, string]];
  it.each(all)('%s: forms are schema-valid and issues well-formed', (file, text) => {
    const result = importText(text, file);
    for (const form of result.forms) expect(formSchema.safeParse(form).error).toBeUndefined();
    for (const issue of result.issues) {
      expect(issue.code).toMatch(KEBAB);
      expect(issue.message).toMatch(CJK);
      expect(issue.file).toBe(file);
    }
  });
});

describe('importText on the team fixtures', () => {
  const fixtures = new Map(readTextFixtures('text'));
  const familyA = fixtures.get('family-a-scored-notes.txt') ?? '';
  const perLine = fixtures.get('one-cell-per-line-yuan.txt') ?? '';

  it('reads family A scores, thousands separators, notes below the row and 项目负责人', () => {
    const [form] = importText(familyA, 'a.txt').forms;
    expect(form?.funding.lines[0]).toEqual({
      name: '年度资金总额',
      initialBudget: 1200,
      budget: 1150.5,
      executed: 1100,
      rate: 95.61,
      weight: 10,
      score: 9.5,
    });
    expect(form?.indicators).toHaveLength(5);
    expect(form?.indicators[0]).toMatchObject({
      name: '养护里程',
      target: '≥120公里',
      note: '雨季影响，下年提前安排',
      weight: 20,
      score: 19,
    });
    expect(form?.extras?.['项目负责人']).toBe('王五');
    expect(form?.selfScore).toEqual({ total: 96.5 });
    expect(form?.preparer).toEqual({ name: '李四', phone: '0000-1234567' });
  });

  it('reads one cell per line, an NBSP empty cell and money in 元', () => {
    const [form] = importText(perLine, 'b.txt').forms;
    expect(form?.funding.unit).toBe('元');
    expect(form?.funding.lines[0]).toMatchObject({ budget: 50000, executed: 48000, rate: 96 });
    expect(form?.indicators.map((i) => [i.name, i.target, i.actual])).toEqual([
      ['购书册数', '≥2000册', '2100册'],
      ['图书验收合格率', '100%', null],
      ['读者满意度', '≥90%', '93%'],
    ]);
  });
});

describe('importText on a split target served one cell per line', () => {
  it('keeps the 指标性质 `=` and the 度量单位 `%` cells, which hold no letter, in the target', () => {
    const cells = [
      '部门预算项目支出绩效自评表(2023年度)',
      '项目名称',
      '工资性支出',
      '绩效指标(90分)',
      ...['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分'],
      '未完成原因分析',
      ...['产出指标', '数量指标', '发放覆盖率', '=', '100', '%', '100', '60', '60', ''],
      ...['效益指标', '社会效益指标', '参保率', '≥', '95', '%', '', '30', '', ''],
    ];
    const form = importText(cells.map((c) => `${c} |`).join('\n'), 'split.txt').forms[0];
    expect(form?.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score])).toEqual([
      ['发放覆盖率', '=100%', '100', 60, 60],
      ['参保率', '≥95%', null, 30, null],
    ]);
  });
});

describe('importText on the head of a Hunan county form (103)', () => {
  it('reads 专项资金名称 as the project name and 县级主管部门 as its department', () => {
    const text = [
      '2020年度县级专项资金绩效目标自评表',
      '专项资金名称 县级储备粮 负责人及电话 旷建成',
      '县级主管部门 衡山县商务和粮食局 实施单位 粮食调控储备与产业发展股',
    ].join('\n');
    const result = importText(text, 'county.txt');
    expect(result.forms[0]?.project).toMatchObject({ name: '县级储备粮', department: '衡山县商务和粮食局' });
    expect(result.issues.map((i) => i.code)).not.toContain('project-name-missing');
  });
});

describe('importText on a glued row of words (103)', () => {
  it('cuts a run with no digit when it ends in its target printed twice (…安全性高高)', () => {
    const text = [
      '2020年度县级专项资金绩效目标自评表',
      '项目名称 县级储备粮',
      '一级指标 二级指标 三级指标 年度指标值 全年完成值 未完成原因和改进措施',
      '效益指标 可持续影响指标',
      '粮食储备设备维护及安全性高高',
      '社会效益指标',
      '群众对粮食安全的信心显著增强',
    ].join('\n');
    const form = importText(text, 'worded.txt').forms[0];
    expect(form?.indicators.map((i) => [i.level2, i.name, i.target, i.actual])).toEqual([
      ['可持续影响指标', '粮食储备设备维护及安全性', '高', '高'],
      ['社会效益指标', '群众对粮食安全的信心显著增强', null, null],
    ]);
  });
});

describe('importText on a glued row it cannot cut (106)', () => {
  it('keeps the run as the name and warns that its values are glued on', () => {
    const text = [
      '2020年度长江禁捕项目自评表',
      '项目名称 渔业成品油价格改革补贴',
      '一级指标 二级指标 三级指标 年初目标值(A) 实际完成值(B)',
      '产出指标 质量指标',
      '渔船补贴发放率100%100%10',
    ].join('\n');
    const result = importText(text, 'unsplit.txt');
    expect(result.forms[0]?.indicators.map((i) => [i.name, i.target, i.actual])).toEqual([
      ['渔船补贴发放率100%100%10', null, null],
    ]);
    const issue = result.issues.find((i) => i.code === 'indicator-values-unsplit');
    expect(issue?.raw).toBe('渔船补贴发放率100%100%10');
  });
});

describe('importText on a glued Sichuan 衔接资金 form (107)', () => {
  const text =
    '绩效目标自评表(2022年度)项目名称小型水库水标尺制作安装主管部门中江县水利局' +
    '绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施' +
    '产出指标(70分)数量指标水标尺宽度10≥50厘米≥50厘米10' +
    '满意度指标(10分)服务对象满意度指标受益户满意度10≥95%≥95%10……总分100100' +
    '注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、满意度指标10分,3.定量指标若为正向';

  it('reads 未完成原因及拟采取的改进措施 as the note column, so 分值 before 年度指标值 cuts the rows', () => {
    const result = importText(text, 'zhongjiang.txt');
    expect(result.forms[0]?.indicators.map((i) => [i.level1, i.name, i.target, i.actual, i.weight, i.score])).toEqual([
      ['产出指标', '水标尺宽度', '≥50厘米', '≥50厘米', 10, 10],
      ['满意度指标', '受益户满意度', '≥95%', '≥95%', 10, 10],
    ]);
    expect(result.issues.map((i) => i.code)).not.toContain('indicator-header-missing');
  });

  it('reads the next form glued after the footnote', () => {
    const two = `${text}。2023年度绩效目标自评表项目名称第二个工程主管部门中江县水利局`;
    const forms = importText(two, 'zhongjiang.txt').forms;
    expect(forms.map((f) => f.project.name)).toEqual(['小型水库水标尺制作安装', '第二个工程']);
  });

  it('ends the table at 总分 and leaves the glued 注: footnote out of the rows', () => {
    const result = importText(text, 'zhongjiang.txt');
    const names = result.forms[0]?.indicators.map((i) => i.name) ?? [];
    expect(names.some((n) => /注|分值统一|50分/.test(n))).toBe(false);
    expect(result.forms[0]?.indicators).toHaveLength(2);
    // `总分100100` is 分值 100 glued to the score 100.
    expect(result.forms[0]?.selfScore?.total).toBe(100);
    expect(result.issues.find((i) => i.code === 'total-glued-split')?.raw).toBe('100100');
  });
});

describe('importText on rows printing only 分值 and 得分 (108)', () => {
  const form = (satisfactionWeight: number): string =>
    [
      '项目支出绩效自评表',
      '(2022年度)',
      '项目名称 水旱灾害防御经费',
      '项目资金',
      '(万元)',
      '年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分',
      '年度资金总额: 880 880 880 10 10',
      '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
      '产出指标 数量指标 指标1:完成项目数量 1 1 40 40',
      '质量指标 指标1:工程质量合格 40 40',
      '生态效益指标 指标1:/ / /',
      `满意度指标 服务对象满意度指标 指标1:服务对象满意度 90% 100% ${satisfactionWeight} ${satisfactionWeight}`,
    ].join('\n');

  it('reads two bare numbers as 分值/得分 when that makes the points add up to 100, and reports it', () => {
    const result = importText(form(10), 'scores.txt');
    const rows = result.forms[0]?.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score]);
    expect(rows).toEqual([
      ['指标1:完成项目数量', '1', '1', 40, 40],
      ['指标1:工程质量合格', null, null, 40, 40],
      ['指标1:服务对象满意度', '90%', '100%', 10, 10],
    ]);
    expect(result.issues.find((i) => i.code === 'indicator-values-as-scores')?.raw).toBe('40 40');
    expect(result.issues.find((i) => i.code === 'indicator-placeholder' && i.raw === '指标1:/')).toBeDefined();
  });

  it('leaves a table where no row prints its 分值 as printed, whatever the sums', () => {
    const text = [
      '项目支出绩效自评表',
      '(2022年度)',
      '项目名称 水旱灾害防御经费',
      '项目资金',
      '(万元)',
      '年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分',
      '年度资金总额: 880 880 880 10 10',
      '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
      '产出指标 数量指标 指标1:培训人数 50 50',
      '质量指标 指标1:检查次数 40 40',
    ].join('\n');
    const rows = importText(text, 'bare.txt').forms[0]?.indicators.map((i) => [i.target, i.actual, i.weight ?? null]);
    expect(rows).toEqual([
      ['50', '50', null],
      ['40', '40', null],
    ]);
  });

  it('leaves them as printed when the sums do not confirm it', () => {
    const result = importText(form(5), 'scores.txt');
    const row = result.forms[0]?.indicators.find((i) => i.name === '指标1:工程质量合格');
    expect([row?.target, row?.actual, row?.weight ?? null]).toEqual(['40', '40', null]);
    expect(result.issues.map((i) => i.code)).not.toContain('indicator-values-as-scores');
  });
});

describe('importText on a funding row whose last numbers are glued (109)', () => {
  it('fills the columns after the numbers printed apart: 285.84 285.84 100%20 is budget, spending, 100%, 20', () => {
    const text = [
      '2020年度项目自评表',
      '项目名称 服务贸易发展资金',
      '预算执行情况(万元)(20分) 预算数(A) 执行数(B) 执行率(B/A) 得分(20分*执行率)',
      '年度财政资金总额 285.84 285.84 100%20',
    ].join('\n');
    const line = importText(text, 'glued-rate.txt').forms[0]?.funding.lines[0];
    expect(line).toMatchObject({ name: '年度财政资金总额', budget: 285.84, executed: 285.84, rate: 100, score: 20 });
  });
});

describe('importText on a source row repeating the total glued (107)', () => {
  const text = (source: string): string =>
    '绩效目标自评表(2022年度)项目名称小型水库水标尺制作安装主管部门中江县水利局资金情况(万元)' +
    `全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10其中:本年财政拨款${source}其他资金`;

  it('cuts 2020 under a total of 20 | 20 into 20 | 20, and reports it', () => {
    const result = importText(text('2020'), 'repeat.txt');
    expect(result.forms[0]?.funding.lines[1]).toMatchObject({ name: '本年财政拨款', budget: 20, executed: 20 });
    expect(result.issues.filter((i) => i.code === 'funding-glued-split').map((i) => i.raw)).toContain('2020');
  });

  it('leaves a number that could be the row its own', () => {
    const result = importText(text('15'), 'repeat.txt');
    expect(result.forms[0]?.funding.lines[1]).toMatchObject({ name: '本年财政拨款', budget: 15, executed: null });
  });
});

describe('importText on a funding table whose 项目资金 cell was dropped', () => {
  it('keeps the label that opens the table: 年初预算数 is the first column, not lost', () => {
    const text = [
      '项目支出绩效自评表',
      '(2022年度)',
      '项目名称 水旱灾害防御经费',
      '年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分',
      '年度资金总额: 880 880 880 10 10',
    ].join('\n');
    const line = importText(text, 'no-anchor.txt').forms[0]?.funding.lines[0];
    expect(line).toMatchObject({ initialBudget: 880, budget: 880, executed: 880, rate: null, weight: 10, score: 10 });
  });
});

describe('importText on rotated level-1 labels read out of order (106)', () => {
  it("cuts 得分出标产指 into the header's 得分 and 产出指标, reported as misread", () => {
    const text =
      '2020年度长江禁捕项目自评表项目名称渔业成品油价格改革补贴主管部门区市场监督管理局' +
      '二级指标三级指标年初目标值(A)实际完成值(B)得分出标产指质量指标渔船补贴发放率100%100%10';
    const result = importText(text, 'rotated.txt');
    expect(result.forms[0]?.indicators.map((i) => [i.level1, i.name, i.target, i.actual, i.score])).toEqual([
      ['产出指标', '渔船补贴发放率', '100%', '100%', 10],
    ]);
    expect(result.issues.find((i) => i.code === 'label-misread')?.raw).toBe('出标产指');
  });
});

describe('importText on hostile input', () => {
  it('returns one Chinese error for an empty string', () => {
    const result = importText('', 'empty.txt');
    expect(result.forms).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['no-form-found', 'error']]);
  });

  it('reports a text with no form as no-form-found, keeping the text in an issue', () => {
    const result = importText('会议纪要\n今天讨论了预算。', 'memo.txt');
    expect(result.forms).toEqual([]);
    expect(result.issues.find((i) => i.code === 'no-form-found')?.message).toMatch(/没有找到/);
    expect(result.issues.some((i) => i.raw?.includes('今天讨论了预算。'))).toBe(true);
  });

  it('survives binary junk decoded as text', () => {
    let junk = '';
    let seed = 7;
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      junk += String.fromCharCode(seed % 0xffff);
    }
    const result = importText(junk, 'junk.bin');
    expect(Array.isArray(result.forms)).toBe(true);
    expect(result.issues.some((i) => i.code === 'no-form-found')).toBe(true);
  });

  it('keeps a gigantic single-line cell in an issue', () => {
    const cell = '很'.repeat(5_000_000);
    const result = importText(`项目支出绩效自评表\n（2020年度）\n项目名称 测试\n说明 ${cell}`, 'big.txt');
    expect(result.forms[0]?.remarks?.length).toBe(cell.length);
  });

  it('reads 10,000 tiny forms in one text', () => {
    const tiny = (k: number): string =>
      `项目${k}支出绩效自评表\n（2020年度）\n项目名称 项目${k}\n项目资金（万元）\n全年预算数（A） 全年执行数（B） 执行率（B/A)\n年度资金总额： 1 1 100%\n`;
    const text = Array.from({ length: 10_000 }, (_, k) => tiny(k)).join('\n');
    const result = importText(text, 'many.txt');
    expect(result.forms).toHaveLength(10_000);
    expect(result.forms[9_999]?.project.name).toBe('项目9999');
    expect(result.forms[42]?.funding.lines[0]?.rate).toBe(100);
  });

  it('produces the header of a form cut off before its table, with warnings', () => {
    const result = importText(
      '社区矫正项目支出绩效自评表\n（2020年度）\n项目名称 社区矫正 项目起止时间 2020.1.1-2020.12.31',
      'cut.txt',
    );
    expect(result.forms[0]?.project).toMatchObject({
      name: '社区矫正',
      period: { start: '2020-01-01', end: '2020-12-31' },
    });
    expect(result.issues.map((i) => i.code).sort()).toEqual(['funding-missing', 'indicators-missing']);
  });
});

describe('importText on two forms glued into one run (113)', () => {
  const head = (name: string): string => `项目名称${name}主管部门新洲区楚剧团实施单位新洲区文化和旅游局机关`;
  const rows = '绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施';

  it('reads a title-less form glued after 总分 apart, with the year of the form before, reported', () => {
    const text = `项目支出绩效自评表(2020年度)${head('演出设备更新专项经费')}${rows}总分10098${head('中青年演员培训经费')}${rows}`;
    const result = importText(text, 'xinzhou.txt');
    expect(result.forms.map((f) => [f.project.name, f.year])).toEqual([
      ['演出设备更新专项经费', 2020],
      ['中青年演员培训经费', 2020],
    ]);
    expect(result.issues.filter((i) => i.code === 'year-inferred').map((i) => i.form)).toEqual([1]);
  });

  it('gives the next form the title printed just before its 项目名称', () => {
    const text = `项目支出绩效自评表(2020年度)${head('甲')}${rows}总分10098项目支出绩效自评表(2021年度)${head('乙')}${rows}`;
    const result = importText(text, 'two.txt');
    expect(result.forms.map((f) => [f.project.name, f.year])).toEqual([
      ['甲', 2020],
      ['乙', 2021],
    ]);
    expect(result.issues.map((i) => i.code)).not.toContain('year-inferred');
  });

  it('does not lend a year to a form that has a title of its own', () => {
    const text = `项目支出绩效自评表(2020年度)${head('甲')}${rows}总分10098另一张绩效自评表${head('乙')}${rows}`;
    const result = importText(text, 'titled.txt');
    expect(result.forms.map((f) => f.project.name)).toEqual(['甲']);
    expect(result.issues.map((i) => i.code)).toContain('form-header-missing');
  });
});

describe('importText on a Yunnan two-row header flattened spanning cells first (110)', () => {
  const text = [
    '| 2022年度项目支出绩效自评表 |',
    '| 项目名称 | 营养改善计划 | 主管部门 | 教育体育局 |',
    '| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 学生受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |',
    '| 满意度指标 | 服务对象满意度指标等 | 学生满意度 | ≧ | 95 | % | 100% | 10 | 10 |',
    '| 其他需要说明事项 | 无 |',
  ].join('\n');

  it('reads 指标性质 | 指标值 | 度量单位 in place of the 年度指标值 they split, and 服务对象满意度指标等 as the category', () => {
    const result = importText(text, 'yongde.txt');
    const form = result.forms[0];
    expect(form?.indicators.map((i) => [i.level2, i.name, i.target, i.actual, i.weight, i.score])).toEqual([
      ['数量指标', '学生受资助人数', '≧735人次', '735', 10, 10],
      ['服务对象满意度指标', '学生满意度', '≧95%', '100%', 10, 10],
    ]);
    expect(form?.extras?.['其他需要说明事项']).toBe('无');
    const codes = result.issues.map((i) => i.code);
    expect(codes).toContain('level-label-etc');
    expect(codes).not.toContain('indicator-header-missing');
  });
});

describe('importText on a project name printed after the title (112)', () => {
  it('reads the text after the title year as the name when 项目名称 has no value, and warns', () => {
    const text =
      '财政项目支出绩效自评表(2022年度)普陀体育中心结算费用\n项目名称\n主管部门 上海市普陀区体育局\n' +
      '项目资金(元)\n全年预算数 全年执行数 执行率\n年度资金总额 10 10 100%';
    const result = importText(text, 'putuo.txt');
    expect(result.forms.map((f) => [f.title, f.project.name])).toEqual([
      ['财政项目支出绩效自评表', '普陀体育中心结算费用'],
    ]);
    expect(result.issues.map((i) => i.code)).toContain('project-name-after-title');
  });

  it('keeps that text in the title when 项目名称 has its own value', () => {
    const text = '财政项目支出绩效自评表(2022年度)第一批\n项目名称 体育中心结算费用';
    const result = importText(text, 'putuo.txt');
    expect(result.forms.map((f) => [f.title, f.project.name])).toEqual([
      ['财政项目支出绩效自评表第一批', '体育中心结算费用'],
    ]);
  });
});

describe('importText on a source row printing the total again, its blank 年初预算数 dropped (110)', () => {
  const head =
    '2022年度项目支出绩效自评表\n| 项目名称 | 营养改善计划 |\n| 项目资金 (元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |';

  it('places the amounts in the total row’s columns, and reports it', () => {
    const text = `${head}\n| 年度资金总额 | 387664.62 | 387664.62 | 10 | 100% | 10 |\n| 其中:当年财政拨款 | 387664.62 | 387664.62 | — |`;
    const result = importText(text, 'yongde.txt');
    expect(result.forms[0]?.funding.lines[1]).toMatchObject({
      initialBudget: null,
      budget: 387664.62,
      executed: 387664.62,
    });
    expect(result.issues.map((i) => i.code)).toContain('funding-aligned-with-total');
  });

  it('reads other amounts by position, as printed', () => {
    const text = `${head}\n| 年度资金总额 | 387664.62 | 387664.62 | 10 | 100% | 10 |\n| 其中:当年财政拨款 | 300000 | 300000 | — |`;
    const result = importText(text, 'yongde.txt');
    expect(result.forms[0]?.funding.lines[1]).toMatchObject({ initialBudget: 300000, budget: 300000 });
    expect(result.issues.map((i) => i.code)).not.toContain('funding-aligned-with-total');
  });
});

describe('importText on a total printed with its grade (110)', () => {
  it('reads 总分 | 100 | 96 | 优 as 分值 100, score 96 and grade 优', () => {
    const text =
      '2022年度项目支出绩效自评表\n| 项目名称 | 营养改善计划 |\n| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |';
    const result = importText(text, 'yongde.txt');
    expect(result.forms[0]?.selfScore).toEqual({ total: 96, grade: '优' });
    expect(result.issues.map((i) => i.code)).not.toContain('score-unreadable');
  });

  it('still reports a total that is no number', () => {
    const text = '2022年度项目支出绩效自评表\n| 项目名称 | 营养改善计划 |\n| 总分 | 见附件 |';
    expect(importText(text, 'x.txt').issues.map((i) => i.code)).toContain('score-unreadable');
  });
});

describe('importText on page prose glued before the title (107)', () => {
  it('keeps only the form title after the notice date and the attachment name, and reports the prose', () => {
    const text =
      '现已完成绩效目标自评,意见收集人:罗娟联系电话:0838-7211924附件:2022年财政衔接资金实施项目绩效自评表' +
      '中江县水利局2022年12月30日绩效目标自评表(2022年度)项目名称小型水库水标尺制作安装主管部门中江县水利局';
    const result = importText(text, 'zhongjiang.txt');
    expect(result.forms.map((f) => [f.title, f.year, f.project.name])).toEqual([
      ['绩效目标自评表', 2022, '小型水库水标尺制作安装'],
    ]);
    const dropped = result.issues.find((i) => i.code === 'title-prefix-dropped');
    expect(dropped?.message).toContain('中江县水利局2022年12月30日');
  });

  it('leaves a title holding one 自评表 and no date as printed', () => {
    const result = importText('衔接资金项目绩效自评表(2022年度)\n项目名称 水标尺', 'plain.txt');
    expect(result.forms[0]?.title).toBe('衔接资金项目绩效自评表');
  });
});

describe('importText on rubric pipe rows whose level 2 is no category of the vocabulary (013 as a table)', () => {
  const head = [
    '| 2021年项目支出绩效自评表 |',
    '| 项目名称 | 初中公用经费 |',
    '| 一级指标 | 二级指标 | 三级指标 | 参考分值 | 指标值(A) | 全年实际值(B) | 得分 |',
  ];

  it('reads the first of two name cells under a printed 二级指标 column as the level 2, and reports it', () => {
    const rows = [
      '| 项目决策(10分) | 项目目标 | 完整性 | 4 | — | 目标明确 | 4 |',
      '| 项目立项 | 相关性 | 2 | — | 按标准管理 | 2 |',
      '| 可行性 | 2 | — | 实际工作需求 | 2 |',
    ];
    const result = importText([...head, ...rows].join('\n'), 'rubric.txt');
    expect(result.forms[0]?.indicators.map((i) => [i.level1, i.level2, i.name, i.actual])).toEqual([
      ['项目决策', '项目目标', '完整性', '目标明确'],
      ['项目决策', '项目立项', '相关性', '按标准管理'],
      ['项目决策', '项目立项', '可行性', '实际工作需求'],
    ]);
    const raws = result.issues.filter((i) => i.code === 'indicator-level-from-cell').map((i) => i.raw);
    expect(raws).toEqual(['项目目标', '项目立项']);
  });

  it('keeps two name cells as one name under a level 2 the vocabulary knows', () => {
    const rows = ['| 产出指标 | 数量指标 | 保障 | 人数 | 10 | 2370人 | 2370人 | 10 |'];
    const result = importText([...head, ...rows].join('\n'), 'rubric.txt');
    expect(result.forms[0]?.indicators.map((i) => [i.level2, i.name])).toEqual([['数量指标', '保障人数']]);
    expect(result.issues.map((i) => i.code)).not.toContain('indicator-level-from-cell');
  });
});

describe('importText on pipe rows of family B read as a table (026)', () => {
  const head = [
    '| 食品监管补助资金区域绩效目标自评表(2021年度) |',
    '| 专项名称 | 食品监管补助资金 |',
    '| 预算执行情况 | 预算数: | 2.38 | 执行数: | 2.38 | 20 |',
    '| 其中:中央补助 | 2.38 万元 | 其中:中央补助 | 2.38万元 |',
    '| 年度绩效指标完成情况 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成指标值 | 50 |',
  ];
  const rows = [
    '| 产出指标 | 质量指标 | 指标1:人员培训 | 已完成 | 已完成 | 5 |',
    '| 指标2:违法案件查办率 | 100% | 100% | 4 |',
  ];

  it('reads a source amount spaced from its unit, and a number past the last column on every row as 得分', () => {
    const result = importText([...head, ...rows].join('\n'), 'b.txt');
    const form = result.forms[0];
    expect(form?.funding.lines.map((l) => [l.name, l.budget, l.executed])).toEqual([
      ['年度资金总额', 2.38, 2.38],
      ['中央补助', 2.38, 2.38],
    ]);
    expect(form?.indicators.map((i) => [i.name, i.target, i.actual, i.score])).toEqual([
      ['指标1:人员培训', '已完成', '已完成', 5],
      ['指标2:违法案件查办率', '100%', '100%', 4],
    ]);
    expect(result.issues.map((i) => i.code)).toContain('indicator-score-unlabeled');
  });

  it('keeps a number past the last column on one row only apart, reported, not in the name', () => {
    const result = importText([...head, rows[0] ?? ''].join('\n'), 'b.txt');
    const form = result.forms[0];
    expect(form?.indicators.map((i) => [i.name, i.target, i.actual, i.score ?? null])).toEqual([
      ['指标1:人员培训', '已完成', '已完成', null],
    ]);
    expect(form?.extras?.['指标1:人员培训(多出的值)']).toBe('5');
    expect(result.issues.map((i) => i.code)).toContain('indicator-extra-values');
  });
});

describe('importText on one cell per line padded with wholly blank rows (117)', () => {
  const cell = (c: string): string => (c === '' ? '|' : `${c} |`);
  /** A printed row left blank: its name and five value cells, then the host's padding row. */
  const blankRow = ['|', '|', '|', '|', '|', '|', '||||||||'];
  const lines = [
    '项目支出绩效自评表 |',
    '( 2021 年度) |',
    ...['项目名称', '市民中心运行维护费', '绩效指标', '一级指标', '二级指标', '三级指标'].map(cell),
    ...['年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].map(cell),
    ...['产出指标', '数量指标', '预算执行率', '100%', '83.5%', '20', '18', ''].map(cell),
    '||||||',
    ...['预算资金拨款率', '100%', '100%', '10', '10', ''].map(cell),
    '||||||||',
    ...blankRow,
    ...['质量指标', '办结率', '100%', '100%', '10', '10', ''].map(cell),
    '||||||||',
    ...blankRow,
    cell('时效指标'),
    ...blankRow,
    ...['成本指标', '运行维护费', '150万', '150万', '10', '10', ''].map(cell),
  ];

  it('reads each row with its own values: no name swallows the cells before a blank row', () => {
    const form = importText(lines.join('\n'), '117.txt').forms[0];
    expect(form?.indicators.map((i) => [i.level2, i.name, i.target, i.actual, i.weight, i.score])).toEqual([
      ['数量指标', '预算执行率', '100%', '83.5%', 20, 18],
      ['数量指标', '预算资金拨款率', '100%', '100%', 10, 10],
      ['质量指标', '办结率', '100%', '100%', 10, 10],
      ['成本指标', '运行维护费', '150万', '150万', 10, 10],
    ]);
  });
});

describe('importText on a category printed as both levels (121)', () => {
  const text = [
    '2022年度海绵城市申报工作经费项目自评表',
    '项目名称 | 海绵城市申报工作经费 | ||||',
    '年度绩效目标1 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |',
    '产出指标 | 质量指标 | 通过专家评审 | 通过 | 通过 | 10 |',
    '满意度指标 | 满意度指标 | 群众满意度 | 满意 | 完成 | 10 |',
  ].join('\n');

  it('reads 满意度指标 printed again right after itself as the level 2', () => {
    const form = importText(text, '121.txt').forms[0];
    expect(form?.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.score])).toEqual([
      ['产出指标', '质量指标', '通过专家评审', '通过', '通过', 10],
      ['满意度指标', '满意度指标', '群众满意度', '满意', '完成', 10],
    ]);
  });
});

describe('importText on a header naming its columns in words the vocabulary lacks', () => {
  const rows = [
    '产出指标 数量指标 养护里程 20 ≥100公里 100公里 20 无',
    '质量指标 验收合格率 20 100% 98% 18 抽检一处返工',
    '满意度指标 服务对象满意度指标 群众满意度 20 ≥90% 95% 20 无',
  ];
  const form = (header: string): string =>
    ['农村道路养护经费绩效自评表(2022年度)', '项目名称 农村道路养护经费', header, ...rows].join('\n');

  it('reads them by the words that name their kind, in the printed order (分值 first), and reports it', () => {
    const result = importText(
      form('绩效指标 一级指标 二级指标 三级指标 权重(%) 全年指标值 实际实现值 得分 偏差原因及采取的措施'),
      'cues.txt',
    );
    expect(result.forms[0]?.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score, i.note])).toEqual([
      ['养护里程', '≥100公里', '100公里', 20, 20, '无'],
      ['验收合格率', '100%', '98%', 20, 18, '抽检一处返工'],
      ['群众满意度', '≥90%', '95%', 20, 20, '无'],
    ]);
    const inferred = result.issues.filter((i) => i.code === 'header-label-inferred').map((i) => i.raw);
    expect(inferred).toEqual(['权重(%)', '全年指标值', '实际实现值', '偏差原因及采取的措施']);
    expect(result.issues.map((i) => i.code)).not.toContain('indicator-header-missing');
  });

  it('reads them one cell per line too, where the title is followed by another title or a category', () => {
    const text = form('绩效指标 一级指标 二级指标 三级指标 权重(%) 全年指标值 实际实现值 得分 偏差原因及采取的措施')
      .split(/[ \n]/)
      .join('\n');
    const result = importText(text, 'cues.txt');
    expect(result.forms[0]?.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score])).toEqual([
      ['养护里程', '≥100公里', '100公里', 20, 20],
      ['验收合格率', '100%', '98%', 20, 18],
      ['群众满意度', '≥90%', '95%', 20, 20],
    ]);
  });

  it('reads 一级 二级 三级 and 指标名称 as the level headers', () => {
    for (const header of [
      '绩效指标 一级 二级 三级 分值 年度指标值 实际完成值 得分 偏差原因分析',
      '绩效指标 一级指标 二级指标 指标名称 分值 年度指标值 实际完成值 得分 偏差原因分析',
    ]) {
      const result = importText(form(header), 'levels.txt');
      expect(result.forms[0]?.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.weight])).toEqual([
        ['产出指标', '数量指标', '养护里程', '≥100公里', 20],
        ['产出指标', '质量指标', '验收合格率', '100%', 20],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', 20],
      ]);
      expect(result.issues.map((i) => i.code)).toContain('header-label-inferred');
    }
  });

  it('does not take a cell of another line, or one holding a number, for a column title', () => {
    const result = importText(
      form('绩效指标 一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 得分 偏差原因分析\n年度计划值2022'),
      'cues.txt',
    );
    expect(result.issues.map((i) => i.code)).not.toContain('header-label-inferred');
    expect(result.forms[0]?.indicators.map((i) => i.name)).not.toContain('年度指标值');
  });
});

describe('importText on the 2015 template level-2 name 社会公众或服务对象满意度指标', () => {
  it('reads it as the level 2, not as the start of the indicator name', () => {
    const text = [
      '项目支出绩效自评表(2019年度)',
      '项目名称 农村道路养护经费',
      '绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
      '产出指标 数量指标 养护里程 ≥100公里 100公里 20 20 无',
      '效益指标 社会公众或服务对象满意度指标 群众满意度 ≥90% 95% 20 20 无',
    ].join('\n');
    const rows = importText(text, '2015.txt').forms[0]?.indicators.map((i) => [i.level1, i.level2, i.name]);
    expect(rows).toEqual([
      ['产出指标', '数量指标', '养护里程'],
      ['效益指标', '社会公众或服务对象满意度指标', '群众满意度'],
    ]);
  });
});

describe('importText on categories numbered as an outline (一、产出指标, （一）数量指标)', () => {
  it("reads them as the categories, points included, and keeps the rows' own numbers in their names", () => {
    const text = [
      '2022年度项目支出绩效自评表',
      '项目名称：城乡环境综合整治经费',
      '绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
      '一、产出指标（50分） （一）数量指标 1.道路清扫面积 ≥50万平方米 52万平方米 15 15 无',
      '（二）质量指标 2.道路保洁达标率 ≥95% 96% 15 15 无',
      '二、效益指标（30分） （一）社会效益指标 3.城区环境卫生状况 明显改善 明显改善 30 30 无',
    ].join('\n');
    const result = importText(text, 'outline.txt');
    expect(result.forms[0]?.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.score])).toEqual([
      ['产出指标', '数量指标', '1.道路清扫面积', '≥50万平方米', 15],
      ['产出指标', '质量指标', '2.道路保洁达标率', '≥95%', 15],
      ['效益指标', '社会效益指标', '3.城区环境卫生状况', '明显改善', 30],
    ]);
  });
});

describe('importText on years printed without 年 after them, or in Chinese numerals', () => {
  const body = [
    '项目名称 城乡环境综合整治经费',
    '绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
    '产出指标 数量指标 道路清扫面积 ≥50万平方米 52万平方米 15 15 无',
  ];
  const yearOf = (...head: string[]): number | null =>
    importText([...head, ...body].join('\n'), 'year.txt').forms[0]?.year ?? null;

  it('reads a bare year in brackets, in the title or on the line under it', () => {
    expect(yearOf('项目支出绩效自评表（2022）')).toBe(2022);
    expect(yearOf('项目支出绩效自评表', '(2021)')).toBe(2021);
  });

  it('reads a title year in Chinese numerals', () => {
    expect(yearOf('二〇二二年度项目支出绩效自评表')).toBe(2022);
  });

  it('infers the year from a `年度：2022` cell, and reports it', () => {
    const result = importText(['项目支出绩效自评表 年度：2020', ...body].join('\n'), 'year.txt');
    expect(result.forms[0]?.year).toBe(2020);
    expect(result.issues.map((i) => i.code)).toContain('year-inferred');
  });
});

describe('importText on titles that do not say 自评表', () => {
  const body = [
    '项目名称 城乡环境综合整治经费',
    '绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
    '产出指标 数量指标 道路清扫面积 ≥50万平方米 52万平方米 15 15 无',
  ];
  const read = (title: string) => importText([title, ...body].join('\n'), 'title.txt').forms[0];

  it('takes a 绩效 table of results for the title, and its year', () => {
    for (const title of [
      '2022年度项目支出绩效自评情况表',
      '项目支出绩效目标完成情况表（2022年度）',
      '2022年度项目绩效评价表',
    ]) {
      const form = read(title);
      expect([form?.year, form?.title, form?.indicators.length]).toEqual([2022, title.replace('（2022年度）', ''), 1]);
    }
  });

  it('does not take prose naming such a table for a title', () => {
    // The form has no title then: the project's name stands for it.
    expect(read('请各单位于3月底前报送2022年度项目绩效评价表，逾期不予受理。')?.title).toBe('城乡环境综合整治经费');
  });
});

describe('importText on a form whose year only the page heading above it states', () => {
  const body = [
    '项目支出绩效自评表',
    '项目名称 城乡环境综合整治经费',
    '绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
    '产出指标 数量指标 道路清扫面积 ≥50万平方米 52万平方米 15 15 无',
  ];

  it("takes the heading's 2022年度 for the form, and reports it", () => {
    const result = importText(['某局2022年度项目支出绩效自评结果公开', ...body].join('\n'), 'heading.txt');
    expect(result.forms.map((f) => [f.year, f.indicators.length])).toEqual([[2022, 1]]);
    expect(result.issues.map((i) => i.code)).toContain('year-inferred');
  });

  it('takes none when the heading names two years, or only a date', () => {
    const two = importText(['2021年度和2022年度项目支出绩效自评结果', ...body].join('\n'), 'heading.txt');
    const date = importText(['发布时间：2023年3月1日', ...body].join('\n'), 'heading.txt');
    expect([two.forms.length, date.forms.length]).toEqual([0, 0]);
  });
});

describe('importText on whitespace rows wrapped by the host (118)', () => {
  const text = [
    '市级文物保护专项经费绩效自评表(2022年度)',
    '项目名称 市级文物保护专项经费',
    '绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施',
    '指标值 完成值',
    '产出指标 数量指标 指标1:修缮建筑数量 完成三处日常维护及护栏制装 完成三处日常维护及护栏制装',
    '7 7',
    '指标2:修缮建筑面积 6000平方米 6000平方米 7 7',
    '质量指标 指标1:验收通过率 100% 95% 6 5',
  ].join('\n');
  const result = importText(text, '118.txt');
  const rows = result.forms[0]?.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score]);

  it('reads header cells wrapped over two lines (年度 / 指标值, 实际 / 完成值) as the columns, and reports it', () => {
    const codes = result.issues.map((i) => i.code);
    expect(codes).toContain('header-label-wrapped');
    expect(codes).not.toContain('indicator-header-missing');
    expect(rows?.some((r) => r[0] === '指标值' || r[0] === '年度实际分值')).toBe(false);
  });

  it('gives a line of bare numbers to the row before when its next columns are 分值 and 得分', () => {
    expect(rows).toEqual([
      ['指标1:修缮建筑数量', '完成三处日常维护及护栏制装', '完成三处日常维护及护栏制装', 7, 7],
      ['指标2:修缮建筑面积', '6000平方米', '6000平方米', 7, 7],
      ['指标1:验收通过率', '100%', '95%', 6, 5],
    ]);
  });
});

describe('importText on a table cut off where the stored page ends (118, 111)', () => {
  const head = [
    '市级文物保护专项经费绩效自评表(2022年度)',
    '项目名称 市级文物保护专项经费',
    '绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
    '效益指标 社会效益指标 提升知名度 加大文物保护 程度较高 15 15',
  ];

  it("leaves a category's first characters closing the text unplaced, reported, not in the last row's note", () => {
    const result = importText([...head, '可'].join('\n'), '118.txt');
    const rows = result.forms[0]?.indicators.map((i) => [i.name, i.actual, i.note, i.score]);
    expect(rows).toEqual([['提升知名度', '程度较高', null, 15]]);
    expect(result.issues.find((i) => i.code === 'unplaced-text')?.raw).toBe('可');
  });

  it('still gives a word that begins no category to the note', () => {
    const result = importText([...head, '无'].join('\n'), '118.txt');
    expect(result.forms[0]?.indicators.map((i) => i.note)).toEqual(['无']);
  });
});

describe('importText on a pipe row the host broke over three lines (110)', () => {
  const head = [
    '| 2022年度项目支出绩效自评表 |',
    '| 项目名称 | 义务教育营养改善计划专项资金 |',
    '| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |',
    '| 效益指标 | 经济效益指标 | 减轻贫困学生家庭经济负担 |',
  ];

  it('joins a name-only row with the short lines after it when together they make one row through 得分', () => {
    const text = [...head, '| 有效 |', '| 有效 | 10 | 10 |', '| 社会效益指标 | 政策知晓率 | 100% | 98% | 10 | 9 |'];
    const rows = importText(text.join('\n'), '110.txt').forms[0]?.indicators;
    expect(rows?.map((i) => [i.name, i.target, i.actual, i.weight, i.score])).toEqual([
      ['减轻贫困学生家庭经济负担', '有效', '有效', 10, 10],
      ['政策知晓率', '100%', '98%', 10, 9],
    ]);
  });

  it('keeps a name-only row apart when the next line is a row of its own that does not complete it', () => {
    const text = [...head, '| 带动就业人数 | 20人 |'];
    const rows = importText(text.join('\n'), '110.txt').forms[0]?.indicators;
    expect(rows?.map((i) => [i.name, i.target])).toEqual([
      ['减轻贫困学生家庭经济负担', null],
      ['带动就业人数', '20人'],
    ]);
  });
});

describe('importText on a title spaced from 项目名称 by blank cells (111 served one cell per line)', () => {
  const blanks = (n: number): string[] => Array.from({ length: n }, () => '|');
  const cells = ['项目名称', '河西村特色种养补贴到户项目', '主管部门', '县农业农村局'];

  it('counts only lines with text toward the title window, so the title still opens the form', () => {
    const text = ['绩效目标自评表 |', ...blanks(11), '(2023年度) |', ...blanks(11), ...cells.map((c) => `${c} |`)];
    const result = importText(text.join('\n'), '111.txt');
    expect(result.forms.map((f) => [f.project.name, f.year])).toEqual([['河西村特色种养补贴到户项目', 2023]]);
    expect(result.issues.map((i) => i.code)).not.toContain('form-header-missing');
  });

  it('reads the year printed below the title past the blank cells, without guessing it', () => {
    const text = ['绩效目标自评表 |', ...blanks(11), '(2023年度) |', ...blanks(11), ...cells.map((c) => `${c} |`)];
    const result = importText(text.join('\n'), '111.txt');
    expect(result.forms[0]?.year).toBe(2023);
    expect(result.issues.map((i) => i.code)).not.toContain('year-inferred');
  });
});

describe('importText on a level 2 printed again on its second row, one cell per line (115 served so)', () => {
  const cells = [
    '项目支出绩效自评表',
    '(2023年度)',
    '项目名称',
    '野生动物收容所建设项目',
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
    '产出指标',
    '数量指标',
    '野生动物收容所',
    '≥200平方米',
    '204.46平方米',
    '10',
    '10',
    '无',
    '',
    '数量指标',
    '钢结构圈养围栏',
    '≥120米',
    '121.5米',
    '10',
    '10',
    '无',
  ];

  it('reads the repeated category as the level, not as text of the row before', () => {
    const text = cells.map((c) => (c === '' ? '|' : `${c} |`)).join('\n');
    const rows = importText(text, '115.txt').forms[0]?.indicators;
    expect(rows?.map((i) => [i.level2, i.name, i.actual, i.note, i.score])).toEqual([
      ['数量指标', '野生动物收容所', '204.46平方米', '无', 10],
      ['数量指标', '钢结构圈养围栏', '121.5米', '无', 10],
    ]);
  });
});

describe('importText on a `/` printed as a cell of its own, one cell per line (the seed re-served so)', () => {
  const cells = [
    '项目支出绩效自评表',
    '(2020年度)',
    '项目名称',
    '公证业务',
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '全年完成值',
    '未完成原因和改进措施',
    '产出指标',
    '质量指标',
    '无假证；错证率在1‰内',
    '/',
    '2020年无假证、无错证。',
    '-',
    '公证业务服务质量',
    '显著提升',
    '90%',
  ];

  it('keeps the `/` in its column, so the cells after it do not shift; a `-` note is a blank note', () => {
    for (const text of [cells.join('\n'), cells.join('\n\n')]) {
      const rows = importText(text, 'seed.txt').forms[0]?.indicators;
      expect(rows?.map((i) => [i.name, i.target, i.actual, i.note])).toEqual([
        ['无假证；错证率在1‰内', '/', '2020年无假证、无错证。', null],
        ['公证业务服务质量', '显著提升', '90%', null],
      ]);
    }
  });
});

describe('importText on forms glued into one run, the 备注 notes between them (docx text, the seed re-served so)', () => {
  const form = (name: string, budget: string): string =>
    `${name}项目支出绩效自评表（2020年度）项目名称${name}主管部门某区司法局实施单位某区司法局` +
    `项目资金（万元）全年预算数（A）全年执行数（B）执行率（B/A)年度资金总额：${budget}${budget}100%其他资金` +
    `年度总体目标年初设定目标全年实际完成情况完成${name}工作。已完成${name}工作。` +
    `绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施产出指标数量指标培训次数5次5次` +
    `说明无填表人：张三联系电话：0755-1234567` +
    '备注：1.请按项目体系一级开展绩效自评，一个项目填报一份自评表。2.其他资金包括和中央补助、地方财政资金共同投入到同一项目的自有资金、社会资金等。' +
    '3.定量指标填写实际完成数。主管部门汇总时，对绝对值直接累加计算，相对值按照资金额度加权平均计算。';

  it('ends the notes at the next title, not at the 自评表 of their sentence, and reads every form', () => {
    const result = importText(form('社区矫正', '12.5') + form('法制建设', '45.6'), 'glued.txt');
    expect(result.forms.map((f) => f.project.name)).toEqual(['社区矫正', '法制建设']);
    for (const f of result.forms) {
      // The notes name 其他资金 and 主管部门: read as the table, they gave funding rows and extras.
      expect(f.funding.lines.map((l) => l.name)).toEqual(['年度资金总额', '其他资金']);
      expect(f.extras).toEqual({});
    }
    expect(result.forms[1]?.funding.lines[0]?.budget).toBe(45.6);
  });
});

describe('importText on a funding row whose glued numbers read as one huge rate', () => {
  it('cuts 6363100% into 63 | 63 | 100% (no execution rate reaches 1000%), reported', () => {
    const text = [
      '基层司法业务项目支出绩效自评表',
      '（2020年度）',
      '项目名称 基层司法业务',
      '项目资金（万元） 全年预算数（A） 全年执行数（B） 执行率（B/A)',
      '年度资金总额： 1674.18 1612.89 96.34%',
      '其中：上级转移支付资金 6363100%',
      '区级财政资金 1611.18 1549.89 96.2%',
    ].join('\n');
    const result = importText(text, 'rate.txt');
    const line = result.forms[0]?.funding.lines.find((l) => l.name === '上级转移支付资金');
    expect(line && [line.budget, line.executed, line.rate]).toEqual([63, 63, 100]);
    expect(result.issues.filter((i) => i.code === 'funding-glued-split').map((i) => i.raw)).toEqual(['6363100%']);
  });
});

describe('importText on glued funding numbers that more than one cut reads', () => {
  it('leaves the row blank, reported, instead of a rate of 636363100 or a row named by the numbers', () => {
    const text = [
      '基层司法业务项目支出绩效自评表',
      '（2020年度）',
      '项目名称 基层司法业务',
      '项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
      '年度资金总额 1674.18 1674.18 1612.89 10 96.34% 9.63',
      '其中：上级转移支付资金 636363100%',
      '区级财政资金 1611.18 1611.18 1549.89 96.2%',
    ].join('\n');
    const result = importText(text, 'unsplit.txt');
    const lines = result.forms[0]?.funding.lines ?? [];
    expect(lines.map((l) => l.name)).toEqual(['年度资金总额', '上级转移支付资金', '区级财政资金']);
    const source = lines[1];
    expect(source && [source.initialBudget, source.budget, source.executed, source.rate]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(result.issues.filter((i) => i.code === 'funding-glued-unsplit').map((i) => i.raw)).toEqual(['636363100%']);
  });
});

describe('importText on the attachment label glued before the title (docx text glued)', () => {
  it('drops 附件2 from the title, reported', () => {
    const text =
      '附件2社区矫正项目支出绩效自评表（2020年度）项目名称社区矫正主管部门某区司法局实施单位某区司法局' +
      '项目资金（万元）全年预算数（A）全年执行数（B）执行率（B/A)年度资金总额：45.645.6100%';
    const result = importText(text, 'glued.txt');
    expect(result.forms.map((f) => [f.title, f.year])).toEqual([['社区矫正项目支出绩效自评表', 2020]]);
    expect(result.issues.filter((i) => i.code === 'title-prefix-dropped').map((i) => i.message)).toEqual([
      '表题前的"附件2"不属于表题，已去掉。',
    ]);
  });
});
