import { sql } from 'kysely';
import type { DatabaseHandle } from './database.js';

/**
 * Refresh planner statistics (and, on PostgreSQL, the visibility map that index-only scans and
 * counts rely on) after a bulk load. PostgreSQL's autovacuum does this within minutes on its own;
 * call it when a load must be fast at once (benchmarks, right after a large import).
 */
export async function refreshStatistics(handle: DatabaseHandle): Promise<void> {
  if (handle.dialect === 'postgres') await sql`vacuum analyze`.execute(handle.db);
  else await sql`analyze`.execute(handle.db);
}
