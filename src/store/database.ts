import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Generated } from 'kysely';
import type { Role } from '../domain/workflow/workflow.js';

export type { Role };

/** Org kinds: the finance bureau (财政局) → departments (主管部门) → units (实施单位). */
export type OrgKind = 'bureau' | 'department' | 'unit';

/** Timestamps are ISO-8601 UTC text in both dialects; booleans are 0/1 integers. */
export interface OrgsTable {
  id: string;
  kind: OrgKind;
  name: string;
  parent_id: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  org_id: string | null;
  display_name: string;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table does not yield usable cookies. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface FormsTable {
  id: string;
  unit_id: string;
  department_id: string;
  project: string;
  year: number;
  /** The printed 主管部门, or the department org's name when blank. */
  department: string;
  status: string;
  version: number;
  total: number;
  grade: string;
  provisional: number;
  /** Exact money: integer fen (分). */
  budget_fen: number | null;
  executed_fen: number | null;
  /** The canonical form JSON, as stored (exact printed numbers). */
  json: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface FormVersionsTable {
  form_id: string;
  version: number;
  status: string;
  json: string;
  created_by: string;
  created_at: string;
}

export interface FormEventsTable {
  id: Generated<number>;
  form_id: string;
  /** The form's version after the event. */
  version: number;
  action: string;
  user_id: string;
  at: string;
  from_status: string | null;
  to_status: string | null;
  /** JSON: what changed (before/after of ratings, the comment, …). */
  detail: string;
}

export interface ReviewCommentsTable {
  id: string;
  form_id: string;
  indicator_index: number | null;
  body: string;
  author_id: string;
  form_version: number;
  created_at: string;
}

export interface ReviewRatingsTable {
  form_id: string;
  indicator_index: number;
  rating: number;
  author_id: string;
  updated_at: string;
}

export interface ReviewDeductionsTable {
  id: string;
  form_id: string;
  /** Points deducted, in hundredths of a point (exact). */
  centipoints: number;
  reason: string;
  author_id: string;
  created_at: string;
}

export interface LoginAttemptsTable {
  /** sha256 (hex) of what the limit counts by: the address and the user name. */
  key: string;
  count: number;
  /** Epoch milliseconds when the counting window opened. */
  window_start: number;
}

export interface MigrationsTable {
  name: string;
  checksum: string;
  applied_at: string;
}

export interface Database {
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  forms: FormsTable;
  form_versions: FormVersionsTable;
  form_events: FormEventsTable;
  review_comments: ReviewCommentsTable;
  review_ratings: ReviewRatingsTable;
  review_deductions: ReviewDeductionsTable;
  login_attempts: LoginAttemptsTable;
  jixiao_migrations: MigrationsTable;
}

export type Dialect = 'sqlite' | 'postgres';

/**
 * Empties sqlite_stat4 when an ANALYZE run outside jixiao (the sqlite3 shell, `PRAGMA optimize`)
 * left value samples behind: with them, SQLite re-plans every statement that binds a new value
 * against an indexed column, which triples the cost of the per-request session lookup (see
 * refreshStatistics). The row estimates of sqlite_stat1 are kept.
 */
export function dropValueSamples(database: { prepare: (sql: string) => SQLite.Statement }): void {
  const hasSamples = database.prepare("select 1 from sqlite_schema where name = 'sqlite_stat4'").get();
  if (hasSamples === undefined) return;
  database.prepare('delete from sqlite_stat4').run();
  // Statistics are read with the schema: make this connection read them again.
  database.prepare('analyze sqlite_schema').run();
}

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: Dialect;
  readonly destroy: () => Promise<void>;
}

// int8 (COUNT(*), bigint fen) as JS numbers: every value we store is far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// float8 is already a number; numeric (1700) we do not use.

/** The one SQLite connection behind a database, with statements reused by SQL text. */
export interface SqliteConnection {
  /** The cached prepared statement for `sql`. */
  readonly prepare: (sql: string) => SQLite.Statement;
  /** Whether a transaction is open on the connection (then only its holder may use it). */
  readonly inTransaction: () => boolean;
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs about as much as running a
 * point query. Reuse prepared statements by SQL text (bounded: texts with `in (?, …)` vary).
 * Safe because the driver runs one statement at a time on this connection, to completion.
 */
function withStatementCache(database: SQLite.Database, size = 500): SqliteConnection & SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => void database.close(),
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt === undefined) {
        stmt = database.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    inTransaction: () => database.inTransaction,
  };
}

const pools = new WeakMap<Db, pg.Pool>();
const sqliteConnections = new WeakMap<Db, SqliteConnection>();

/** The PostgreSQL pool behind a database opened by openDatabase (undefined for SQLite). */
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

/** The SQLite connection behind a database opened by openDatabase (undefined for PostgreSQL). */
export function sqliteConnectionOf(db: Db): SqliteConnection | undefined {
  return sqliteConnections.get(db);
}

/** The dialect of a database handle or of a transaction on it. */
export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Open the database: PostgreSQL when `databaseUrl` is set, otherwise the SQLite file at
 * `sqliteFile` (directory created; WAL; foreign keys on). `poolSize` bounds PostgreSQL connections.
 */
export function openDatabase(options: {
  readonly databaseUrl: string | null;
  readonly sqliteFile: string;
  readonly poolSize?: number;
}): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client whose connection the server closed (restart, failover) emits 'error'; the pool
    // drops it and the next query reconnects. Unhandled, the event would crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    pools.set(db, pool);
    return { db, dialect: 'postgres', destroy: () => db.destroy() };
  }
  if (options.sqliteFile !== ':memory:') mkdirSync(dirname(options.sqliteFile), { recursive: true });
  const database = new SQLite(options.sqliteFile);
  // Forms are 3–20 KB of JSON: with 16 KB pages most rows need no overflow pages (a 4 KB page
  // chains every form over several pages, doubling the cost of a read). Only takes effect when
  // the file is created (before the first table), so it must precede WAL mode and migrations.
  database.pragma('page_size = 16384');
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  dropValueSamples(database);
  const connection = withStatementCache(database);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  sqliteConnections.set(db, connection);
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}
