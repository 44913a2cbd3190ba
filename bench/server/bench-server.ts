/**
 * The server under test, in its own process (so autocannon in the parent does not share its event
 * loop): opens the store of argv[2] (a data directory) / argv[3] (a PostgreSQL URL or ''), loads
 * argv[4] forms into one unit, listens on 127.0.0.1 with production logging (pino at info, one
 * line per request, to /dev/null), plus a bare Fastify app answering one route with the same bytes as GET /api/forms/:id.
 * Prints one JSON line `{ api, bare, ids, password }` when ready (ids: every form's); exits when stdin closes.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import pino from 'pino';
import type * as Config from '../../src/config.js';
import type { Form } from '../../src/domain/index.js';
import type * as Accounts from '../../src/server/accounts.js';
import type * as App from '../../src/server/app.js';
import type * as FormFacts from '../../src/server/services/form-facts.js';
import type * as FormsService from '../../src/server/services/forms.service.js';
import type * as Serve from '../../src/server/serve.js';
import type * as FormsRepository from '../../src/store/forms.repository.js';
import type { NewForm } from '../../src/store/forms.repository.js';
import type * as Maintenance from '../../src/store/maintenance.js';
import type * as Orgs from '../../src/store/orgs.repository.js';
import { buildDir } from '../build.js';
import { baseForms, formVariants } from '../form-pool.js';

// The server code under test is the compiled build (server.bench.ts compiles it first), as
// `npm start` runs dist/: tsx would wrap every function of it for its names and map its stack traces.
const compiled = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(buildDir, path)).href)) as T;
const { loadConfig } = await compiled<typeof Config>('config.js');
const { upsertAccount } = await compiled<typeof Accounts>('server/accounts.js');
const { buildApp } = await compiled<typeof App>('server/app.js');
const { factsOf, scoreWithRatings } = await compiled<typeof FormFacts>('server/services/form-facts.js');
const { formResponseText } = await compiled<typeof FormsService>('server/services/forms.service.js');
const { createContext } = await compiled<typeof Serve>('server/serve.js');
const { findForm, insertForms } = await compiled<typeof FormsRepository>('store/forms.repository.js');
const { refreshStatistics } = await compiled<typeof Maintenance>('store/maintenance.js');
const { ensureUnit } = await compiled<typeof Orgs>('store/orgs.repository.js');

const [dataDir = './data-bench', databaseUrl = '', countText = '10000'] = process.argv.slice(2);
const count = Number(countText);
const password = 'bench-password-1';

const config = loadConfig(
  { port: 0, data: dataDir, ...(databaseUrl ? { databaseUrl } : {}) },
  { LOG_LEVEL: 'info', JIXIAO_LOGIN_ATTEMPTS_PER_MINUTE: '1000' },
);
const ctx = await createContext(config, { poolSize: 20 });
const { unit, department } = await ensureUnit(ctx.store.db, '基准测试主管部门', '基准测试单位');
const { user } = await upsertAccount(ctx.store.db, {
  username: 'bench-filler',
  password,
  role: 'filler',
  department: department.name,
  unit: unit.name,
});

const variants: Form[] = formVariants(baseForms(), 1200);
const at = new Date().toISOString();
const rows: NewForm[] = [];
for (let i = 0; i < count; i += 1) {
  const base = variants[i % variants.length] as Form;
  const form: Form = { ...base, project: { ...base.project, name: `${base.project.name} ${i}` } };
  const score = scoreWithRatings(form, ctx.profile, new Map());
  rows.push({
    id: randomUUID(),
    unitId: unit.id,
    departmentId: department.id,
    status: 'draft',
    json: JSON.stringify(form),
    facts: factsOf(form, score, department.name),
    userId: user.id,
    at,
  });
}
await ctx.store.transaction((trx) => insertForms(trx, rows));
// Steady state: statistics and visibility map as autovacuum would leave them minutes after the load.
await refreshStatistics(ctx.store);

// As in production (pino's sonic-boom destination on stdout), but discarded.
const logStream = pino.destination({ dest: '/dev/null', sync: false });
const app = await buildApp(ctx, { logger: { level: 'info', stream: logStream }, webRoot: '/nonexistent' });
await app.listen({ host: '127.0.0.1', port: 0 });

const sample = await findForm(ctx.store.db, rows[0]?.id ?? '');
const bytes = formResponseText(sample!);
const bare = Fastify({ logger: false });
bare.get('/bare', (_req, reply) => reply.type('application/json; charset=utf-8').send(bytes));
await bare.listen({ host: '127.0.0.1', port: 0 });

const port = (s: typeof app) => {
  const a = s.server.address();
  return typeof a === 'object' && a ? a.port : 0;
};
console.log(
  JSON.stringify({
    api: `http://127.0.0.1:${port(app)}`,
    bare: `http://127.0.0.1:${port(bare)}`,
    ids: rows.map((r) => r.id),
    password,
    bytes: Buffer.byteLength(bytes),
  }),
);

process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all([app.close(), bare.close()])
    .then(() => ctx.store.destroy())
    .then(() => process.exit(0));
});
