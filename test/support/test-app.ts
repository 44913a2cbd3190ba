import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import type { Role } from '../../src/domain/workflow/index.js';
import { upsertAccount } from '../../src/server/accounts.js';
import { buildApp } from '../../src/server/app.js';
import type { AppContext } from '../../src/server/context.js';
import { createContext, startServer } from '../../src/server/serve.js';
import type { Dialect } from '../../src/store/database.js';
import { ApiClient, fetchTransport, injectTransport } from './api-client.js';
import { createTestDatabase, type TestDatabase } from './test-store.js';

export const password = 'test-password-1';

/** The people of the role matrix: two departments, three units. */
export const people: Record<string, { role: Role; department?: string; unit?: string }> = {
  'fill-a': { role: 'filler', department: '深圳市坪山区司法局', unit: '深圳市坪山区司法局' },
  'fill-a2': { role: 'filler', department: '深圳市坪山区司法局', unit: '坪山街道司法所' },
  'fill-b': { role: 'filler', department: '深圳市坪山区教育局', unit: '坪山中学' },
  'rev-a': { role: 'reviewer', department: '深圳市坪山区司法局' },
  'rev-b': { role: 'reviewer', department: '深圳市坪山区教育局' },
  fin: { role: 'finance' },
  aud: { role: 'auditor' },
  adm: { role: 'admin' },
};

export function testConfig(tdb: TestDatabase, env: Record<string, string> = {}): Config {
  return loadConfig(
    { port: 0, data: tdb.config.dataDir, ...(tdb.config.databaseUrl ? { databaseUrl: tdb.config.databaseUrl } : {}) },
    { LOG_LEVEL: 'silent', JIXIAO_LOGIN_ATTEMPTS_PER_MINUTE: '1000', ...env },
  );
}

export async function addPeople(ctx: AppContext): Promise<void> {
  for (const [username, spec] of Object.entries(people))
    await upsertAccount(ctx.store.db, { username, password, ...spec });
}

export type Transport = 'inject' | 'http';

export interface TestApp {
  readonly ctx: AppContext;
  readonly app: FastifyInstance;
  readonly client: () => ApiClient;
  /** A client already logged in as one of `people`. */
  readonly as: (username: string) => Promise<ApiClient>;
  readonly close: () => Promise<void>;
}

/** A fresh database with the people, and an app reached through inject or a real listening socket. */
export async function startTestApp(
  dialect: Dialect,
  transport: Transport,
  env: Record<string, string> = {},
  /** The web app directory; default one that does not exist (the placeholder page). */
  webRoot = '/nonexistent/jixiao-web',
): Promise<TestApp> {
  const tdb = await createTestDatabase(dialect);
  const config = testConfig(tdb, env);
  let ctx: AppContext;
  let app: FastifyInstance;
  let client: () => ApiClient;
  let stop: () => Promise<void>;
  if (transport === 'inject') {
    ctx = await createContext(config);
    app = await buildApp(ctx, { logger: false, webRoot });
    client = () => new ApiClient(injectTransport(app));
    stop = async () => {
      await app.close();
      await ctx.store.destroy();
    };
  } else {
    const server = await startServer(config, { logger: false, webRoot });
    ctx = server.ctx;
    app = server.app;
    client = () => new ApiClient(fetchTransport(server.url));
    stop = server.close;
  }
  await addPeople(ctx);
  return {
    ctx,
    app,
    client,
    as: async (username) => {
      const c = client();
      const r = await c.login(username, password);
      if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
      return c;
    },
    close: async () => {
      await stop();
      await tdb.drop();
    },
  };
}

/** An inject-only app on an existing test database (left in place at close). */
export async function startTestAppOn(
  tdb: TestDatabase,
): Promise<{ app: FastifyInstance; ctx: AppContext; close: () => Promise<void> }> {
  const ctx = await createContext(testConfig(tdb));
  const app = await buildApp(ctx, { logger: false, webRoot: '/nonexistent/jixiao-web' });
  return {
    app,
    ctx,
    close: async () => {
      await app.close();
      await ctx.store.destroy();
    },
  };
}
