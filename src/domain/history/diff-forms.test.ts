import { describe, expect, it } from 'vitest';
import { seedForms } from '../../../test/support/fixtures.js';
import { diffForms } from './diff-forms.js';

describe('diffForms', () => {
  const [form] = seedForms();
  if (!form) throw new Error('no seed form');

  it('finds nothing between equal forms', () => {
    expect(diffForms(form, structuredClone(form))).toEqual([]);
  });

  it('reports leaf changes with paths in document order', () => {
    const after = structuredClone(form);
    after.indicators[1]!.actual = '200';
    after.funding.lines[0]!.executed = 1;
    after.remarks = null;
    expect(diffForms(form, after)).toEqual([
      { path: 'funding.lines[0].executed', before: form.funding.lines[0]!.executed, after: 1 },
      { path: 'indicators[1].actual', before: form.indicators[1]!.actual, after: '200' },
      { path: 'remarks', before: form.remarks, after: null },
    ]);
  });

  it('reports added and removed elements and optional fields leaf by leaf', () => {
    const after = structuredClone(form);
    const removed = after.indicators.pop()!;
    after.selfScore = { total: 95 };
    const changes = diffForms(form, after);
    const last = form.indicators.length - 1;
    expect(changes).toContainEqual({ path: `indicators[${last}].name`, before: removed.name, after: undefined });
    expect(changes).toContainEqual({ path: 'selfScore.total', before: undefined, after: 95 });
    expect(diffForms(after, form)).toContainEqual({
      path: `indicators[${last}].name`,
      before: undefined,
      after: removed.name,
    });
  });

  it('treats a type change as one leaf change', () => {
    expect(diffForms({ a: { b: 1 } }, { a: 'x' })).toEqual([{ path: 'a', before: { b: 1 }, after: 'x' }]);
  });
});
