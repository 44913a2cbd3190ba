import { hash as digest, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../store/database.js';
import { findSessionWithForm, type FormForRead } from '../../store/form-read.repository.js';
import { deleteSession, findSession, insertSession, type SessionUser } from '../../store/sessions.repository.js';
import { findUserByUsername, publicUser, type User } from '../../store/users.repository.js';
import { AppError } from '../errors.js';

/** argon2id with the library's defaults (OWASP-level memory cost). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A hash of a random password, verified against when the user does not exist, so that timing does
// not tell which user names exist.
let dummyHash: Promise<string> | null = null;

export interface LoggedIn {
  readonly user: User;
  /** The cookie value (never stored: the database keeps its sha256). */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** sha256 of a text, hex: how a key is kept when the stored form must not give the key back. (One-shot hash: a fifth of createHash's cost.) */
export const sha256Hex = (text: string): string => digest('sha256', text, 'hex');

/** The session row id of a cookie token: its sha256 (the cookie itself is never stored). */
export const sessionId = sha256Hex;

/** Check the password and open a session. Throws bad-credentials (same answer for unknown users). */
export async function login(db: Db, username: string, password: string, now: Date, seconds: number): Promise<LoggedIn> {
  const user = await findUserByUsername(db, username);
  if (!user || user.disabled) {
    dummyHash ??= hash(randomBytes(16).toString('hex'));
    await verify(await dummyHash, password).catch(() => false);
    throw new AppError('bad-credentials');
  }
  if (!(await verify(user.passwordHash, password).catch(() => false))) throw new AppError('bad-credentials');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + seconds * 1000);
  await insertSession(
    db,
    { id: sessionId(token), userId: user.id, csrfToken, expiresAt: expiresAt.toISOString() },
    now,
  );
  return { user: publicUser(user), token, csrfToken, expiresAt };
}

/** An authenticated request's session: the user, the CSRF token to check writes against, the session id. */
export interface SessionAuth {
  readonly user: User;
  readonly csrfToken: string;
  readonly sessionId: string;
}

const sessionAuth = (found: SessionUser, sessionId: string): SessionAuth => ({
  user: found.user,
  csrfToken: found.session.csrfToken,
  sessionId,
});

/** The session of a cookie token, or null (absent, expired, user disabled). */
export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionAuth | null> {
  const id = sessionId(token);
  const found = await findSession(db, id, now);
  return found ? sessionAuth(found, id) : null;
}

/**
 * resolveSession and the form `formId` (null when there is no such form) in one query: one round
 * trip for a form read. Null when the session is not live, whatever the form.
 */
export async function resolveSessionWithForm(
  db: Db,
  token: string,
  now: Date,
  formId: string,
): Promise<{ auth: SessionAuth; form: FormForRead | null } | null> {
  const id = sessionId(token);
  const found = await findSessionWithForm(db, id, now, formId);
  return found ? { auth: sessionAuth(found, id), form: found.form } : null;
}

export async function logout(db: Db, id: string): Promise<void> {
  await deleteSession(db, id);
}

/** Constant-time comparison of CSRF tokens. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
