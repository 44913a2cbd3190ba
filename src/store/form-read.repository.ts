import { sql } from 'kysely';
import { batcher } from './batcher.js';
import { dialectOf, poolOf, type Db } from './database.js';
import { formJsonCacheOf } from './form-json-cache.js';
import { prepared } from './prepared.js';
import { sqliteSnapshotCache } from './sqlite-snapshot-cache.js';
import { liveSessionQuery, toSessionUser, type SessionUser } from './sessions.repository.js';

/** What reading a form needs: where it belongs (who may see it) and what to send. */
export interface FormForRead {
  readonly id: string;
  readonly unitId: string;
  readonly departmentId: string;
  readonly status: string;
  readonly version: number;
  /** The canonical form JSON exactly as stored, as UTF-8 bytes. */
  readonly json: Buffer;
}

export interface SessionWithForm extends SessionUser {
  /** The form with the asked id, or null when there is none (visibility is the caller's check). */
  readonly form: FormForRead | null;
}

/**
 * The read on SQLite, and on PostgreSQL inside transactions (else batchSql below). Parameters: 0
 * session id, 1 now, 2 form id, 3 and 4 the version and updated_at of a cached copy of the JSON (the
 * JSON column comes back null when the row still has both). SQLite hands the JSON over as bytes (a
 * BLOB cast: no UTF-8 decoding into a string that is encoded again to be sent); PostgreSQL sends
 * text in its text protocol either way.
 */
const sessionWithFormQuery = prepared((db, param) => {
  const json = dialectOf(db) === 'sqlite' ? sql`cast(forms.json as blob)` : sql`forms.json`;
  return liveSessionQuery(db, param)
    .leftJoin('forms', (join) => join.on('forms.id', '=', param(2)))
    .select([
      'forms.id as form_id',
      'forms.unit_id',
      'forms.department_id',
      'forms.status',
      'forms.version',
      'forms.updated_at',
      sql<
        Buffer | string | null
      >`case when forms.version = ${param(3)} and forms.updated_at = ${param(4)} then null else ${json} end`.as('json'),
    ]);
});

type Row = Awaited<ReturnType<typeof sessionWithFormQuery>>[number];
type Params = readonly [sessionId: string, now: string, formId: string, version: number, updatedAt: string];

/**
 * sessionWithFormQuery for many reads at once, on PostgreSQL: one row per input that has a live
 * session (`i`, its 1-based position), the same columns. Every concurrent form read then costs one
 * statement in all rather than one each (a statement's round trip, protocol and wake-up of the
 * server process cost more than its three index lookups).
 */
const batchSql = `select r.i, s.id as sid, s.csrf_token, s.expires_at, u.id as uid, u.username, u.role, u.org_id,
  u.display_name, f.id as form_id, f.unit_id, f.department_id, f.status, f.version, f.updated_at,
  case when f.version = r.version and f.updated_at = r.updated_at then null else f.json end as json
from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[])
  with ordinality as r(session_id, now, form_id, version, updated_at, i)
join sessions s on s.id = r.session_id and s.expires_at > r.now
join users u on u.id = s.user_id and u.disabled = 0
left join forms f on f.id = r.form_id`;

/**
 * Batched reads in flight at once, per database. Two keep a round trip's wait covered while the
 * other is answered; more split the same requests into more, smaller statements, whose fixed cost
 * PostgreSQL pays out of the same CPUs (bench, 2 cores, 50 connections: 6,600–7,000 req/s and p99
 * 16–17 ms with two, against 4,300–6,500 req/s and p99 18–34 ms unbounded).
 */
const MAX_BATCHES_IN_FLIGHT = 2;

const batchers = new WeakMap<Db, (params: Params) => Promise<Row | undefined>>();

/** The batched query of a PostgreSQL database (undefined for SQLite). */
function batchedQueryOf(db: Db): ((params: Params) => Promise<Row | undefined>) | undefined {
  const pool = poolOf(db);
  if (!pool) return undefined;
  let query = batchers.get(db);
  if (!query) {
    query = batcher(async (all: readonly Params[]) => {
      const columns = [0, 1, 2, 3, 4].map((k) => all.map((p) => p[k]));
      const result = await pool.query<Row & { i: number }>({
        name: 'jixiao_session_form_batch',
        text: batchSql,
        values: columns,
      });
      const rows = new Array<Row | undefined>(all.length);
      for (const row of result.rows) rows[row.i - 1] = row;
      return rows;
    }, MAX_BATCHES_IN_FLIGHT);
    batchers.set(db, query);
  }
  return query;
}

/**
 * The live session `sessionId` with its enabled user (exactly as findSession), and the form `formId`
 * — one query, so one round trip to PostgreSQL for an authenticated form read. Null when the session
 * is absent, expired or its user disabled. Outside transactions the form's JSON is kept in a cache
 * that the same query re-validates (see FormJsonCache), so an unchanged form is not read again.
 */
export async function findSessionWithForm(
  db: Db,
  sessionId: string,
  now: Date,
  formId: string,
): Promise<SessionWithForm | null> {
  // SQLite: the same session reading the same form while nothing was written is answered from the
  // last read (see SqliteSnapshotCache); only the session's expiry, a matter of the clock, is checked.
  const nowText = now.toISOString();
  const read = () => readSessionWithForm(db, sessionId, nowText, formId);
  const snapshot = sqliteSnapshotCache<SessionWithForm>(db, 'session-with-form');
  if (!snapshot) return read();
  return snapshot.lookup(`${sessionId}\u0000${formId}`, (seen) => seen.session.expiresAt > nowText, read);
}

async function readSessionWithForm(
  db: Db,
  sessionId: string,
  nowText: string,
  formId: string,
): Promise<SessionWithForm | null> {
  // Inside a transaction the row may be one the transaction wrote and will roll back: not cached.
  const cache = db.isTransaction ? null : formJsonCacheOf(db);
  // Kept for after the query: by then another request may have replaced the cache entry.
  const cached = cache?.get(formId);
  // PostgreSQL text cannot hold NUL, and one failing input would fail its whole batch: such an id
  // (it can only come from a crafted URL) names no form, in both dialects.
  const asked = formId.includes('\u0000') ? '' : formId;
  const params: Params = [sessionId, nowText, asked, cached?.version ?? 0, cached?.updatedAt ?? ''];
  const batched = db.isTransaction ? undefined : batchedQueryOf(db);
  const row = batched ? await batched(params) : (await sessionWithFormQuery(db, ...params))[0];
  if (!row) return null;
  const found = toSessionUser(row);
  const { form_id: id, unit_id: unitId, department_id: departmentId, status, version, updated_at: updatedAt } = row;
  if (id === null || unitId === null || departmentId === null || status === null || version === null)
    return { ...found, form: null };
  let json: Buffer;
  if (row.json !== null) {
    json = typeof row.json === 'string' ? Buffer.from(row.json) : row.json;
    if (updatedAt !== null) cache?.set(id, { version, updatedAt, bytes: json });
  } else if (cached) json = cached.bytes;
  else throw new Error(`form ${id}: no JSON in the row and none cached`);
  return { ...found, form: { id, unitId, departmentId, status, version, json } };
}
