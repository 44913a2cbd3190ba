/**
 * vitest globalSetup: a throwaway PostgreSQL cluster for the storage and server tests, so that
 * `npm test` is self-contained. initdb + pg_ctl on a free port on 127.0.0.1 with trust auth, in a temp
 * directory (owned by `postgres` when running as root, since PostgreSQL refuses to run as root).
 * JIXIAO_TEST_DATABASE_URL (a superuser URL) skips all of this. Missing binaries fail the run: the
 * PostgreSQL half of the suite is a requirement, not an option.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test cluster; tests create their own databases in it. */
    pgUrl: string;
  }
}

function findBinDir(): string | null {
  const fromEnv = process.env.JIXIAO_PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .map(Number)
      .filter((n) => Number.isFinite(n))
      .sort((a, b) => b - a);
    for (const v of versions)
      if (existsSync(join(root, String(v), 'bin', 'initdb'))) return join(root, String(v), 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found ? found.replace(/\/initdb$/, '') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Run a PostgreSQL binary, as `postgres` when we are root. */
function runPg(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Start a throwaway PostgreSQL cluster (initdb + pg_ctl, trust auth, 127.0.0.1, a free port, a temp
 * directory). Returns its superuser URL and a stop function that removes everything. Throws with an
 * install hint when the binaries are missing. Used by the test globalSetup and the server benchmark.
 */
export async function startThrowawayPostgres(
  /** Tests trade durability for speed (fsync off); benchmarks measure a durable server. */
  durable = false,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const binDir = findBinDir();
  if (!binDir) {
    throw new Error(
      'PostgreSQL binaries (initdb, pg_ctl) not found: the storage tests run on PostgreSQL too. ' +
        'Install them with `apt-get install postgresql` (Debian/Ubuntu), or set JIXIAO_TEST_DATABASE_URL ' +
        'to a superuser URL of a running server. 未找到 PostgreSQL，请先安装：apt-get install postgresql',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pg-'));
  const data = join(dir, 'data');
  chmodSync(dir, 0o700);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  runPg(join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
  const fast = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${fast}`;
  runPg(join(binDir, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        runPg(join(binDir, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Whether this run selects any suite that uses PostgreSQL (test/server, test/store). Others
 * (`npx vitest run src/io`) should not pay for a cluster start. When unsure, yes.
 */
async function runNeedsPostgres(project: TestProject): Promise<boolean> {
  try {
    // filenamePattern holds the CLI filters (undefined: the whole suite); not public API, hence the guard.
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    if (!filters || filters.length === 0) return true;
    const specs = await project.vitest.globTestSpecifications(filters);
    return specs.some((s) => /[/\\]test[/\\](server|store)[/\\]/.test(s.moduleId));
  } catch {
    return true;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.JIXIAO_TEST_DATABASE_URL;
  if (given) {
    project.provide('pgUrl', given);
    return async () => {};
  }
  if (!(await runNeedsPostgres(project))) {
    project.provide('pgUrl', '');
    return async () => {};
  }
  const cluster = await startThrowawayPostgres();
  project.provide('pgUrl', cluster.url);
  return cluster.stop;
}
