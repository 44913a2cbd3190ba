import { sqliteConnectionOf, type Db, type SqliteConnection } from './database.js';

/**
 * Answers of recent reads on SQLite, kept while the database file is unchanged.
 *
 * Whether it changed is one cheap statement: `data_version` moves when any other connection (another
 * process: a CLI command, a second server) commits, and `total_changes()` moves when this connection
 * inserts, updates or deletes a row (committed or not). Every answer is dropped as soon as either
 * moves, so an answer is only ever served from the database state it was read in. Reads inside a
 * transaction never use it. The point: on SQLite the statement that reads a session and a form costs
 * more than the rest of the request; the check costs a fraction of it, and `lookup` shares one check
 * among all the reads asked for in the same round of I/O.
 */
export class SqliteSnapshotCache<T> {
  readonly #entries = new Map<string, T>();
  #stamp = '';
  #waiting: Lookup<T>[] = [];

  constructor(
    private readonly connection: SqliteConnection,
    /** Beyond this many answers the cache starts over (a cheap bound; answers are small). */
    private readonly maxEntries = 4096,
  ) {}

  /**
   * The answer for `key`: the kept one when nothing was written since it was read and `usable(it)`,
   * else `read()`'s, which is then kept. The check runs once per round of I/O, after every request
   * of the round has asked (setImmediate), so no answer is older than the request that asked for it,
   * and a round of fifty concurrent reads costs one statement, not fifty. `read` must run its
   * statement synchronously when called (better-sqlite3 outside a transaction does): the stamp it is
   * kept under is the one checked just before.
   */
  lookup(key: string, usable: (kept: T) => boolean, read: () => Promise<T | null>): Promise<T | null> {
    return new Promise<T | null>((resolve, reject) => {
      if (this.#waiting.length === 0) setImmediate(() => this.#flush());
      this.#waiting.push({ key, usable, read, resolve, reject });
    });
  }

  #flush(): void {
    const batch = this.#waiting;
    this.#waiting = [];
    // A transaction opened since the lookups were asked: its uncommitted rows must not be read or
    // kept; each read then waits for it through the driver's lock.
    const open = this.connection.inTransaction();
    let stamp = '';
    try {
      if (!open) stamp = this.check();
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    // Concurrent reads of the same key in one round (a page opened in several tabs, retries) share one read.
    const reading = new Map<string, Promise<T | null>>();
    for (const w of batch) {
      const kept = open ? undefined : this.#entries.get(w.key);
      if (kept !== undefined && w.usable(kept)) {
        w.resolve(kept);
        continue;
      }
      let read = reading.get(w.key);
      if (!read) {
        read = this.#read(w, open ? null : stamp);
        reading.set(w.key, read);
      }
      read.then(w.resolve, w.reject);
    }
  }

  /** `w.read()`, kept under `stamp` unless null (a transaction was open). */
  async #read(w: Lookup<T>, stamp: string | null): Promise<T | null> {
    const value = await w.read();
    if (value !== null && stamp !== null) this.set(w.key, value, stamp);
    return value;
  }

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

interface Lookup<T> {
  readonly key: string;
  readonly usable: (kept: T) => boolean;
  readonly read: () => Promise<T | null>;
  readonly resolve: (value: T | null) => void;
  readonly reject: (error: unknown) => void;
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
