import type { FastifyInstance } from 'fastify';
import { publicUser } from '../../store/users.repository.js';
import { clearSessionCookie, requireUser, setSessionCookie } from '../auth.js';
import { loginBody } from '../api-schemas.js';
import type { AppContext } from '../context.js';
import { login, logout } from '../services/auth.service.js';
import { parseRequest } from '../validate.js';

const userView = (u: Parameters<typeof publicUser>[0]) => {
  const p = publicUser(u);
  return { id: p.id, username: p.username, role: p.role, orgId: p.orgId, displayName: p.displayName };
};

/** POST /api/session (login, rate limited per address and user name), GET (who am I), DELETE (logout). */
export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(
    '/api/session',
    {
      config: {
        rateLimit: {
          max: ctx.config.loginAttemptsPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (req) => {
            const body = req.body as { username?: unknown } | undefined;
            return `${req.ip}\u0000${typeof body?.username === 'string' ? body.username : ''}`;
          },
        },
      },
    },
    async (request, reply) => {
      const { username, password } = parseRequest(loginBody, request.body, 'body');
      const session = await login(ctx.store.db, username, password, ctx.now(), ctx.config.sessionSeconds);
      setSessionCookie(reply, ctx, session);
      return { user: userView(session.user), csrfToken: session.csrfToken };
    },
  );

  app.get('/api/session', async (request) => {
    requireUser(request);
    const auth = request.auth as NonNullable<typeof request.auth>;
    return { user: userView(auth.user), csrfToken: auth.csrfToken };
  });

  app.delete('/api/session', async (request, reply) => {
    if (request.auth) await logout(ctx.store.db, request.auth.sessionId);
    clearSessionCookie(reply, ctx);
    return reply.status(204).send();
  });
}
