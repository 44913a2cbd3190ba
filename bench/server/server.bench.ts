/**
 * `npm run bench -- server [seconds] [forms]`: autocannon against a local jixiao server on SQLite and
 * on PostgreSQL (JIXIAO_BENCH_DATABASE_URL, or a throwaway durable cluster started here), 50
 * connections: GET /api/forms/:id (one form, then every form in turn), GET /api/forms (page of 50
 * out of `forms`, default 10,000), PUT /api/forms/:id (rotating over 2,000 forms with the versions
 * read back), and a bare Fastify route
 * returning the same bytes as the form read, in the same run. Goal: form read ≥ ½ bare, p99 < 20 ms.
 * JIXIAO_BENCH_DIALECTS=sqlite|postgres runs one dialect; JIXIAO_BENCH_ONLY=get,list,put some routes.
 */
import { buildCli } from '../build.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startThrowawayPostgres } from '../../test/support/postgres.js';
import { fmt } from '../measure.js';

interface Ready {
  api: string;
  bare: string;
  ids: string[];
  password: string;
  bytes: number;
}

const connections = 50;

async function startChild(dataDir: string, url: string, forms: number): Promise<{ child: ChildProcess; ready: Ready }> {
  const script = new URL('./bench-server.ts', import.meta.url).pathname;
  // JIXIAO_BENCH_CPU_PROF=dir writes a CPU profile of the server process there.
  const prof = process.env.JIXIAO_BENCH_CPU_PROF;
  const profArgs = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [];
  const child = spawn(process.execPath, [...profArgs, '--import', 'tsx', script, dataDir, url, String(forms)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as Ready));
  });
  return { child, ready };
}

async function login(base: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench-filler', password }),
  });
  const body = (await r.json()) as { csrfToken: string };
  const cookie = /jixiao_session=[^;]+/.exec(r.headers.getSetCookie().join(';'))?.[0] ?? '';
  return { cookie, csrf: body.csrfToken };
}

/** CPU time (user + system) of a process so far, in ms, from /proc (Linux; null elsewhere). */
function cpuMs(pid: number | undefined): number | null {
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th, in 1/100 s.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * One autocannon run. Besides throughput and latency it prints the server process's CPU time per
 * request: on two shared cores throughput follows whatever else runs, CPU per request much less so.
 */
function run(name: string, server: ChildProcess, options: autocannon.Options): Promise<void> {
  const before = cpuMs(server.pid);
  return new Promise((resolve, reject) => {
    autocannon({ connections, ...options }, (err, r) => {
      if (err) return reject(err);
      const after = cpuMs(server.pid);
      const perRequest = before !== null && after !== null ? ((after - before) * 1000) / r.requests.total : NaN;
      console.log(
        `${name.padEnd(34)} ${fmt(r.requests.average, 0).padStart(8)} req/s   p50 ${fmt(r.latency.p50)} ms   p99 ${fmt(r.latency.p99)} ms   server CPU ${fmt(perRequest, 0)} µs/req   non-2xx ${r.non2xx}  errors ${r.errors}`,
      );
      resolve();
    });
  });
}

async function benchOne(dialect: string, dataDir: string, url: string, seconds: number, forms: number): Promise<void> {
  const { child, ready } = await startChild(dataDir, url, forms);
  try {
    const { cookie, csrf } = await login(ready.api, ready.password);
    const headers = { cookie };
    const id = ready.ids[0] as string;
    console.log(
      `## ${dialect}: ${forms} forms, ${connections} connections, ${seconds} s each, form response ${ready.bytes} bytes`,
    );
    // Warm-up: JIT, statement caches, connection pools.
    await new Promise<void>((r) =>
      autocannon({ url: `${ready.api}/api/forms/${id}`, headers, duration: 2, connections }, () => r()),
    );
    const want = (name: string) => (process.env.JIXIAO_BENCH_ONLY ?? 'get,list,put').includes(name);
    if (want('get')) {
      await run('bare Fastify route (same bytes)', child, { url: `${ready.bare}/bare`, duration: seconds });
      await run('GET /api/forms/:id', child, { url: `${ready.api}/api/forms/${id}`, headers, duration: seconds });
      // Every form in turn: more than the server's form cache holds, so each read fetches the JSON.
      let turn = 0;
      await run('GET /api/forms/:id, all ids in turn', child, {
        url: ready.api,
        headers,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, path: `/api/forms/${ready.ids[turn++ % ready.ids.length]}` }) }],
      });
    }
    if (want('list'))
      await run('GET /api/forms (page of 50)', child, { url: `${ready.api}/api/forms`, headers, duration: seconds });
    if (!want('put')) return;

    const versions = new Map<string, number>();
    const bodies = new Map<string, string>();
    const putIds = ready.ids.slice(0, 2000);
    for (const fid of putIds) {
      const r = await fetch(`${ready.api}/api/forms/${fid}`, { headers });
      const b = (await r.json()) as { version: number; form: unknown };
      versions.set(fid, b.version);
      bodies.set(fid, JSON.stringify(b.form));
    }
    let next = 0;
    await run('PUT /api/forms/:id', child, {
      url: ready.api,
      duration: seconds,
      requests: [
        {
          method: 'PUT',
          setupRequest: (req, context) => {
            const fid = putIds[next++ % putIds.length] as string;
            (context as { fid?: string }).fid = fid;
            return {
              ...req,
              path: `/api/forms/${fid}`,
              headers: {
                cookie,
                'x-csrf-token': csrf,
                'content-type': 'application/json',
                'if-match': `"${versions.get(fid)}"`,
              },
              body: `{"form":${bodies.get(fid)}}`,
            };
          },
          onResponse: (status, body, context) => {
            const m = /"version":(\d+)/.exec(body);
            if (status === 200 && m) versions.set((context as { fid: string }).fid, Number(m[1]));
          },
        },
      ],
    });
  } finally {
    child.stdin?.end();
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchServer(seconds = 10, forms = 10_000): Promise<void> {
  // JIXIAO_BENCH_DIALECTS=sqlite (or postgres) runs one of the two.
  const only = process.env.JIXIAO_BENCH_DIALECTS ?? 'sqlite,postgres';
  buildCli(); // the server process runs the compiled code (bench-server.ts)
  if (only.includes('sqlite')) await benchSqlite(seconds, forms);
  if (only.includes('postgres')) await benchPostgres(seconds, forms);
}

async function benchSqlite(seconds: number, forms: number): Promise<void> {
  const sqliteDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  try {
    await benchOne('SQLite (WAL)', sqliteDir, '', seconds, forms);
  } finally {
    rmSync(sqliteDir, { recursive: true, force: true });
  }
}

async function benchPostgres(seconds: number, forms: number): Promise<void> {
  const given = process.env.JIXIAO_BENCH_DATABASE_URL;
  const cluster = given ? null : await startThrowawayPostgres(true);
  const adminUrl = given ?? cluster!.url;
  const name = `jixiao_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  try {
    await benchOne('PostgreSQL (local, durable)', dataDir, url.toString(), seconds, forms);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const [s, f] = process.argv.slice(2).map(Number);
  await benchServer(s || undefined, f || undefined);
}
