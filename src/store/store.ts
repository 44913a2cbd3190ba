import type { Config } from '../config.js';
import { sqlitePath } from '../config.js';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle, type Db } from './database.js';
import { migrate, migrationStatus } from './migrate.js';

/** An open, migrated database plus a transaction helper. */
export interface Store extends DatabaseHandle {
  /** Run `work` in one transaction: all of it commits or none of it does. */
  readonly transaction: <T>(work: (trx: Db) => Promise<T>) => Promise<T>;
  /**
   * A transaction that no other app server runs at the same time (PostgreSQL advisory lock; SQLite
   * writers are serialised anyway). For start-up work such as creating the first admin.
   */
  readonly exclusive: <T>(work: (trx: Db) => Promise<T>) => Promise<T>;
  /** Database reachable and migrations current (for /readyz). */
  readonly ready: () => Promise<{ ok: boolean; reason: string | null }>;
}

/** Wrap an open database handle. */
export function toStore(handle: DatabaseHandle): Store {
  return {
    ...handle,
    transaction: (work) => handle.db.transaction().execute((trx) => work(trx)),
    exclusive: (work) =>
      handle.db.transaction().execute(async (trx) => {
        if (handle.dialect === 'postgres') await sql`select pg_advisory_xact_lock(20261127)`.execute(trx);
        return work(trx);
      }),
    ready: async () => {
      try {
        const status = await migrationStatus(handle);
        if (status.problems.length > 0) return { ok: false, reason: 'migration history diverged' };
        if (status.pending.length > 0) return { ok: false, reason: `pending migrations: ${status.pending.join(', ')}` };
        return { ok: true, reason: null };
      } catch (e) {
        return { ok: false, reason: `database unreachable: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
  };
}

/**
 * Open the configured database (PostgreSQL with DATABASE_URL, else SQLite under the data directory)
 * and bring its schema up to date. Throws MigrationError on a diverged history (and closes it).
 */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & { readonly poolSize?: number },
  options: { readonly poolSize?: number; readonly migrate?: boolean } = {},
): Promise<Store> {
  const handle = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: sqlitePath(config),
    poolSize: options.poolSize ?? config.poolSize ?? 10,
  });
  try {
    if (options.migrate !== false) await migrate(handle);
  } catch (e) {
    await handle.destroy();
    throw e;
  }
  return toStore(handle);
}
