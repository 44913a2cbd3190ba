import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAuth } from './auth.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { applyHeaders, helmetHeaders } from './security-headers.js';
import type { AppContext } from './context.js';
import { AppError, errorBody, handleError } from './errors.js';
import { exportRoutes } from './routes/export.routes.js';
import { formsRoutes } from './routes/forms.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { importsRoutes } from './routes/imports.routes.js';
import { reviewRoutes } from './routes/review.routes.js';
import { sessionRoutes } from './routes/session.routes.js';
import { summaryRoutes } from './routes/summary.routes.js';
import { usersRoutes } from './routes/users.routes.js';
import { webRoutes } from './routes/web.routes.js';

export interface AppOptions {
  /** pino options or false; default: JSON logs at the configured level. */
  readonly logger?: FastifyServerOptions['logger'];
  /** The built web app; default dist/web under the package root. */
  readonly webRoot?: string;
}

const defaultWebRoot = new URL('../../dist/web', import.meta.url).pathname;

/**
 * The HTTP application (not listening): security headers, cookies, multipart (uploads) with its limit,
 * login rate limiting, session auth with CSRF, the API routes and the web app. Errors are answered
 * from the one error table; stack traces never leave the server.
 */
export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      level: ctx.config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: 1024 * 1024,
    // One log line per request (the onResponse hook below, with the user) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Behind a load balancer, JIXIAO_TRUST_PROXY makes request.ip (rate limits, logs) the client's.
    trustProxy:
      typeof ctx.config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (ctx.config.trustProxy as number)
        : ctx.config.trustProxy,
  });
  app.setErrorHandler(handleError);
  // A callback hook, not an async one: no promise to settle for every response.
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        user: request.auth?.user.username,
        ip: request.ip,
      },
      'request',
    );
    done();
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody(new AppError('not-found'))));

  const secure = ctx.config.secureCookies;
  applyHeaders(
    app,
    await helmetHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Ant Design injects inline styles (CSS-in-JS); scripts stay self-only.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(secure ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      hsts: secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    }),
  );
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    // Counted in the database: shared by every app server, and kept across restarts.
    store: databaseRateLimitStore(ctx.store.db, ctx.now),
    errorResponseBuilder: () => {
      const e = new AppError('rate-limited') as AppError & { statusCode: number };
      e.statusCode = 429;
      return e;
    },
  });
  registerAuth(app, ctx);

  healthRoutes(app, ctx);
  sessionRoutes(app, ctx);
  formsRoutes(app, ctx);
  reviewRoutes(app, ctx);
  // Multipart only where uploads are taken: the plugin hooks every request of its scope (a close
  // listener and an async clean-up per response); other routes answer a multipart body with 415.
  await app.register(async (uploads) => {
    await uploads.register(fastifyMultipart, {
      limits: { fileSize: ctx.config.maxUploadBytes, files: 100, fields: 10, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    importsRoutes(uploads, ctx);
  });
  summaryRoutes(app, ctx);
  exportRoutes(app, ctx);
  usersRoutes(app, ctx);
  await webRoutes(app, options.webRoot ?? defaultWebRoot);
  return app;
}
