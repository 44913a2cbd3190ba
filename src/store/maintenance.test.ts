import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, openTestStore } from '../../test/support/test-store.js';
import { openStore } from './store.js';
import { ensureUnit } from './orgs.repository.js';
import { refreshStatistics } from './maintenance.js';

describe('refreshStatistics on SQLite', () => {
  it('keeps row estimates but no value samples (they make SQLite re-plan statements on every run)', async () => {
    const { store, close } = await openTestStore('sqlite');
    try {
      for (let i = 0; i < 20; i += 1) await ensureUnit(store.db, `部门${i % 3}`, `单位${i}`);
      await refreshStatistics(store);
      const count = async (table: string) =>
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(store.db)).rows[0]?.n;
      expect(await count('sqlite_stat1')).toBeGreaterThan(0);
      expect(await count('sqlite_stat4')).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('opening a SQLite database', () => {
  it('drops value samples an outside ANALYZE left behind, keeping the row estimates', async () => {
    const test = await createTestDatabase('sqlite');
    try {
      const first = await openStore(test.config);
      for (let i = 0; i < 20; i += 1) await ensureUnit(first.db, `部门${i % 3}`, `单位${i}`);
      // What the sqlite3 shell's ANALYZE does: samples included.
      await sql`analyze`.execute(first.db);
      await first.destroy();
      const reopened = await openStore(test.config);
      try {
        const count = async (table: string) =>
          (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(reopened.db)).rows[0]?.n;
        expect(await count('sqlite_stat1')).toBeGreaterThan(0);
        expect(await count('sqlite_stat4')).toBe(0);
      } finally {
        await reopened.destroy();
      }
    } finally {
      await test.drop();
    }
  });
});
