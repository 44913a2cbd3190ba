import { sql } from 'kysely';
import { dropValueSamples, sqliteConnectionOf, type DatabaseHandle } from './database.js';

/**
 * Refresh planner statistics (and, on PostgreSQL, the visibility map that index-only scans and
 * counts rely on) after a bulk load. PostgreSQL's autovacuum does this within minutes on its own;
 * call it when a load must be fast at once (benchmarks, right after a large import).
 *
 * SQLite keeps only the per-index row estimates (sqlite_stat1), not the value samples ANALYZE also
 * takes (sqlite_stat4, compiled into better-sqlite3): with samples present, every new parameter
 * value bound to a statement that compares a parameter with an indexed column makes SQLite compile
 * and plan that statement again on its next run (sqlite3_prepare_v2's documented behaviour) — for
 * the session lookup that tripled its cost, on every request. Our queries are point reads and
 * index-ordered pages whose plans the row estimates already settle.
 */
export async function refreshStatistics(handle: DatabaseHandle): Promise<void> {
  if (handle.dialect === 'postgres') {
    await sql`vacuum analyze`.execute(handle.db);
    return;
  }
  await sql`analyze`.execute(handle.db);
  const connection = sqliteConnectionOf(handle.db);
  if (connection) dropValueSamples(connection);
}
