import { sqliteConnectionOf, type Db, type SqliteConnection } from './database.js';

/**
 * Answers of recent reads on SQLite, kept while the database file is unchanged.
 *
 * Whether it changed is one cheap statement: `data_version` moves when any other connection (another
 * process: a CLI command, a second server) commits, and `total_changes()` moves when this connection
 * inserts, updates or deletes a row (committed or not). Every answer is dropped as soon as either
 * moves, so an answer is only ever served from the database state it was read in. Reads inside a
 * transaction never use it. The point: on SQLite the statement that reads a session and a form costs
 * more than the rest of the request; the check costs a fraction of it.
 */
export class SqliteSnapshotCache<T> {
  readonly #entries = new Map<string, T>();
  #stamp = '';

  constructor(
    private readonly connection: SqliteConnection,
    /** Beyond this many answers the cache starts over (a cheap bound; answers are small). */
    private readonly maxEntries = 4096,
  ) {}

  /**
   * The database's change stamp now; clears the answers if it moved since the last check. Read the
   * answer to store in the same synchronous run as this check (better-sqlite3 runs statements
   * synchronously), and pass the stamp to `set`.
   */
  check(): string {
    const row = this.connection.prepare(stampSql).get() as { c: number; v: number };
    const stamp = `${row.c}:${row.v}`;
    if (stamp !== this.#stamp) {
      this.#entries.clear();
      this.#stamp = stamp;
    }
    return stamp;
  }

  get(key: string): T | undefined {
    return this.#entries.get(key);
  }

  /**
   * Keeps an answer read at `stamp`. Dropped if another check has seen a newer stamp since: a write
   * may have landed between the read and now, and that check already cleared what was read before it.
   */
  set(key: string, value: T, stamp: string): void {
    if (stamp !== this.#stamp) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(key, value);
  }
}

const stampSql = 'select total_changes() as c, data_version as v from pragma_data_version';

const caches = new WeakMap<Db, Map<string, SqliteSnapshotCache<unknown>>>();

/**
 * The snapshot cache `name` of a SQLite database, or undefined when it may not be used: PostgreSQL, a
 * transaction handle, or a transaction open on the connection (its reads may see what it has not
 * committed).
 */
export function sqliteSnapshotCache<T>(db: Db, name: string): SqliteSnapshotCache<T> | undefined {
  if (db.isTransaction) return undefined;
  const connection = sqliteConnectionOf(db);
  if (!connection || connection.inTransaction()) return undefined;
  let byName = caches.get(db);
  if (!byName) {
    byName = new Map();
    caches.set(db, byName);
  }
  let cache = byName.get(name);
  if (!cache) {
    cache = new SqliteSnapshotCache<unknown>(connection);
    byName.set(name, cache);
  }
  return cache as SqliteSnapshotCache<T>;
}
