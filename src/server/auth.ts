import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { resolveSession, sameToken, type LoggedIn, type SessionAuth } from './services/auth.service.js';
import type { ActingUser } from './services/forms.service.js';

export const sessionCookie = 'jixiao_session';

export type RequestAuth = SessionAuth;

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /**
     * The handler resolves the session itself, in the same query as its data (one database round
     * trip instead of two), and sets request.auth. Safe methods only: they need no CSRF check.
     */
    readonly sessionInHandler?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Session authentication for /api: the cookie names a session row (shared by every app server);
 * writes authenticated by the cookie must carry the session's CSRF token in `x-csrf-token`
 * (login itself is exempt: it has no session yet).
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    if (route.config?.sessionInHandler && [route.method].flat().some((m) => !safeMethods.has(m)))
      throw new Error(`${route.url}: sessionInHandler is for GET routes only (writes need the CSRF check)`);
  });
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config.sessionInHandler) return;
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const found = await resolveSession(ctx.store.db, token, ctx.now());
    request.auth = found;
    if (!found || safeMethods.has(request.method)) return;
    if (request.method === 'POST' && request.routeOptions.url === '/api/session') return;
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, found.csrfToken)) throw new AppError('csrf-failed');
  });
}

/** The logged-in user, or 401. */
export function requireUser(request: FastifyRequest): ActingUser {
  const auth = request.auth;
  if (!auth) throw new AppError('unauthenticated');
  return { id: auth.user.id, role: auth.user.role, orgId: auth.user.orgId };
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, session: LoggedIn): void {
  void reply.setCookie(sessionCookie, session.token, {
    httpOnly: true,
    secure: ctx.config.secureCookies,
    sameSite: 'lax',
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext): void {
  void reply.clearCookie(sessionCookie, {
    httpOnly: true,
    secure: ctx.config.secureCookies,
    sameSite: 'lax',
    path: '/',
  });
}
