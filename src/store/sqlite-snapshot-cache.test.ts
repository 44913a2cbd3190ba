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
