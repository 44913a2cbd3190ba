import { describe, expect, it } from 'vitest';
import { makeForm } from '../../../test/support/make-form.js';
import { seedExpected, seedForms } from '../../../test/support/fixtures.js';
import { builtinProfiles } from '../profiles/builtin-profiles.js';
import { scoreForm } from './score-form.js';

const central = builtinProfiles['central-2020']!;
const budget20 = builtinProfiles['budget-20']!;

describe('scoreForm on the seed forms (central-2020)', () => {
  const expected = seedExpected();
  const forms = seedForms();
  forms.forEach((form, i) => {
    const want = expected.forms[i]!;
    it(`${want.project}: total ${want.total}, grade ${want.grade}`, () => {
      const s = scoreForm(form, central);
      expect(s.project).toBe(want.project);
      expect(Math.abs(s.total - want.total)).toBeLessThanOrEqual(expected.tolerance);
      expect(Math.abs(s.budget.score - want.budgetScore)).toBeLessThanOrEqual(expected.tolerance);
      expect(s.grade).toBe(want.grade);
      expect(s.provisional).toBe(want.provisional);
      for (const [level1, score] of Object.entries(want.categories)) {
        const c = s.categories.find((x) => x.level1 === level1);
        expect(Math.abs((c?.score ?? NaN) - score)).toBeLessThanOrEqual(expected.tolerance);
      }
      expect(s.indicators.map((x) => [x.name, x.ratio, x.status])).toEqual(
        want.indicators.map((x) => [x.name, x.ratio, x.status]),
      );
    });
  });
});

describe('scoreForm under budget-20 changes what the profile says', () => {
  const forms = seedForms();
  it('一般行政管理事务: 20 × 97.75% + 40 + 40 × 2.9/3', () => {
    const s = scoreForm(forms[1]!, budget20);
    expect(s.budget.score).toBeCloseTo(20 * (317.47 / 324.78), 9);
    expect(s.categories.map((c) => c.level1)).toEqual(['产出指标', '效益指标']);
    expect(s.categories[1]!.score).toBeCloseTo((40 * 2.9) / 3, 9);
    expect(s.total).toBeCloseTo(20 * (317.47 / 324.78) + 40 + (40 * 2.9) / 3, 9);
    expect(s.adjustments).toEqual([]);
  });
  it('社区矫正: 4 over-achieved indicators cost 2 points each', () => {
    const s = scoreForm(forms[0]!, budget20);
    expect(s.adjustments.map((a) => a.points)).toEqual([-8]);
    expect(s.total).toBeCloseTo(20 * (528.66 / 529.99) + 40 + 39 - 8, 9);
  });
  it('培训支出: execution 64.38% caps the total at 79, grade 中', () => {
    const s = scoreForm(forms[4]!, budget20);
    expect(s.total).toBe(79);
    expect(s.grade).toBe('中');
    expect(scoreForm(forms[4]!, central).grade).toBe('良');
  });
  it('reverse indicators over target: inverse A/B instead of 2 − B/A', () => {
    const form = makeForm([{ level2: '质量指标', target: '≤10天', actual: '12天' }]);
    expect(scoreForm(form, central).indicators[0]!.ratio).toBeCloseTo(2 - 12 / 10, 12);
    expect(scoreForm(form, budget20).indicators[0]!.ratio).toBeCloseTo(10 / 12, 12);
  });
  it('qualitative bands move: 55% is 部分达成 under budget-20 only', () => {
    const form = makeForm([{ target: '效果显著', actual: '55%', note: '原因' }]);
    expect(scoreForm(form, central).indicators[0]!.explanation).toContain('未达成');
    expect(scoreForm(form, budget20).indicators[0]!.explanation).toContain('部分达成');
  });
});

describe('completion ratios (scoring.md §2)', () => {
  const r = (target: string | null, actual: string | null, level2 = '数量指标') =>
    scoreForm(makeForm([{ level2, target, actual }]), central).indicators[0]!;
  it.each([
    ['≥50人', '147', 1],
    ['≥200人', '150', 0.75],
    ['200', '-5', 0],
    ['≤30%', '10%', 1],
    ['≤10%', '15%', 0.5],
    ['≤10%', '25%', 0],
    ['0人', '0', 1],
    ['0', '2', 0],
    ['≤0', '0', 1],
    ['3月/次', '3月/次', 1],
    ['每月1次', '每季度1次', 30 / 91],
    ['每季度1次', '4次', 1],
    ['效果显著', '90%', 0.9],
    ['较好', '80&', 0.8],
    ['及时', '及时', 1],
    ['有效', '基本达成', 0.8],
    ['有效', '部分达成预期', 0.6],
    ['有效', '未达成', 0],
    ['2023年12月', '2023年11月', 1],
    ['12月底前完成', '按时完成', 1],
    ['群众≥5000人；公司≥200家', '群众2500人；公司200家', 0.75],
    ['≥2000件', '公证业务办理9827件', 1],
    ['2000万', '3790.19万', 1],
    ['≥90%', '≥90%', 1],
  ])('%s vs %s → r = %d', (target, actual, ratio) => {
    expect(r(target, actual).ratio).toBeCloseTo(ratio, 12);
  });
  it('bare durations under 时效 and bare money under 成本 are ceilings', () => {
    expect(r('3个工作日', '5个工作日', '时效指标').rule).toBe('reverse');
    expect(r('3个工作日', '5个工作日', '时效指标').ratio).toBeCloseTo(2 - 5 / 3, 12);
    expect(r('100万元', '120万元', '成本指标').rule).toBe('reverse');
    expect(r('100万元', '120万元', '数量指标').rule).toBe('positive');
  });
  it('工作日 never converts to 天', () => {
    const s = r('≤3个工作日', '5天', '时效指标');
    expect(s.status).toBe('needs-rating');
    expect(s.flags).toContain('unit-mismatch');
  });
  it('a percent against a non-percent target is the share that met it', () => {
    const s = r('1个工作日内', '95%', '时效指标');
    expect(s.rule).toBe('share');
    expect(s.ratio).toBeCloseTo(0.95, 12);
  });
  it('not applicable targets are excluded; unreadable ones wait for a rating', () => {
    expect(r('/', '无').status).toBe('not-applicable');
    expect(r(null, '12').status).toBe('not-applicable');
    expect(r('效果显著', '工作顺利开展').status).toBe('needs-rating');
    expect(r('≥3 4', '5').flags).toContain('unparsed-target');
  });
});

