import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvent, listEvents } from '../../src/store/events.repository.js';
import { listForms } from '../../src/store/form-listing.repository.js';
import { findForm, insertForm, listVersions, updateForm, type FormFacts } from '../../src/store/forms.repository.js';
import { ensureUnit } from '../../src/store/orgs.repository.js';
import { insertDeduction, listDeductions, listRatings, setRating } from '../../src/store/reviews.repository.js';
import { findSession, insertSession } from '../../src/store/sessions.repository.js';
import type { Store } from '../../src/store/store.js';
import { insertUser } from '../../src/store/users.repository.js';
import { seedForms } from '../support/fixtures.js';
import { dialects, openTestStore } from '../support/test-store.js';

const facts = (over: Partial<FormFacts> = {}): FormFacts => ({
  project: '社区矫正',
  year: 2020,
  department: '深圳市坪山区司法局',
  total: 98.97000000000001,
  grade: '优',
  provisional: false,
  // 529.99 万元 in fen: above 2^32, exact.
  budgetFen: 5_299_900_000,
  executedFen: 5_286_600_000,
  ...over,
});

describe.each(dialects)('repositories on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let userId = '';
  let unitId = '';
  let departmentId = '';
  const at = '2026-11-26T10:00:00.000Z';
  beforeAll(async () => {
    ({ store, close } = await openTestStore(dialect));
    const place = await ensureUnit(store.db, '深圳市坪山区司法局', '坪山街道司法所');
    unitId = place.unit.id;
    departmentId = place.department.id;
    expect((await ensureUnit(store.db, '深圳市坪山区司法局', '坪山街道司法所')).unit.id).toBe(unitId);
    userId = (await insertUser(store.db, { username: 'u', passwordHash: 'h', role: 'filler', orgId: unitId })).id;
  });
  afterAll(async () => close?.());

  const newForm = (id: string, json: string, over: Partial<FormFacts> = {}) =>
    insertForm(store.db, { id, unitId, departmentId, status: 'draft', json, facts: facts(over), userId, at });

  it('stores the canonical JSON text exactly and money in exact fen', async () => {
    const json = JSON.stringify(seedForms()[0]);
    await newForm('f1', json);
    const got = await findForm(store.db, 'f1');
    expect(got?.json).toBe(json);
    expect(got).toMatchObject({
      version: 1,
      budgetFen: 5_299_900_000,
      executedFen: 5_286_600_000,
      total: 98.97000000000001,
      provisional: false,
    });
  });

  it('writes only over the version it read (optimistic lock) and keeps every version', async () => {
    const updated = await updateForm(store.db, 'f1', 1, { json: '{"v":2}', userId, at });
    expect(updated?.version).toBe(2);
    expect(await updateForm(store.db, 'f1', 1, { json: '{"v":"stale"}', userId, at })).toBeNull();
    expect((await findForm(store.db, 'f1'))?.json).toBe('{"v":2}');
    expect((await listVersions(store.db, 'f1')).map((v) => v.version)).toEqual([1, 2]);
  });

  it('rolls a transaction back completely', async () => {
    await expect(
      store.transaction(async (trx) => {
        await insertForm(trx, {
          id: 'f-rollback',
          unitId,
          departmentId,
          status: 'draft',
          json: '{}',
          facts: facts(),
          userId,
          at,
        });
        await insertEvent(trx, { formId: 'f-rollback', version: 1, action: 'import', userId, at });
        throw new Error('second file broken');
      }),
    ).rejects.toThrow('second file broken');
    expect(await findForm(store.db, 'f-rollback')).toBeNull();
    expect(await listEvents(store.db, 'f-rollback')).toEqual([]);
  });

  it('lists with filters, scope, search and paging', async () => {
    for (let i = 0; i < 5; i += 1) await newForm(`p${i}`, '{}', { project: `项目${i}`, year: 2020 + (i % 2) });
    const all = await listForms(store.db, {}, { offset: 0, limit: 100 });
    expect(all.total).toBe(6);
    expect((await listForms(store.db, { year: 2021 }, { offset: 0, limit: 100 })).total).toBe(2);
    expect((await listForms(store.db, { q: '项目3' }, { offset: 0, limit: 100 })).items.map((f) => f.id)).toEqual([
      'p3',
    ]);
    expect((await listForms(store.db, { q: '100%' }, { offset: 0, limit: 100 })).total).toBe(0);
    const page = await listForms(store.db, {}, { offset: 2, limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(6);
    // The total is the same whether it is counted (a full page, a page past the end) or read off the
    // end of a page that is not full.
    for (const [offset, limit, items] of [
      [4, 2, 2],
      [4, 3, 2],
      [5, 10, 1],
      [6, 10, 0],
      [20, 10, 0],
      [0, 6, 6],
      [0, 7, 6],
    ] as const) {
      const p = await listForms(store.db, {}, { offset, limit });
      expect([p.items.length, p.total]).toEqual([items, 6]);
    }
    expect((await listForms(store.db, { year: 2021 }, { offset: 1, limit: 5 })).total).toBe(2);
    expect(
      (await listForms(store.db, { scope: { column: 'unit', orgId: 'elsewhere' } }, { offset: 0, limit: 10 })).total,
    ).toBe(0);
    expect(
      (await listForms(store.db, { scope: { column: 'department', orgId: departmentId } }, { offset: 0, limit: 10 }))
        .total,
    ).toBe(6);
    expect(all.items[0]?.unit).toBe('坪山街道司法所');
  });

  it('keeps reviewer ratings and exact deductions apart from the form', async () => {
    expect(
      await setRating(store.db, { formId: 'f1', indicatorIndex: 2, rating: 0.8, authorId: userId, at }),
    ).toBeNull();
    expect(await setRating(store.db, { formId: 'f1', indicatorIndex: 2, rating: 0.9, authorId: userId, at })).toBe(0.8);
    expect((await listRatings(store.db, 'f1')).map((r) => [r.indicatorIndex, r.rating])).toEqual([[2, 0.9]]);
    await insertDeduction(store.db, { formId: 'f1', points: 0.1, reason: 'a', authorId: userId, at });
    await insertDeduction(store.db, { formId: 'f1', points: 0.2, reason: 'b', authorId: userId, at });
    expect((await listDeductions(store.db, 'f1')).map((d) => d.points)).toEqual([0.1, 0.2]);
  });

  it('finds live sessions only', async () => {
    const now = new Date('2026-11-26T12:00:00Z');
    await insertSession(store.db, { id: 'live', userId, csrfToken: 'c', expiresAt: '2026-11-26T13:00:00.000Z' }, now);
    await insertSession(store.db, { id: 'old', userId, csrfToken: 'c', expiresAt: '2026-11-26T11:00:00.000Z' }, now);
    expect((await findSession(store.db, 'live', now))?.user.username).toBe('u');
    expect(await findSession(store.db, 'old', now)).toBeNull();
  });
});
