import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { e2ePassword } from './e2e-server.js';

/** A logged-in HTTP session against the e2e server, for setting up data without the browser. */
export interface ApiSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

export async function apiLogIn(baseUrl: string, username: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: e2ePassword }),
  });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
}

/** POST /api/imports with one file (bytes from disk or given text); returns the created forms. */
export async function apiImport(
  baseUrl: string,
  session: ApiSession,
  file: { path: string } | { name: string; text: string },
): Promise<{ id: string; project: string }[]> {
  const body = new FormData();
  const [name, bytes] =
    'path' in file ? [basename(file.path), readFileSync(file.path)] : [file.name, Buffer.from(file.text)];
  body.append('file', new Blob([bytes]), name);
  const res = await fetch(`${baseUrl}/api/imports`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body,
  });
  if (!res.ok) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { forms: { id: string; project: string }[] }).forms;
}

export async function apiGet<T>(baseUrl: string, session: ApiSession, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  if (!res.ok) throw new Error(`GET ${path} failed: ${res.status}`);
  return (await res.json()) as T;
}
