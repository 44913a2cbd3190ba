import { describe, expect, it } from 'vitest';
import { seedExpected, seedForms } from '../../../test/support/fixtures.js';
import { makeForm } from '../../../test/support/make-form.js';
import type { Form } from '../form/form.schema.js';
import { builtinProfiles } from '../profiles/builtin-profiles.js';
import { scoreForm } from '../scoring/score-form.js';
import { checkForm } from './check-form.js';

const central = builtinProfiles['central-2020']!;
const check = (form: Form) => checkForm(form, scoreForm(form, central), central);
const codes = (form: Form) => check(form).map((f) => f.code);

describe('checkForm on the seed forms', () => {
  const expected = seedExpected();
  const findings = seedForms().flatMap(check);
  it.each(expected.findings.mustInclude.map((m) => [m.project, m.code, m.indicator] as const))(
    '%s raises %s on %s',
    (project, code, indicator) => {
      expect(findings.some((f) => f.project === project && f.code === code && f.indicator === indicator)).toBe(true);
    },
  );
  it('raises none of the forbidden codes', () => {
    const forbidden = findings.filter((f) => expected.findings.mustNotInclude.includes(f.code));
    expect(forbidden).toEqual([]);
  });
  it('every message is Chinese and every finding has an English message for logs', () => {
    for (const f of findings) {
      expect(f.message).toMatch(/\p{Script=Han}/u);
      expect(f.messageEn).toMatch(/^[\x20-\x7e]/u);
      expect(f.messageEn).toMatch(/[a-z]{3,}/u);
    }
  });
});

describe('each finding code fires on a form that has the problem', () => {
  const ind = (i: Partial<Form['indicators'][number]>) =>
    makeForm([
      i,
      { level1: '效益指标', target: '1', actual: '1' },
      { level1: '满意度指标', target: '90%', actual: '90%' },
    ]);
  it.each([
    ['unparsed-value', ind({ target: '≥3 4', actual: '5' })],
    ['value-typo', ind({ target: '较好', actual: '80&' })],
    ['actual-as-bound', ind({ target: '≥90%', actual: '≥90%' })],
    ['share-for-non-percent', ind({ level2: '时效指标', target: '1个工作日内', actual: '100%' })],
    ['unit-mismatch', ind({ target: '≥10人', actual: '10次' })],
    ['unmet-without-reason', ind({ target: '≥10人', actual: '8' })],
    ['unmet-without-reason', ind({ target: '效果显著', actual: '70%' })],
    ['reason-but-met', ind({ target: '≥10人', actual: '10', note: '疫情影响' })],
    ['target-too-low', ind({ target: '≥10人', actual: '13' })],
    ['needs-rating', ind({ target: '效果显著', actual: '工作顺利开展' })],
    ['not-applicable', ind({ target: '/', actual: '/' })],
    ['qualitative-assumed', ind({ target: '有效', actual: '有效' })],
    ['percent-out-of-range', ind({ name: '群众满意度', target: '≥90%', actual: '120%' })],
    [
      'duplicate-indicator',
      makeForm([
        { name: '培训人数', target: '1', actual: '1' },
        { name: '培训 人数', target: '1', actual: '1' },
      ]),
    ],
    ['missing-actual', ind({ target: '≥10人', actual: null })],
    ['placeholder-text', ind({ name: '★培训人数(≥**人)', target: '1', actual: '1' })],
    ['unknown-category', ind({ level1: '项目管理', target: '1', actual: '1' })],
    ['missing-category', makeForm([{ target: '1', actual: '1' }])],
    ['remarks-template', makeForm([], { remarks: '请在此处简要说明……如没有请填无。' })],
    ['remarks-template', makeForm([], { remarks: null })],
    ['missing-preparer', makeForm([], { preparer: { name: '张三', phone: null } })],
  ] as const)('%s', (code, form) => {
    expect(codes(form)).toContain(code);
  });
  it('a met form with a reason of 无 is clean', () => {
    expect(codes(ind({ target: '≥10人', actual: '10', note: '无' }))).toEqual([]);
  });
  it('funding: rate-mismatch, sources-sum-mismatch, over-execution, low-execution', () => {
    const form = makeForm([]);
    form.funding.lines = [
      { name: '年度资金总额', initialBudget: null, budget: 0, executed: 0, rate: null },
      { name: '财政拨款', initialBudget: null, budget: 100, executed: 110, rate: 100 },
      { name: '其他资金', initialBudget: null, budget: 50, executed: 10, rate: 20 },
    ];
    const c = check(form);
    expect(c.filter((f) => f.code === 'rate-mismatch').map((f) => f.field)).toEqual(['funding.lines[1].rate']);
    expect(c.filter((f) => f.code === 'sources-sum-mismatch').map((f) => f.field)).toEqual([
      'funding.lines[0].budget',
      'funding.lines[0].executed',
    ]);
    expect(c.filter((f) => f.code === 'over-execution').map((f) => f.field)).toEqual(['funding.lines[1].executed']);
    expect(c.map((f) => f.code)).toContain('low-execution');
  });
  it('a rate printed to one decimal is compared to its own precision', () => {
    const form = makeForm([]);
    form.funding.lines = [
      { name: '年度资金总额', initialBudget: null, budget: 1611.18, executed: 1549.89, rate: 96.2 },
    ];
    expect(codes(form)).not.toContain('rate-mismatch');
    form.funding.lines[0]!.rate = 96.3;
    expect(codes(form)).toContain('rate-mismatch');
  });
  it('sums in fen: 0.1 + 0.2 万元 equals a printed 0.3', () => {
    const form = makeForm([]);
    form.funding.lines = [
      { name: '年度资金总额', initialBudget: null, budget: 0.3, executed: 0.3, rate: 100 },
      { name: 'A', initialBudget: null, budget: 0.1, executed: 0.1, rate: 100 },
      { name: 'B', initialBudget: null, budget: 0.2, executed: 0.2, rate: 100 },
    ];
    expect(codes(form)).not.toContain('sources-sum-mismatch');
  });
  it('narrative-mismatch compares figures for the same subject only', () => {
    const form = ind({ name: '帮助群众挽回的经济损失', level1: '效益指标', target: '2000万', actual: '3790.19万' });
    form.objectives.actual = '全年共受理法律援助案件493宗，帮助挽回经济损失约3937.05万元。';
    expect(
      check(form)
        .filter((f) => f.code === 'narrative-mismatch')
        .map((f) => f.indicator),
    ).toEqual(['帮助群众挽回的经济损失']);
    form.objectives.actual = '帮助挽回经济损失约3790.19万元。';
    expect(codes(form)).not.toContain('narrative-mismatch');
  });
  it('self-score-differs when a printed 总分 is far from the computed one', () => {
    const form = ind({ target: '1', actual: '1' });
    form.selfScore = { total: 80, grade: '良' };
    expect(codes(form)).toContain('self-score-differs');
  });
});
