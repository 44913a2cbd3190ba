import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Dialect } from '../../src/store/database.js';
import { openStore, type Store } from '../../src/store/store.js';

/** Every storage and server suite runs once per dialect. */
export const dialects: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  /** What openStore takes: a fresh SQLite directory or a fresh PostgreSQL database. */
  readonly config: { readonly databaseUrl: string | null; readonly dataDir: string };
  readonly drop: () => Promise<void>;
}

/** A new, empty database of the dialect (PostgreSQL: a new database in the test cluster). */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
  if (dialect === 'sqlite') {
    return {
      config: { databaseUrl: null, dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('pgUrl');
  if (!adminUrl)
    throw new Error(
      'no PostgreSQL for this run: test/support/postgres.ts starts one for test/server and test/store suites',
    );
  const name = `jixiao_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { databaseUrl: url.toString(), dataDir },
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A migrated store on a fresh database; `close` destroys the pool and drops the database. */
export async function openTestStore(
  dialect: Dialect,
): Promise<{ store: Store; db: TestDatabase; close: () => Promise<void> }> {
  const db = await createTestDatabase(dialect);
  const store = await openStore(db.config);
  return {
    store,
    db,
    close: async () => {
      await store.destroy();
      await db.drop();
    },
  };
}
