import { createHash } from 'node:crypto';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
} from 'kysely';
import type { DatabaseHandle, Db, Dialect } from './database.js';
import { migrations as knownMigrations, type Migration } from './migrations/index.js';

/** The database's migration history does not match the code: refuse to run rather than guess. */
export class MigrationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`diverged migration history:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'MigrationError';
  }
}

/**
 * Checksum of a migration: sha256 of the SQL it compiles to (with parameters) for a dialect. Stable
 * across TypeScript compilers (tsx in development, tsc in dist/) unlike the function's source text.
 */
export async function migrationChecksum(migration: Migration, dialect: Dialect): Promise<string> {
  const statements: string[] = [];
  const pgLike = dialect === 'postgres';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const recorder = new Kysely<any>({
    dialect: {
      createAdapter: () => (pgLike ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (pgLike ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
      createQueryCompiler: () => (pgLike ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
    log: (event) => {
      statements.push(`${event.query.sql}\u0000${JSON.stringify(event.query.parameters)}`);
    },
  });
  await migration.up(recorder, dialect);
  await recorder.destroy();
  return createHash('sha256').update(statements.join('\n')).digest('hex');
}

export interface MigrationStatus {
  readonly applied: readonly string[];
  readonly pending: readonly string[];
  /** Empty when the history is a prefix of the code's migrations with matching checksums. */
  readonly problems: readonly string[];
}

async function ensureTable(db: Db): Promise<void> {
  await db.schema
    .createTable('jixiao_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

async function compare(
  dialect: Dialect,
  known: readonly Migration[],
  rows: readonly { name: string; checksum: string }[],
): Promise<MigrationStatus> {
  const problems: string[] = [];
  const byName = new Map(known.map((m) => [m.name, m]));
  for (const row of rows) {
    const m = byName.get(row.name);
    if (!m) problems.push(`migration ${row.name} is in the database but not in this version of the code`);
    else if ((await migrationChecksum(m, dialect)) !== row.checksum)
      problems.push(`migration ${row.name} was changed after it ran (checksum differs)`);
  }
  const applied = new Set(rows.map((r) => r.name));
  const pending = known.filter((m) => !applied.has(m.name)).map((m) => m.name);
  const lastApplied = rows.at(-1)?.name;
  if (lastApplied !== undefined)
    for (const name of pending)
      if (name < lastApplied) problems.push(`migration ${name} is older than the applied ${lastApplied} but never ran`);
  return { applied: rows.map((r) => r.name), pending, problems };
}

const appliedRows = (db: Db) =>
  db.selectFrom('jixiao_migrations').select(['name', 'checksum']).orderBy('name').execute();

/** Where the database stands against the code's migrations. A database never migrated has all pending. */
export async function migrationStatus(
  handle: DatabaseHandle,
  known: readonly Migration[] = knownMigrations,
): Promise<MigrationStatus> {
  let rows: { name: string; checksum: string }[];
  try {
    rows = await appliedRows(handle.db);
  } catch {
    rows = []; // no bookkeeping table yet
  }
  return compare(handle.dialect, known, rows);
}

/**
 * Apply every pending migration in one transaction (all or nothing). Several servers starting at once
 * on PostgreSQL serialise on an advisory lock. Throws MigrationError on a diverged history, touching
 * nothing. Returns the names applied.
 */
export async function migrate(
  handle: DatabaseHandle,
  known: readonly Migration[] = knownMigrations,
): Promise<string[]> {
  return handle.db.transaction().execute(async (trx) => {
    if (handle.dialect === 'postgres') await sql`select pg_advisory_xact_lock(20261126)`.execute(trx);
    await ensureTable(trx);
    const status = await compare(handle.dialect, known, await appliedRows(trx));
    if (status.problems.length > 0) throw new MigrationError(status.problems);
    const applied: string[] = [];
    for (const name of status.pending) {
      const m = known.find((k) => k.name === name) as Migration;
      await m.up(trx, handle.dialect);
      await trx
        .insertInto('jixiao_migrations')
        .values({
          name,
          checksum: await migrationChecksum(m, handle.dialect),
          applied_at: new Date().toISOString(),
        })
        .execute();
      applied.push(name);
    }
    return applied;
  });
}
