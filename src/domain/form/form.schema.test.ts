/* eslint-disable @typescript-eslint/no-explicit-any -- the mutations build deliberately malformed JSON */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { seedForms } from '../../../test/support/fixtures.js';
import { validateForm } from './validate-form.js';

// The JSON Schema is the published contract; the zod schema must accept exactly what it accepts.
const jsonSchema = JSON.parse(
  readFileSync(new URL('../../../docs/spec/form.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateJson = ajv.compile(jsonSchema);

type Mutation = readonly [string, (f: Record<string, any>) => unknown];

const base = () => structuredClone(seedForms()[2]) as unknown as Record<string, any>;

const valid: readonly Mutation[] = [
  ['the golden form', (f) => f],
  [
    'selfScore and printed weights',
    (f) => ({
      ...f,
      selfScore: { total: 93.5, grade: '优' },
      indicators: f.indicators.map((i: object) => ({ ...i, weight: 5, score: 4.5 })),
    }),
  ],
  ['money in 元 with extras', (f) => ({ ...f, funding: { ...f.funding, unit: '元' }, extras: { 项目负责人: '张三' } })],
  [
    'null period, department and flags',
    (f) => ({ ...f, project: { ...f.project, period: null, department: null, isKeyProject: null, attribute: null } }),
  ],
  ['no indicators', (f) => ({ ...f, indicators: [] })],
  ['empty selfScore', (f) => ({ ...f, selfScore: {} })],
];

const invalid: readonly Mutation[] = [
  ['wrong kind', (f) => ({ ...f, kind: 'department-self-evaluation' })],
  ['fractional year', (f) => ({ ...f, year: 2020.5 })],
  ['year too early', (f) => ({ ...f, year: 1989 })],
  ['unknown top-level key', (f) => ({ ...f, score: 90 })],
  ['missing remarks', ({ remarks: _r, ...f }) => f],
  ['empty project name', (f) => ({ ...f, project: { ...f.project, name: '' } })],
  ['period not a date', (f) => ({ ...f, project: { ...f.project, period: { start: '2020.1.1', end: '2020-12-31' } } })],
  [
    'period with an extra key',
    (f) => ({ ...f, project: { ...f.project, period: { start: '2020-01-01', end: '2020-12-31', days: 365 } } }),
  ],
  ['isKeyProject as 是', (f) => ({ ...f, project: { ...f.project, isKeyProject: '是' } })],
  [
    'money as a string',
    (f) => ({ ...f, funding: { ...f.funding, lines: [{ ...f.funding.lines[0], budget: '529.99' }] } }),
  ],
  ['unit 千元', (f) => ({ ...f, funding: { ...f.funding, unit: '千元' } })],
  ['no funding lines', (f) => ({ ...f, funding: { ...f.funding, lines: [] } })],
  [
    'funding line without rate',
    (f) => ({
      ...f,
      funding: { ...f.funding, lines: [{ name: '年度资金总额', initialBudget: null, budget: 1, executed: 1 }] },
    }),
  ],
  ['indicator target as number', (f) => ({ ...f, indicators: [{ ...f.indicators[0], target: 95 }] })],
  [
    'indicator without note',
    (f) => ({ ...f, indicators: [{ level1: 'a', level2: 'b', name: 'c', target: null, actual: null }] }),
  ],
  ['indicator with empty name', (f) => ({ ...f, indicators: [{ ...f.indicators[0], name: '' }] })],
  ['indicator with unknown key', (f) => ({ ...f, indicators: [{ ...f.indicators[0], unit: '人' }] })],
  ['preparer phone missing', (f) => ({ ...f, preparer: { name: '赵益' } })],
  ['extras with a number', (f) => ({ ...f, extras: { 项目负责人: 1 } })],
  ['selfScore with unknown key', (f) => ({ ...f, selfScore: { total: 1, rank: 2 } })],
  ['objectives as text', (f) => ({ ...f, objectives: '目标' })],
  ['not an object', () => [1, 2]],
];

describe('the zod form schema accepts exactly what form.schema.json accepts', () => {
  it('accepts all six golden forms', () => {
    for (const form of seedForms()) {
      expect(validateJson(form)).toBe(true);
      expect(validateForm(form).ok).toBe(true);
    }
  });
  it.each(valid)('valid: %s', (_name, mutate) => {
    const input = mutate(base());
    expect(validateJson(input)).toBe(true);
    expect(validateForm(input).ok).toBe(true);
  });
  it.each(invalid)('invalid: %s', (_name, mutate) => {
    const input = mutate(base());
    expect(validateJson(input)).toBe(false);
    const r = validateForm(input);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const p of r.problems) expect(p.message).toMatch(/\p{Script=Han}/u);
  });
  it('lists every problem with its path', () => {
    const f = base();
    f.year = '2020';
    f.indicators[3].target = 1;
    const r = validateForm(f);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['year', 'indicators[3].target']);
  });
});