describe('weights and the total (scoring.md §3)', () => {
  it('equal shares among applicable indicators; needs-rating ones take no share and make the score provisional', () => {
    const s = scoreForm(
      makeForm([
        { target: '≥10人', actual: '10' },
        { target: '≥10人', actual: '5', note: '疫情' },
        { target: '/', actual: '/' },
        { target: '效果显著', actual: '工作顺利' },
        { level1: '效益指标', level2: '社会效益指标', target: '≥90%', actual: '90%' },
        { level1: '满意度指标', level2: '服务对象满意度指标', target: '≥90%', actual: '95%' },
      ]),
      central,
    );
    expect(s.indicators.map((i) => i.weight)).toEqual([25, 25, 0, 0, 30, 10]);
    expect(s.categories[0]!.score).toBeCloseTo(37.5, 12);
    expect(s.provisional).toBe(true);
    expect(s.total).toBeCloseTo(10 + 37.5 + 30 + 10, 12);
  });
  it('with no 满意度 indicator its points go to 效益', () => {
    const s = scoreForm(
      makeForm([
        { target: '1', actual: '1' },
        { level1: '效益指标', target: '1', actual: '1' },
      ]),
      central,
    );
    expect(s.categories.map((c) => c.points)).toEqual([50, 40, 0]);
    expect(s.total).toBeCloseTo(100, 12);
  });
  it('a category with no applicable indicator rescales the total', () => {
    const s = scoreForm(
      makeForm([
        { target: '10', actual: '5', note: '原因' },
        { level1: '效益指标', target: '效果显著', actual: '工作顺利' },
        { level1: '满意度指标', target: '90%', actual: '90%' },
      ]),
      central,
    );
    expect(s.unassignedPoints).toBe(30);
    expect(s.total).toBeCloseTo(((10 + 25 + 10) * 100) / 70, 12);
  });
  it('printed 分值 are used when every indicator of a category has one', () => {
    const s = scoreForm(
      makeForm([
        { target: '10', actual: '10', weight: 30 },
        { target: '10', actual: '5', weight: 20, note: '原因' },
      ]),
      central,
    );
    expect(s.indicators.map((i) => i.score)).toEqual([30, 10]);
  });
  it("a reviewer's rating replaces needs-rating and makes the total final", () => {
    const form = makeForm([
      { target: '效果显著', actual: '工作顺利' },
      { level1: '效益指标', target: '1', actual: '1' },
    ]);
    const before = scoreForm(form, central);
    const after = scoreForm(form, central, new Map([[0, 0.7]]));
    expect(before.provisional).toBe(true);
    expect(after.provisional).toBe(false);
    expect(after.indicators[0]!.rule).toBe('reviewer-rating');
    expect(after.indicators[0]!.score).toBeCloseTo(35, 12);
  });
  it('the budget rate comes from the source lines when the total line is blank', () => {
    const form = makeForm([{ target: '1', actual: '1' }]);
    form.funding.lines = [
      { name: '年度资金总额', initialBudget: null, budget: null, executed: null, rate: null },
      { name: '财政拨款', initialBudget: null, budget: 80, executed: 60, rate: 75 },
      { name: '其他资金', initialBudget: null, budget: 20, executed: 20, rate: 100 },
    ];
    const s = scoreForm(form, central);
    expect(s.budget.source).toBe('source-lines');
    expect(s.budget.rate).toBeCloseTo(80, 12);
    expect(s.budget.score).toBeCloseTo(8, 12);
  });
  it('grades follow the profile bands (only 产出 printed: total = (10 + 50r) × 100/60)', () => {
    const s = (actual: string) => scoreForm(makeForm([{ target: '100', actual, note: 'x' }]), central);
    expect(s('80').total).toBeCloseTo((50 * 100) / 60, 12);
    expect(['100', '90', '80', '60', '40'].map((a) => s(a).grade)).toEqual(['优', '优', '良', '中', '差']);
  });
});
