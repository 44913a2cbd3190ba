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

const sessionQuery = prepared((db, param) =>
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
    .where('users.disabled', '=', 0),
);

/** The live session with this id and its (enabled) user, in one query; null when absent or expired. */
export async function findSession(db: Db, id: string, now: Date): Promise<{ session: SessionRow; user: User } | null> {
  const [row] = await sessionQuery(db, id, now.toISOString());
  if (!row) return null;
  return {
    session: { id: row.sid, userId: row.uid, csrfToken: row.csrf_token, expiresAt: row.expires_at },
    user: {
      id: row.uid,
      username: row.username,
      role: row.role,
      orgId: row.org_id,
      displayName: row.display_name,
      disabled: false,
    },
  };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Remove expired sessions; returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
