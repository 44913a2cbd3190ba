import type { Kysely } from 'kysely';

/**
 * FROZEN. Failed-login counters shared by every app server on the database (the login rate limit
 * kept in one process's memory let N servers take N times the attempts). `key` is a sha256 of the
 * address and user name (bounded, and free of bytes PostgreSQL text refuses); `window_start` is in
 * epoch milliseconds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .execute();
}
