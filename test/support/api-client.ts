import type { FastifyInstance } from 'fastify';

export interface ApiResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Parsed JSON, or the text when the body is not JSON, or null when empty. */
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  readonly json?: unknown;
  readonly files?: readonly { name: string; content: string | Uint8Array }[];
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;
  /** Leave out the CSRF header (to test that it is required). */
  readonly noCsrf?: boolean;
}

type Transport = (
  method: string,
  url: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
) => Promise<{ status: number; headers: Record<string, string>; text: string }>;

/** Fastify's inject: no socket. */
export const injectTransport =
  (app: FastifyInstance): Transport =>
  async (method, url, headers, body) => {
    const r = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body !== undefined ? { payload: body } : {}),
    });
    const h: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers))
      if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : String(v);
    return { status: r.statusCode, headers: h, text: r.body };
  };

/** A real HTTP request to a listening server. */
export const fetchTransport =
  (base: string): Transport =>
  async (method, url, headers, body) => {
    const r = await fetch(base + url, { method, headers, ...(body !== undefined ? { body } : {}) });
    const h: Record<string, string> = {};
    r.headers.forEach((v, k) => (h[k] = v));
    const setCookie = r.headers.getSetCookie();
    if (setCookie.length > 0) h['set-cookie'] = setCookie.join('\n');
    return { status: r.status, headers: h, text: await r.text() };
  };

async function multipart(
  files: NonNullable<CallOptions['files']>,
  fields: Record<string, string>,
): Promise<{ body: Buffer; type: string }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files)
    fd.append('files', new Blob([typeof f.content === 'string' ? f.content : Buffer.from(f.content)]), f.name);
  const req = new Request('http://local/', { method: 'POST', body: fd });
  return { body: Buffer.from(await req.arrayBuffer()), type: req.headers.get('content-type') ?? '' };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class ApiClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(private readonly transport: Transport) {}

  async call(method: string, url: string, options: CallOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    let body: Buffer | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = Buffer.from(JSON.stringify(options.json));
    } else if (options.files) {
      const m = await multipart(options.files, options.fields ?? {});
      headers['content-type'] = m.type;
      body = m.body;
    }
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && !options.noCsrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const r = await this.transport(method, url, headers, body);
    const setCookie = r.headers['set-cookie'];
    if (setCookie) {
      const m = /jixiao_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `jixiao_session=${m[1]}` : null;
    }
    let parsed: unknown = null;
    if (r.text !== '') {
      try {
        parsed = JSON.parse(r.text);
      } catch {
        parsed = r.text;
      }
    }
    return { status: r.status, headers: r.headers, body: parsed };
  }

  async login(username: string, password: string): Promise<ApiResponse> {
    const r = await this.call('POST', '/api/session', { json: { username, password } });
    if (r.status === 200) this.csrf = (r.body as { csrfToken: string }).csrfToken;
    return r;
  }

  get = (url: string, o?: CallOptions) => this.call('GET', url, o);
  post = (url: string, o?: CallOptions) => this.call('POST', url, o);
  put = (url: string, o?: CallOptions) => this.call('PUT', url, o);
  delete = (url: string, o?: CallOptions) => this.call('DELETE', url, o);
}
