import type { FastifyInstance } from 'fastify';
import { sqlitePath, type Config } from '../config.js';
import { builtinProfiles, defaultProfileName, type Profile } from '../domain/index.js';
import { deleteExpiredSessions } from '../store/sessions.repository.js';
import { openStore, type Store } from '../store/store.js';
import { ensureAdmin } from './accounts.js';
import { buildApp, type AppOptions } from './app.js';
import type { AppContext } from './context.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly ctx: AppContext;
  /** http://host:port actually bound (port 0 → the chosen one). */
  readonly url: string;
  /** Random admin password created on this start (print once), or null. */
  readonly adminPassword: string | null;
  readonly close: () => Promise<void>;
}

export function defaultProfile(): Profile {
  const p = builtinProfiles[defaultProfileName];
  if (!p) throw new Error(`built-in profile ${defaultProfileName} missing`);
  return p;
}

/** Open (and migrate) the store, then build the context and app without listening. */
export async function createContext(config: Config, options: { poolSize?: number } = {}): Promise<AppContext> {
  const store = await openStore(config, options);
  return { store, config, profile: defaultProfile(), now: () => new Date() };
}

/**
 * Start the server: migrate (refusing a diverged history), create the first admin, listen on
 * config.host:config.port. Expired sessions are swept hourly.
 */
export async function startServer(
  config: Config,
  options: AppOptions & { poolSize?: number } = {},
): Promise<RunningServer> {
  const ctx = await createContext(config, options.poolSize !== undefined ? { poolSize: options.poolSize } : {});
  const adminPassword = await ctx.store.exclusive((trx) => ensureAdmin(trx, config.adminPassword));
  const app = await buildApp(ctx, options);
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await app.close();
    await ctx.store.destroy();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const sweep = setInterval(() => void deleteExpiredSessions(ctx.store.db, new Date()).catch(() => {}), 3600_000);
  sweep.unref();
  app.log.info(
    { dialect: ctx.store.dialect, database: ctx.store.dialect === 'sqlite' ? sqlitePath(config) : 'postgres' },
    'storage ready',
  );
  return {
    app,
    store: ctx.store,
    ctx,
    url: `http://${host}:${port}`,
    adminPassword,
    close: async () => {
      clearInterval(sweep);
      await app.close();
      await ctx.store.destroy();
    },
  };
}
