import { describe, expect, it } from 'vitest';
import type { Form } from '../../../domain/form/form.schema.js';
import type { ImportResult } from '../import-result.js';
import { readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';

/**
 * The team's hand-written inputs in fixtures/text (fixtures/text/README.md), one per layout family
 * the importer reads by structure: expected counts and fields were written with the input, not
 * copied from the importer's output.
 */
const fixtures = new Map(readTextFixtures('text'));

function read(name: string): ImportResult & { form: Form } {
  const result = importText(fixtures.get(name) ?? '', name);
  const [form] = result.forms;
  if (form === undefined) throw new Error(`${name}: no form`);
  return { ...result, form };
}
const codes = (r: ImportResult): string[] => r.issues.map((i) => i.code);
const row = (form: Form, name: string): Form['indicators'][number] | undefined =>
  form.indicators.find((i) => i.name === name);

describe('team fixtures of the improved families', () => {
  it('flattened one-line family A: rows cut by cell shapes, placeholder 指标3: dropped', () => {
    const r = read('flattened-family-a-one-line.txt');
    expect(r.form.indicators).toHaveLength(8);
    expect(row(r.form, '指标1:免费开放文化站数量')).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      name: '指标1:免费开放文化站数量',
      target: '=12个',
      actual: '12',
      note: null,
      weight: 10,
      score: 10,
    });
    expect(row(r.form, '活动安全事故发生率')).toMatchObject({ target: '0', actual: '0', weight: 10, score: 10 });
    expect(row(r.form, '文化站长效运行机制')).toMatchObject({ note: '部分站点人员不足,下年补充', score: 14 });
    expect(r.form.indicators.some((i) => i.name.startsWith('指标3'))).toBe(false);
    expect(codes(r)).toContain('indicator-placeholder');
    expect(r.form.funding.lines[0]).toMatchObject({ initialBudget: 40, executed: 38.6, rate: 96.5, score: 9.65 });
    expect(r.form.selfScore?.total).toBe(98.65);
  });

  it('cell-per-line regional form: year inferred and reported, label–value funding, unlabeled score', () => {
    const r = read('cell-per-line-regional-no-year.txt');
    expect(r.form.year).toBe(2021);
    expect(r.issues.find((i) => i.code === 'year-inferred')).toMatchObject({ severity: 'warning' });
    expect(r.form.funding.lines[0]).toMatchObject({ name: '年度资金总额', budget: 12.5, executed: 12.1 });
    expect(r.form.funding.lines[1]).toMatchObject({ name: '中央补助', budget: 12.5, executed: 12.1 });
    expect(r.form.indicators).toHaveLength(6);
    expect(row(r.form, '指标2:受益人口')).toMatchObject({ target: '≥2万人', actual: '2.3万人', score: 10 });
    expect(row(r.form, '指标1:受益群众满意度')).toMatchObject({ level1: '满意度指标', score: 6 });
    expect(r.form.selfScore?.total).toBe(96);
  });

  it('pipe family C: 指标性质/指标值/度量单位 joined, blank pipe cells keep their column, ★ kept', () => {
    const r = read('pipe-family-c-split-target.txt');
    expect(r.form.project.name).toBe('2023年乡村医生培训经费');
    expect(r.form.indicators).toHaveLength(7);
    expect(row(r.form, '★培训乡村医生人次')).toMatchObject({ target: '≥300人次', actual: '326', weight: 20 });
    expect(row(r.form, '培训完成时间')).toMatchObject({ target: '≤2023年10月', actual: '2023年9月', score: 10 });
    expect(row(r.form, '人均培训成本')).toMatchObject({ level1: '成本指标', level2: '经济成本指标' });
    expect(row(r.form, '乡村医生诊疗能力')).toMatchObject({
      target: '明显提升',
      actual: '提升',
      note: '部分学员实践时间不足',
      score: 8,
    });
    expect(r.form.funding.lines.map((l) => l.name)).toEqual(['总额', '财政资金', '单位资金']);
    expect(r.form.extras?.['总额(说明)']).toBe('培训场地由乡镇免费提供');
  });

  it('glued family D: 分值 before the target, cells and funding numbers cut by shape', () => {
    const r = read('glued-family-d.txt');
    expect(r.form.indicators).toHaveLength(8);
    expect(row(r.form, '指标2带动种植面积')).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      name: '指标2带动种植面积',
      target: '1500亩',
      actual: '1620亩',
      note: null,
      weight: 10,
      score: 10,
    });
    expect(row(r.form, '指标1化肥使用量较上年减少')).toMatchObject({ target: '5%', weight: 15, score: 15 });
    expect(r.form.funding.lines[0]).toMatchObject({ budget: 20, executed: 20, rate: 100, weight: 10, score: 10 });
    expect(codes(r)).toContain('indicator-glued-split');
  });

  it('pipe family E: checkbox rows to extras, a one-cell pipe row is its own indicator', () => {
    const r = read('pipe-family-e-checkbox.txt');
    expect(r.form.indicators).toHaveLength(9);
    expect(row(r.form, '带动社会力量参与阅读推广')).toMatchObject({ level2: '社会效益', target: null, score: null });
    expect(row(r.form, '全年开展')).toMatchObject({ target: '2021年1月-12月', score: 10 });
    expect(r.form.extras?.['项目类别']).toContain('部门预算项目☑');
    expect(r.form.project.attribute).toBe('持续性项目');
    expect(r.form.extras?.['项目属性']).toBe('1、持续性项目☑2、新增性项目□');
    expect(r.form.funding.lines).toHaveLength(1);
    expect(r.form.funding.lines[0]).toMatchObject({ budget: 30, executed: 28.5, rate: 95, score: 19 });
  });
});

