import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { MigrationError, migrate, migrationChecksum, migrationStatus } from '../../src/store/migrate.js';
import { migrations, type Migration } from '../../src/store/migrations/index.js';
import { sqlitePath } from '../../src/config.js';
import { toStore } from '../../src/store/store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/test-store.js';

describe.each(dialects)('migrations on %s', (dialect) => {
  let tdb: TestDatabase;
  const open = () => openDatabase({ databaseUrl: tdb.config.databaseUrl, sqliteFile: sqlitePath(tdb.config) });
  afterEach(async () => tdb.drop());

  it('applies every migration once, then nothing is pending (and the store is ready)', async () => {
    tdb = await createTestDatabase(dialect);
    const h = open();
    expect(await toStore(h).ready()).toEqual({ ok: false, reason: expect.stringMatching(/^pending migrations: 2026/) });
    expect((await migrationStatus(h)).pending).toEqual(migrations.map((m) => m.name));
    expect(await migrate(h)).toEqual(migrations.map((m) => m.name));
    expect(await migrate(h)).toEqual([]);
    const status = await migrationStatus(h);
    expect(status).toEqual({ applied: migrations.map((m) => m.name), pending: [], problems: [] });
    expect(await toStore(h).ready()).toEqual({ ok: true, reason: null });
    await h.destroy();
  });

  it('refuses a database with a migration the code does not know, changing nothing', async () => {
    tdb = await createTestDatabase(dialect);
    const h = open();
    await migrate(h);
    const future = { name: '29991231T2359-future', up: async () => {} };
    await migrate(h, [...migrations, future]);
    await expect(migrate(h)).rejects.toThrow(MigrationError);
    await expect(migrate(h)).rejects.toThrow(/29991231T2359-future is in the database but not in this version/);
    await h.destroy();
  });

  it('refuses a migration changed after it ran (checksum)', async () => {
    tdb = await createTestDatabase(dialect);
    const h = open();
    await migrate(h);
    const [first] = migrations;
    if (!first) throw new Error('no migrations');
    const changed: Migration = {
      name: first.name,
      up: async (db, d) => {
        await first.up(db, d);
        await db.schema.createTable('extra').addColumn('x', 'text').execute();
      },
    };
    expect(await migrationChecksum(changed, dialect)).not.toBe(await migrationChecksum(first, dialect));
    await expect(migrate(h, [changed])).rejects.toThrow(/changed after it ran/);
    await h.destroy();
  });
});
