import { api, setCsrfToken } from './client';
import type { SessionUser } from './types';
import type { Role } from '../lib/core';

/** Reads a user out of whatever shape the session endpoints answer with ({ user } or the user itself). */
export function toSessionUser(raw: unknown): SessionUser | null {
  const r = raw as Record<string, unknown> | null;
  const u = (r && typeof r['user'] === 'object' && r['user'] !== null ? r['user'] : r) as Record<
    string,
    unknown
  > | null;
  if (!u || typeof u['username'] !== 'string' || typeof u['role'] !== 'string') return null;
  const org = (u['org'] ?? null) as Record<string, unknown> | null;
  return {
    id: String(u['id'] ?? u['username']),
    username: u['username'],
    role: u['role'] as Role,
    displayName: String(u['displayName'] ?? u['display_name'] ?? u['username']),
    orgId: (u['orgId'] as string | undefined) ?? (org?.['id'] as string | undefined) ?? null,
    orgName: (u['orgName'] as string | undefined) ?? (org?.['name'] as string | undefined) ?? null,
  };
}

function rememberCsrf(raw: unknown): void {
  const r = raw as Record<string, unknown> | null;
  const token = r?.['csrfToken'] ?? r?.['csrf'];
  if (typeof token === 'string') setCsrfToken(token);
}

/** POST /api/session: logs in, remembers the CSRF token. Rejects with ApiError 401 on a wrong password. */
export async function logIn(username: string, password: string): Promise<SessionUser> {
  const raw = await api<unknown>('POST', '/api/session', { username, password });
  rememberCsrf(raw);
  const user = toSessionUser(raw);
  if (!user) throw new Error('服务器返回的登录信息无法识别');
  return user;
}

/** GET /api/session: who is logged in, or null when nobody is (401). */
export async function fetchSession(): Promise<SessionUser | null> {
  try {
    const raw = await api<unknown>('GET', '/api/session');
    rememberCsrf(raw);
    return toSessionUser(raw);
  } catch {
    return null;
  }
}

export async function logOut(): Promise<void> {
  try {
    await api('DELETE', '/api/session');
  } finally {
    setCsrfToken(null);
  }
}
