import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';

/** /healthz: the process answers. /readyz: the database answers and its migrations are current. */
export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => {
    const ready = await ctx.store.ready();
    if (!ready.ok) throw new AppError('not-ready', undefined, `not ready: ${ready.reason ?? ''}`);
    return { status: 'ready', dialect: ctx.store.dialect };
  });
}
