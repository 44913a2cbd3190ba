import { Readable } from 'node:stream';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { registerDbCommand } from '../../src/cli/commands/db.js';
import { registerDemoCommand } from '../../src/cli/commands/demo.js';
import { registerServeCommand } from '../../src/cli/commands/serve.js';
import { registerUserCommand } from '../../src/cli/commands/user.js';
import { UserError, formatUserError } from '../../src/cli/user-error.js';
import { openDatabase } from '../../src/store/database.js';
import { migrations } from '../../src/store/migrations/index.js';
import { sqlitePath } from '../../src/config.js';
import { ApiClient, injectTransport } from '../support/api-client.js';
import { startTestAppOn } from '../support/test-app.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/test-store.js';

/** Run the server commands in-process, as main.ts will once they are registered there. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const io: CliIo = {
    stdout: { write: async (s) => void out.push(s) },
    stderr: { write: async () => {} },
    stdin: Readable.from([]),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    progressStream: null,
  };
  let code = 0;
  const program = new Command('jixiao').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  const setExit = (c: number) => {
    code = c;
  };
  for (const register of [registerServeCommand, registerDbCommand, registerUserCommand, registerDemoCommand])
    register(program, io, setExit);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code, out: out.join(''), err: '' };
  } catch (e) {
    if (e instanceof UserError) return { code: e.exitCode, out: out.join(''), err: formatUserError(e) };
    throw e;
  }
}

describe.each(dialects)('server CLI commands on %s', (dialect) => {
  let tdb: TestDatabase;
  afterEach(async () => tdb?.drop());
  const where = () => [
    '--data',
    tdb.config.dataDir,
    ...(tdb.config.databaseUrl ? ['--database-url', tdb.config.databaseUrl] : []),
  ];

  it('db status / migrate, and refusal of a diverged history', async () => {
    tdb = await createTestDatabase(dialect);
    const before = await run(['db', 'status', ...where()]);
    expect(before.code).toBe(1);
    expect(before.out).toMatch(/待执行 \(pending\)：2026/);
    const migrated = await run(['db', 'migrate', ...where()]);
    expect(migrated.code).toBe(0);
    expect(migrated.out).toContain(`已执行 ${migrations.length} 个迁移`);
    expect((await run(['db', 'migrate', ...where()])).out).toMatch(/已是最新/);
    expect((await run(['db', 'status', ...where()])).code).toBe(0);

    const h = openDatabase({ databaseUrl: tdb.config.databaseUrl, sqliteFile: sqlitePath(tdb.config) });
    await h.db
      .insertInto('jixiao_migrations')
      .values({ name: '29990101T0000-from-the-future', checksum: 'x', applied_at: 'now' })
      .execute();
    await h.destroy();
    const status = await run(['db', 'status', ...where()]);
    expect(status.code).toBe(1);
    expect(status.out).toMatch(/29990101T0000-from-the-future is in the database but not in this version/);
    const serve = await run(['serve', '--port', '0', ...where()]);
    expect(serve.code).toBe(2);
    expect(serve.err).toMatch(/拒绝启动/);
  });

  it('user add validates its input and creates users who can log in', async () => {
    tdb = await createTestDatabase(dialect);
    expect((await run(['user', 'add', 'x', '--role', 'boss', ...where()])).err).toMatch(/角色「boss」不存在/);
    expect((await run(['user', 'add', 'x', '--role', 'filler', ...where()])).err).toMatch(/--department/);
    const added = await run(['user', 'add', 'zhang', '--role', 'reviewer', '--department', '某局', ...where()]);
    expect(added.code).toBe(0);
    const password = /shown once\): (\S+)/.exec(added.out)?.[1];
    expect(password).toMatch(/^[\w-]{20}$/);
    expect((await run(['user', 'list', ...where()])).out).toMatch(/^zhang\treviewer/m);
    const t = await startTestAppOn(tdb);
    try {
      const c = new ApiClient(injectTransport(t.app));
      expect((await c.login('zhang', password as string)).status).toBe(200);
      expect((await run(['user', 'disable', 'zhang', ...where()])).code).toBe(0);
      expect((await c.get('/api/session')).status).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('demo loads six seed forms and four demo users, once', async () => {
    tdb = await createTestDatabase(dialect);
    const first = await run(['demo', ...where()]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/共 6 张表单（本次导入 6 张）/);
    const second = await run(['demo', ...where()]);
    expect(second.out).toMatch(/共 6 张表单（本次导入 0 张）/);
    const password = process.env.JIXIAO_DEMO_PASSWORD ?? (/shown once\): (\S+)/.exec(second.out)?.[1] as string);
    const t = await startTestAppOn(tdb);
    try {
      for (const [name, count] of [
        ['demo-filler', '6'],
        ['demo-reviewer', '6'],
        ['demo-finance', '6'],
        ['demo-auditor', '6'],
      ] as const) {
        const c = new ApiClient(injectTransport(t.app));
        expect((await c.login(name, password)).status, name).toBe(200);
        expect((await c.get('/api/forms')).headers['x-total-count'], name).toBe(count);
      }
    } finally {
      await t.close();
    }
  });
});
