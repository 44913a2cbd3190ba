import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Form } from '../lib/core';
import { diffForms, labelPath, mergeForms } from './form-diff';
import { editForm } from './form-edit';
import { conflictRows } from './ConflictDialog';

const golden = JSON.parse(readFileSync('fixtures/seed/pingshan-justice-2020.golden.json', 'utf8')) as Form[];
const base = golden[4] as Form;

describe('diffForms', () => {
  it('lists changed leaves with Chinese labels', () => {
    const after = editForm(editForm(base, { type: 'indicator', index: 2, patch: { actual: '120' } }), {
      type: 'preparer',
      patch: { phone: null },
    });
    expect(diffForms(base, after)).toEqual([
      {
        path: 'indicators[2].actual',
        label: '第3项指标「调解培训参加人次」 · 全年完成值',
        before: '173',
        after: '120',
      },
      { path: 'preparer.phone', label: '联系电话', before: base.preparer.phone, after: null },
    ]);
    expect(diffForms(base, base)).toEqual([]);
  });

  it('labels funding paths by line name', () => {
    expect(labelPath('funding.lines[0].executed', base)).toBe('资金第1行「年度资金总额」 · 全年执行数');
  });
});

describe('mergeForms', () => {
  it('keeps their changes and mine when they touch different fields', () => {
    const mine = editForm(base, { type: 'indicator', index: 2, patch: { actual: '120', note: '场地受限' } });
    const theirs = editForm(base, { type: 'objectives', patch: { actual: '已完成' } });
    const merged = mergeForms(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.form.indicators[2]).toEqual(mine.indicators[2]);
    expect(merged.form.objectives.actual).toBe('已完成');
    expect(diffForms(theirs, merged.form).map((d) => d.path)).toEqual(['indicators[2].actual', 'indicators[2].note']);
  });

  it('keeps mine where both changed the same field, and lists it', () => {
    const mine = editForm(base, { type: 'indicator', index: 2, patch: { actual: '120' } });
    const theirs = editForm(base, { type: 'indicator', index: 2, patch: { actual: '150' } });
    const merged = mergeForms(base, mine, theirs);
    expect(merged.form.indicators[2]?.actual).toBe('120');
    expect(merged.conflicts.map((c) => [c.path, c.before, c.after])).toEqual([['indicators[2].actual', '150', '120']]);
  });

  it('takes a changed row list whole when only one side added rows', () => {
    const theirs = editForm(base, { type: 'remove-indicator', index: 0 });
    const mine = editForm(base, { type: 'top', patch: { remarks: '无' } });
    const merged = mergeForms(base, mine, theirs);
    expect(merged.form.indicators).toEqual(theirs.indicators);
    expect(merged.form.remarks).toBe('无');
  });
});

describe('conflictRows', () => {
  it('says who changed each field since the common version', () => {
    const mine = editForm(base, { type: 'indicator', index: 0, patch: { note: '超额' } });
    const theirs = editForm(editForm(base, { type: 'indicator', index: 2, patch: { actual: '120' } }), {
      type: 'indicator',
      index: 0,
      patch: { note: '已完成' },
    });
    expect(conflictRows(base, mine, theirs).map((r) => [r.path, r.who, r.theirs, r.mine])).toEqual([
      ['indicators[0].note', 'both', '已完成', '超额'],
      ['indicators[2].actual', 'theirs', '120', '173'],
    ]);
  });
});
