/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie, and the
 * CSRF token (from POST /api/session) on every write. Failures become ApiError with the HTTP status,
 * so that callers can tell a 409 (someone saved first) from a network error (keep the typing, retry).
 */

const csrfKey = 'jixiao.csrf';

let csrfToken: string | null = readStoredCsrf();

function readStoredCsrf(): string | null {
  try {
    return sessionStorage.getItem(csrfKey);
  } catch {
    return null;
  }
}

/** Remembers the CSRF token for this tab (sessionStorage: a reload keeps it, a new tab logs in again). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token === null) sessionStorage.removeItem(csrfKey);
    else sessionStorage.setItem(csrfKey, token);
  } catch {
    // Private mode without storage: the token lives in memory only.
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The parsed JSON body, or the text when it was not JSON; null on a network error. */
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the request never got an answer (offline, server down): the data is safe to retry. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

const statusText: Record<number, string> = {
  400: '提交的内容有误',
  401: '登录已过期，请重新登录',
  403: '没有权限执行此操作',
  404: '找不到该内容，可能已被删除或无权查看',
  409: '内容已被他人修改',
  413: '文件太大',
  429: '操作过于频繁，请稍后再试',
};

/** A Chinese sentence for people from any error a request threw. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.isNetwork) return '无法连接服务器，请检查网络后重试（已填写的内容不会丢失）';
    // The server answers `{ error: { code, message, messageEn, problems? } }`; message is Chinese.
    const body = (
      err.body as { error?: { message?: unknown; problems?: { message?: string; path?: string }[] } } | null
    )?.error;
    const problems = Array.isArray(body?.problems)
      ? body.problems.map((p) => (p.path ? `${p.path}：${p.message ?? ''}` : (p.message ?? ''))).join('；')
      : '';
    const message = typeof body?.message === 'string' && /[\u4e00-\u9fff]/.test(body.message) ? body.message : '';
    return [message || (statusText[err.status] ?? `服务器错误（${err.status}）`), problems].filter(Boolean).join('');
  }
  return err instanceof Error ? err.message : String(err);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the API. `body` is sent as JSON unless it is FormData (uploads). Resolves with the parsed
 * JSON (undefined for 204); rejects with ApiError (status 0 when the network failed).
 */
export async function api<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(payload === undefined ? {} : { body: payload }),
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, null, `network error: ${String(err)}`);
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!res.ok) {
    if (res.status === 401) onUnauthorized?.();
    throw new ApiError(res.status, parsed ?? null, `${method} ${path} → ${res.status}`);
  }
  return parsed as T;
}

let onUnauthorized: (() => void) | null = null;

/** The session layer registers here so that any 401 sends the person back to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s === '' ? path : `${path}?${s}`;
}
