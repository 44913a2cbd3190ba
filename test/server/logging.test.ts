import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { upsertAccount } from '../../src/server/accounts.js';
import { buildApp } from '../../src/server/app.js';
import { createContext } from '../../src/server/serve.js';
import { ApiClient, injectTransport } from '../support/api-client.js';
import { testConfig } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-store.js';

describe('request logs', () => {
  let tdb: TestDatabase;
  afterEach(async () => tdb?.drop());

  it('writes one JSON line per request with the user, and no cookie, token or password', async () => {
    tdb = await createTestDatabase('sqlite');
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const ctx = await createContext(testConfig(tdb));
    await upsertAccount(ctx.store.db, { username: 'logger', password: 'secret-pass-1', role: 'auditor' });
    const app = await buildApp(ctx, { logger: { level: 'info', stream }, webRoot: '/nonexistent' });
    const c = new ApiClient(injectTransport(app));
    try {
      await c.login('logger', 'secret-pass-1');
      await c.get('/api/forms');
      await c.get('/api/forms/nope');
    } finally {
      await app.close();
      await ctx.store.destroy();
    }
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requests.map((r) => [r.method, r.url, r.status, r.user])).toEqual([
      ['POST', '/api/session', 200, undefined],
      ['GET', '/api/forms', 200, 'logger'],
      ['GET', '/api/forms/nope', 404, 'logger'],
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain('secret-pass-1');
    expect(all).not.toContain(c.cookie?.split('=')[1] ?? 'no-cookie');
    expect(all).not.toMatch(/"stack"/);
  });
});
