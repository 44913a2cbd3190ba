import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-store.js';
import { ensureUnit } from './orgs.repository.js';
import { sqliteSnapshotCache } from './sqlite-snapshot-cache.js';
import { openStore } from './store.js';

describe('SqliteSnapshotCache', () => {
  it('drops its answers when this connection or another one writes, and keeps them otherwise', async () => {
    const { store, db, close } = await openTestStore('sqlite');
    const other = await openStore(db.config);
    try {
      const cache = sqliteSnapshotCache<string>(store.db, 'test');
      if (!cache) throw new Error('expected a cache on SQLite outside transactions');
      cache.set('k', 'v', cache.check());
      expect([cache.check(), cache.get('k')]).toEqual([expect.any(String), 'v']);
      await ensureUnit(store.db, '部门', '单位甲'); // this connection writes
      cache.check();
      expect(cache.get('k')).toBeUndefined();
      cache.set('k', 'v', cache.check());
      await ensureUnit(other.db, '部门', '单位乙'); // another connection commits
      cache.check();
      expect(cache.get('k')).toBeUndefined();
    } finally {
      await other.destroy();
      await close();
    }
  });

  it('refuses an answer read before a write that a later check has already seen', async () => {
    const { store, close } = await openTestStore('sqlite');
    try {
      const cache = sqliteSnapshotCache<string>(store.db, 'test')!;
      const before = cache.check();
      await ensureUnit(store.db, '部门', '单位'); // lands while the first read is "in flight"
      cache.check(); // another request checks
      cache.set('k', 'read before the write', before);
      expect(cache.get('k')).toBeUndefined();
    } finally {
      await close();
    }
  });

  it('shares one check and one read among the lookups of a round, and reads again after a write', async () => {
    const { store, db, close } = await openTestStore('sqlite');
    const other = await openStore(db.config);
    try {
      const cache = sqliteSnapshotCache<string>(store.db, 'test')!;
      let reads = 0;
      const read = (): Promise<string> => Promise.resolve(`read ${(reads += 1)}`);
      const always = (): boolean => true;
      const round = () => Promise.all([1, 2, 3].map(() => cache.lookup('k', always, read)));
      expect(await round()).toEqual(['read 1', 'read 1', 'read 1']);
      expect(await round()).toEqual(['read 1', 'read 1', 'read 1']);
      await ensureUnit(other.db, '部门', '单位乙'); // another connection commits before the lookups are asked
      expect(await round()).toEqual(['read 2', 'read 2', 'read 2']);
      expect(await cache.lookup('k', () => false, read)).toBe('read 3'); // the caller refuses the kept answer
    } finally {
      await other.destroy();
      await close();
    }
  });

  it('neither answers from nor keeps what it reads while a transaction is open on the connection', async () => {
    const { store, close } = await openTestStore('sqlite');
    try {
      const cache = sqliteSnapshotCache<string>(store.db, 'test')!;
      let reads = 0;
      const read = (): Promise<string> => Promise.resolve(`read ${(reads += 1)}`);
      expect(await cache.lookup('k', () => true, read)).toBe('read 1');
      let asked: Promise<string | null> | undefined;
      await store.transaction(async (trx) => {
        asked = cache.lookup('k', () => true, read); // asked before, answered while the transaction is open
        await new Promise((resolve) => setImmediate(resolve));
        await sql`select 1`.execute(trx);
      });
      expect(await asked).toBe('read 2');
      expect(await cache.lookup('k', () => true, read)).toBe('read 1');
    } finally {
      await close();
    }
  });

  it('is not offered to a transaction', async () => {
    const { store, close } = await openTestStore('sqlite');
    try {
      await store.transaction(async (trx) => {
        expect(sqliteSnapshotCache(trx, 'test')).toBeUndefined();
        await sql`select 1`.execute(trx);
      });
    } finally {
      await close();
    }
  });
});
