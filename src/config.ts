import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { toProblem, type Problem } from './domain/form/validate-form.js';

/**
 * Server configuration: flags > environment > defaults, validated once, every problem listed.
 * Nothing else in the server reads process.env.
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Data directory (SQLite file, nothing else yet), absolute. */
  readonly dataDir: string;
  /** postgres://… when set; otherwise SQLite at `${dataDir}/jixiao.db`. */
  readonly databaseUrl: string | null;
  readonly adminPassword: string | null;
  readonly demoPassword: string | null;
  /** Secure cookies: default true unless the server listens on loopback (plain HTTP development). */
  readonly secureCookies: boolean;
  /** Largest upload, bytes (per file). */
  readonly maxUploadBytes: number;
  /** Login attempts per minute per client address and user name. */
  readonly loginAttemptsPerMinute: number;
  /** Session lifetime, seconds. */
  readonly sessionSeconds: number;
  readonly logLevel: string;
  /** PostgreSQL connections per app server. */
  readonly poolSize: number;
  /** Fastify trustProxy: false, true, a hop count, or comma-separated proxy addresses/CIDRs. */
  readonly trustProxy: boolean | number | string;
}

/** What may come from flags (camelCase; commander's shape). Strings: flags are text until validated. */
export interface ConfigFlags {
  readonly port?: string | number;
  readonly host?: string;
  readonly data?: string;
  readonly databaseUrl?: string;
}

const booleanText = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((s) => ['1', 'true', 'yes'].includes(s));
const positiveInt = z.coerce.number().int().positive();

const configSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (only PostgreSQL URLs are supported)')
    .nullable(),
  adminPassword: z.string().min(8, 'at least 8 characters').nullable(),
  demoPassword: z.string().min(8, 'at least 8 characters').nullable(),
  secureCookies: booleanText.nullable(),
  maxUploadBytes: positiveInt,
  loginAttemptsPerMinute: positiveInt,
  sessionSeconds: positiveInt,
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  poolSize: positiveInt.max(1000),
  trustProxy: z
    .string()
    .min(1)
    .transform((s): boolean | number | string =>
      s === 'true' ? true : s === 'false' ? false : /^\d+$/.test(s) ? Number(s) : s,
    ),
});

/** Environment variable (or flag) behind each setting, so that problems name what to change. */
const sourceName: Record<string, string> = {
  port: 'PORT / --port',
  host: 'HOST / --host',
  dataDir: 'JIXIAO_DATA / --data',
  databaseUrl: 'DATABASE_URL / --database-url',
  adminPassword: 'JIXIAO_ADMIN_PASSWORD',
  demoPassword: 'JIXIAO_DEMO_PASSWORD',
  secureCookies: 'JIXIAO_SECURE_COOKIES',
  maxUploadBytes: 'JIXIAO_MAX_UPLOAD_BYTES',
  loginAttemptsPerMinute: 'JIXIAO_LOGIN_ATTEMPTS_PER_MINUTE',
  sessionSeconds: 'JIXIAO_SESSION_SECONDS',
  logLevel: 'LOG_LEVEL',
  trustProxy: 'JIXIAO_TRUST_PROXY',
  poolSize: 'JIXIAO_DB_POOL_SIZE',
};

export class ConfigError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p.messageEn}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

const blank = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s);

/**
 * Build the configuration. `env` defaults to process.env; `cwd` anchors a relative data directory.
 * Throws ConfigError listing every problem (Chinese message names the variable to fix).
 */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const raw = {
    port: flags.port ?? blank(env.PORT) ?? 3000,
    host: flags.host ?? blank(env.HOST) ?? '127.0.0.1',
    dataDir: flags.data ?? blank(env.JIXIAO_DATA) ?? './data',
    databaseUrl: flags.databaseUrl ?? blank(env.DATABASE_URL),
    adminPassword: blank(env.JIXIAO_ADMIN_PASSWORD),
    demoPassword: blank(env.JIXIAO_DEMO_PASSWORD),
    secureCookies: blank(env.JIXIAO_SECURE_COOKIES)?.toLowerCase() ?? null,
    maxUploadBytes: blank(env.JIXIAO_MAX_UPLOAD_BYTES) ?? 20 * 1024 * 1024,
    loginAttemptsPerMinute: blank(env.JIXIAO_LOGIN_ATTEMPTS_PER_MINUTE) ?? 10,
    sessionSeconds: blank(env.JIXIAO_SESSION_SECONDS) ?? 12 * 3600,
    logLevel: blank(env.LOG_LEVEL) ?? 'info',
    trustProxy: blank(env.JIXIAO_TRUST_PROXY) ?? 'false',
    poolSize: blank(env.JIXIAO_DB_POOL_SIZE) ?? 10,
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const p = toProblem(issue);
        const name = sourceName[p.path] ?? p.path;
        return { path: name, message: `配置 ${name} 不对：${p.message}`, messageEn: `${name}: ${issue.message}` };
      }),
    );
  }
  const c = parsed.data;
  return {
    ...c,
    dataDir: isAbsolute(c.dataDir) ? c.dataDir : resolve(cwd, c.dataDir),
    secureCookies: c.secureCookies ?? !isLoopback(c.host),
  };
}

/** Where the SQLite database lives for a configuration. */
export function sqlitePath(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'jixiao.db');
}
