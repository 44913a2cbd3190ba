import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, openTestStore, type TestDatabase } from '../support/test-store.js';
import { formJsonCacheOf } from '../../src/store/form-json-cache.js';
import { findSessionWithForm } from '../../src/store/form-read.repository.js';
import { insertForm, updateForm, type FormFacts } from '../../src/store/forms.repository.js';
import { ensureUnit } from '../../src/store/orgs.repository.js';
import { deleteSession, insertSession } from '../../src/store/sessions.repository.js';
import { openStore, type Store } from '../../src/store/store.js';
import { insertUser, setDisabled } from '../../src/store/users.repository.js';

const facts: FormFacts = {
  project: '社区矫正',
  year: 2020,
  department: '深圳市坪山区司法局',
  total: 90,
  grade: '优',
  provisional: false,
  budgetFen: null,
  executedFen: null,
};
const now = new Date('2026-11-26T12:00:00.000Z');
const at = '2026-11-26T10:00:00.000Z';

/**
 * The one-query form read, and its JSON cache, seen from two handles on one database (two app
 * servers, or a server and a CLI command): whatever one writes, the other never serves stale.
 */
describe.each(dialects)('session + form read on %s', (dialect) => {
  let one: Store;
  let two: Store;
  let tdb: TestDatabase;
  let close: () => Promise<void>;
  let userId = '';
  beforeAll(async () => {
    ({ store: one, db: tdb, close } = await openTestStore(dialect));
    two = await openStore(tdb.config);
    const { unit, department } = await ensureUnit(one.db, '深圳市坪山区司法局', '坪山街道司法所');
    userId = (await insertUser(one.db, { username: 'reader', passwordHash: 'h', role: 'filler', orgId: unit.id })).id;
    for (const id of ['s-live', 's-logout'])
      await insertSession(one.db, { id, userId, csrfToken: 'c', expiresAt: '2026-11-27T00:00:00.000Z' }, now);
    await insertSession(one.db, { id: 's-old', userId, csrfToken: 'c', expiresAt: '2026-11-26T11:00:00.000Z' }, now);
    const form = { unitId: unit.id, departmentId: department.id, status: 'draft', facts, userId, at };
    await insertForm(one.db, { id: 'f1', json: '{"年度":2020,"项目":"社区矫正"}', ...form });
  });
  afterAll(async () => {
    await two?.destroy();
    await close?.();
  });

  it('returns the session, the user and the form as stored bytes; null form for an unknown id', async () => {
    const read = await findSessionWithForm(one.db, 's-live', now, 'f1');
    expect(read?.user.username).toBe('reader');
    expect(read?.session.csrfToken).toBe('c');
    expect(read?.form).toMatchObject({ id: 'f1', status: 'draft', version: 1 });
    expect(read?.form?.json.toString()).toBe('{"年度":2020,"项目":"社区矫正"}');
    expect((await findSessionWithForm(one.db, 's-live', now, 'nope'))?.form).toBeNull();
    expect(await findSessionWithForm(one.db, 's-old', now, 'f1')).toBeNull();
    expect(await findSessionWithForm(one.db, 'nope', now, 'f1')).toBeNull();
  });

  it('answers concurrent reads each with its own session and form (PostgreSQL: one batched statement)', async () => {
    const reads = await Promise.all([
      findSessionWithForm(one.db, 's-live', now, 'f1'),
      findSessionWithForm(one.db, 's-old', now, 'f1'),
      findSessionWithForm(one.db, 's-live', now, 'nope'),
      findSessionWithForm(one.db, 'nope', now, 'nope'),
      findSessionWithForm(one.db, 's-live', now, 'f1'),
    ]);
    expect(reads.map((r) => (r === null ? null : (r.form?.id ?? 'no form')))).toEqual([
      'f1',
      null,
      'no form',
      null,
      'f1',
    ]);
    expect(reads[4]?.form?.json.toString()).toBe('{"年度":2020,"项目":"社区矫正"}');
    // An id PostgreSQL text cannot hold names no form, and does not fail the reads batched with it.
    const [crafted, neighbour] = await Promise.all([
      findSessionWithForm(one.db, 's-live', now, 'f1\u0000'),
      findSessionWithForm(one.db, 's-live', now, 'f1'),
    ]);
    expect(crafted?.form).toBeNull();
    expect(neighbour?.form?.id).toBe('f1');
  });

  it('reuses the cached JSON while the row is unchanged, and never once another handle wrote it', async () => {
    const first = await findSessionWithForm(one.db, 's-live', now, 'f1');
    const again = await findSessionWithForm(one.db, 's-live', now, 'f1');
    expect(again?.form?.json).toBe(first?.form?.json); // the same Buffer: not read again
    expect(formJsonCacheOf(one.db).size).toBeGreaterThan(0);

    const written = await two.transaction((trx) =>
      updateForm(trx, 'f1', 1, { json: '{"年度":2021}', status: 'submitted', userId, at: '2026-11-26T11:00:00.000Z' }),
    );
    expect(written?.version).toBe(2);
    const after = await findSessionWithForm(one.db, 's-live', now, 'f1');
    expect(after?.form).toMatchObject({ status: 'submitted', version: 2 });
    expect(after?.form?.json.toString()).toBe('{"年度":2021}');
  });

  it('sees writes through its own handle at once, and a session past its expiry, though just read', async () => {
    const { unit, department } = await ensureUnit(one.db, '深圳市坪山区司法局', '坪山街道司法所');
    const ownId = (await insertUser(one.db, { username: 'own', passwordHash: 'h', role: 'filler', orgId: unit.id })).id;
    const expiresAt = '2026-11-26T12:30:00.000Z';
    await insertSession(one.db, { id: 's-own', userId: ownId, csrfToken: 'c', expiresAt }, now);
    const base = { unitId: unit.id, departmentId: department.id, status: 'draft', facts, userId: ownId, at };
    await insertForm(one.db, { id: 'f-own', json: '{"v":1}', ...base });
    expect((await findSessionWithForm(one.db, 's-own', now, 'f-own'))?.form?.version).toBe(1);
    expect((await findSessionWithForm(one.db, 's-own', now, 'f-own'))?.form?.version).toBe(1);
    await one.transaction((trx) => updateForm(trx, 'f-own', 1, { json: '{"v":2}', userId: ownId, at: expiresAt }));
    const after = await findSessionWithForm(one.db, 's-own', now, 'f-own');
    expect([after?.form?.version, after?.form?.json.toString()]).toEqual([2, '{"v":2}']);
    expect(await findSessionWithForm(one.db, 's-own', new Date(expiresAt), 'f-own')).toBeNull();
    await deleteSession(one.db, 's-own');
    expect(await findSessionWithForm(one.db, 's-own', now, 'f-own')).toBeNull();
  });

  it('does not serve a logged-out session or a disabled user, cached form or not', async () => {
    expect(await findSessionWithForm(one.db, 's-logout', now, 'f1')).not.toBeNull();
    await deleteSession(two.db, 's-logout');
    expect(await findSessionWithForm(one.db, 's-logout', now, 'f1')).toBeNull();
    await setDisabled(two.db, 'reader', true);
    expect(await findSessionWithForm(one.db, 's-live', now, 'f1')).toBeNull();
  });

  it('neither sees nor caches what a transaction has not committed', async () => {
    const { unit, department } = await ensureUnit(one.db, '深圳市坪山区司法局', '坪山街道司法所');
    const otherId = (await insertUser(one.db, { username: 'tx', passwordHash: 'h', role: 'filler', orgId: unit.id }))
      .id;
    await insertSession(
      one.db,
      { id: 's-tx', userId: otherId, csrfToken: 'c', expiresAt: '2026-11-27T00:00:00.000Z' },
      now,
    );
    await insertForm(one.db, {
      id: 'f2',
      json: '{"v":1}',
      unitId: unit.id,
      departmentId: department.id,
      status: 'draft',
      facts,
      userId: otherId,
      at,
    });
    let outside: Promise<unknown> | null = null;
    await expect(
      one.transaction(async (trx) => {
        await updateForm(trx, 'f2', 1, {
          json: '{"v":"rolled back"}',
          userId: otherId,
          at: '2026-11-26T11:30:00.000Z',
        });
        expect((await findSessionWithForm(trx, 's-tx', now, 'f2'))?.form?.json.toString()).toBe('{"v":"rolled back"}');
        // A read from outside while the transaction is open (SQLite: waits for it; PostgreSQL: another connection).
        outside = findSessionWithForm(one.db, 's-tx', now, 'f2');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(((await outside) as Awaited<ReturnType<typeof findSessionWithForm>>)?.form?.json.toString()).toBe('{"v":1}');
    const read = await findSessionWithForm(one.db, 's-tx', now, 'f2');
    expect(read?.form).toMatchObject({ version: 1 });
    expect(read?.form?.json.toString()).toBe('{"v":1}');
  });
});