describe('missing year', () => {
  const body =
    '项目名称 测试项目\n项目资金（万元）\n全年预算数（A） 全年执行数（B） 执行率（B/A)\n年度资金总额： 1 1 100%\n';

  it('is inferred from a 年度 in the text, with a warning that says so', () => {
    const result = importText(`测试项目支出绩效自评表\n${body}说明 2021年度工作已完成\n`, 'y.txt');
    expect(result.forms[0]?.year).toBe(2021);
    const issue = result.issues.find((i) => i.code === 'year-inferred');
    expect(issue).toMatchObject({ severity: 'warning', raw: '2021年度工作已完成', path: 'year' });
  });

  it('is an error, and no form, only when nothing in the form gives one', () => {
    const result = importText(`测试项目支出绩效自评表\n${body}`, 'n.txt');
    expect(result.forms).toEqual([]);
    expect(result.issues.find((i) => i.code === 'form-header-missing')?.severity).toBe('error');
  });
});

describe('rows read by the shapes of their cells', () => {
  const head = '项目支出绩效自评表\n（2021年度）\n项目名称 测试\n';

  it('keeps a spaced name and a comparator printed apart in one row', () => {
    const text = `${head}绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n产出指标 数量指标 培训 人次 ≥ 300人次 326人次 20 20\n`;
    expect(importText(text, 's.txt').forms[0]?.indicators).toEqual([
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '培训人次',
        target: '≥300人次',
        actual: '326人次',
        note: null,
        weight: 20,
        score: 20,
      },
    ]);
  });

  it('reads family C split targets from whitespace rows, a blank 度量单位 collapsed', () => {
    const header = '绩效指标 一级指标 二级指标 三级指标 指标性质 指标值 度量单位 完成值 权重 得分 未完成原因分析';
    const rows = [
      '产出指标 数量指标 培训课时 ≥ 40 学时 40 10 10',
      '时效指标 培训完成时间 ≤ 2023年10月 2023年9月 10 10',
    ];
    const text = `${head}${header}\n${rows.join('\n')}\n效益指标 社会效益指标 诊疗能力 定性 明显提升 提升 10 8 实践不足\n`;
    const indicators = importText(text, 'c.txt').forms[0]?.indicators ?? [];
    expect(indicators.map((i) => [i.name, i.target, i.actual, i.note, i.weight, i.score])).toEqual([
      ['培训课时', '≥40学时', '40', null, 10, 10],
      ['培训完成时间', '≤2023年10月', '2023年9月', null, 10, 10],
      ['诊疗能力', '明显提升', '提升', '实践不足', 10, 8],
    ]);
  });

  it('joins a numbered name wrapped onto the line of its values', () => {
    const text = `${head}绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n产出指标 数量指标 指标1:禁毒舞台剧\n宣传的场次 ≥1场 1场 12 12\n指标2:试剂数量 ≥2400份 3200份 12 12\n`;
    const indicators = importText(text, 'w.txt').forms[0]?.indicators ?? [];
    expect(indicators.map((i) => [i.name, i.target, i.score])).toEqual([
      ['指标1:禁毒舞台剧宣传的场次', '≥1场', 12],
      ['指标2:试剂数量', '≥2400份', 12],
    ]);
  });

  it('tells a blank note from the next name in one-cell-per-line text', () => {
    const cells = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值', '未完成原因和改进措施'];
    const rows = [
      '产出指标',
      '质量指标',
      '档案规范率',
      '规范',
      '良好',
      '验收合格率',
      '合格',
      '部分合格',
      '一处返工，已整改',
    ];
    const text = `${head}${[...cells, ...rows].join('\n')}\n`;
    const indicators = importText(text, 'c.txt').forms[0]?.indicators ?? [];
    expect(indicators.map((i) => [i.name, i.target, i.actual, i.note])).toEqual([
      ['档案规范率', '规范', '良好', null],
      ['验收合格率', '合格', '部分合格', '一处返工，已整改'],
    ]);
  });
});
