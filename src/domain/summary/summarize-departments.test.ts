import { describe, expect, it } from 'vitest';
import { seedExpected, seedForms } from '../../../test/support/fixtures.js';
import { makeForm } from '../../../test/support/make-form.js';
import type { Form } from '../form/form.schema.js';
import { builtinProfiles } from '../profiles/builtin-profiles.js';
import { scoreForm } from '../scoring/score-form.js';
import { summarizeDepartments } from './summarize-departments.js';

const central = builtinProfiles['central-2020']!;
const summarize = (forms: Form[], profile = central) =>
  summarizeDepartments(
    forms,
    forms.map((f) => scoreForm(f, profile)),
    profile,
  );

describe('summarizeDepartments on the seed', () => {
  const want = seedExpected();
  const [s] = summarize(seedForms());
  it('adds the money to the fen and weights the score by funds', () => {
    expect(s).toBeDefined();
    expect([s!.department, s!.year, s!.projects]).toEqual([
      want.summary.department,
      want.summary.year,
      want.summary.projects,
    ]);
    expect(s!.budget).toBe(want.summary.budget);
    expect(s!.executed).toBe(want.summary.executed);
    expect(Math.abs(s!.rate! - want.summary.rate)).toBeLessThanOrEqual(want.tolerance);
    expect(Math.abs(s!.score! - want.summary.score)).toBeLessThanOrEqual(want.tolerance);
    expect(s!.grades).toEqual(want.summary.grades);
  });
  it('aggregates exactly the recurring indicators', () => {
    expect(
      s!.indicators.map((i) => ({
        name: i.name,
        kind: i.kind,
        projects: i.projects,
        ...(i.target === null ? {} : { target: i.target }),
        actual: i.actual,
      })),
    ).toEqual(want.summary.recurringIndicators);
  });
  it('traces every figure back to its projects', () => {
    const cost = s!.indicators.find((i) => i.name === '成本控制率')!;
    expect(cost.sources.map((x) => x.project)).toEqual(seedForms().map((f) => f.project.name));
    expect(s!.ranking[0]!.project).toBe('社区矫正');
    const total = s!.funding.find((l) => l.name === '年度资金总额')!;
    expect(total.budget).toBe(want.summary.budget);
    expect(total.projects).toHaveLength(6);
  });
});

describe('summarizeDepartments rules', () => {
  const form = (name: string, budget: number, unit: '万元' | '元', inds: Partial<Form['indicators'][number]>[]) => {
    const f = makeForm(inds, {
      project: { name, period: null, department: '测试局', implementer: null, isKeyProject: null, attribute: null },
    });
    f.funding = { unit, lines: [{ name: '年度资金总额', initialBudget: null, budget, executed: budget, rate: 100 }] };
    return f;
  };
  it('converts 元 forms to 万元 exactly and adds absolute values', () => {
    const [s] = summarize([
      form('甲', 12.34, '万元', [{ name: '培训人数', target: '≥100人', actual: '120' }]),
      form('乙', 5678.9, '元', [{ name: '培训人数', target: '50人', actual: '40人', note: '原因' }]),
    ]);
    expect(s!.budget).toBe(12.90789);
    const agg = s!.indicators[0]!;
    expect([agg.kind, agg.target, agg.actual, agg.unit]).toEqual(['absolute', 150, 160, '人']);
    expect(agg.ratio).toBe(1);
  });
  it('weights relative values by funds', () => {
    const [s] = summarize([
      form('甲', 300, '万元', [{ name: '合格率', target: '≥90%', actual: '90%' }]),
      form('乙', 100, '万元', [{ name: '合格率', target: '≥98%', actual: '100%' }]),
    ]);
    const agg = s!.indicators[0]!;
    expect(agg.kind).toBe('relative');
    expect(agg.target).toBeCloseTo(0.75 * 90 + 0.25 * 98, 12);
    expect(agg.actual).toBeCloseTo(0.75 * 90 + 0.25 * 100, 12);
  });
  it('reports unlike values as cannot-aggregate', () => {
    const [s] = summarize([
      form('甲', 1, '万元', [{ name: '服务量', target: '≥100人', actual: '120' }]),
      form('乙', 1, '万元', [{ name: '服务量', target: '≥10次', actual: '10' }]),
    ]);
    expect(s!.indicators[0]!.kind).toBe('cannot-aggregate');
    expect(s!.indicators[0]!.reason).toMatch(/单位/u);
  });
  it('groups by department and year, and weights by executed under budget-20', () => {
    const a = form('甲', 100, '万元', []);
    const b = form('乙', 100, '万元', []);
    b.year = 2022;
    expect(summarize([a, b]).map((x) => x.year)).toEqual([2021, 2022]);
    const c = form('丙', 100, '万元', []);
    c.funding.lines[0]!.executed = 0;
    const [s] = summarize([a, c], builtinProfiles['budget-20']!);
    expect(s!.ranking.find((r) => r.project === '丙')!.weight).toBe(0);
  });
});
