import type { Db } from './database.js';
import { prepared } from './prepared.js';
import type { User } from './users.repository.js';

export interface SessionRow {
  /** sha256 of the cookie token. */
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export async function insertSession(db: Db, s: SessionRow, now: Date): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: now.toISOString(),
      expires_at: s.expiresAt,
    })
    .execute();
}

/** A live session joined to its enabled user: `sessionId` = param(0), `now` (ISO) = param(1). */
export const liveSessionQuery = (db: Db, param: (i: number) => string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sid',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id as uid',
      'users.username',
      'users.role',
      'users.org_id',
      'users.display_name',
    ])
    .where('sessions.id', '=', param(0))
    .where('sessions.expires_at', '>', param(1))
    .where('users.disabled', '=', 0);

export interface SessionUser {
  readonly session: SessionRow;
  readonly user: User;
}

type LiveSessionRow = Awaited<ReturnType<ReturnType<typeof liveSessionQuery>['executeTakeFirstOrThrow']>>;

/** A row of liveSessionQuery (or a query extending it) as the session and its user. */
export const toSessionUser = (row: LiveSessionRow): SessionUser => ({
  session: { id: row.sid, userId: row.uid, csrfToken: row.csrf_token, expiresAt: row.expires_at },
  user: {
    id: row.uid,
    username: row.username,
    role: row.role,
    orgId: row.org_id,
    displayName: row.display_name,
    disabled: false,
  },
});

const sessionQuery = prepared(liveSessionQuery);

/** The live session with this id and its (enabled) user, in one query; null when absent or expired. */
export async function findSession(db: Db, id: string, now: Date): Promise<SessionUser | null> {
  const [row] = await sessionQuery(db, id, now.toISOString());
  return row ? toSessionUser(row) : null;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Remove expired sessions; returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
