import { afterEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/server/demo.js';
import { createContext, startServer } from '../../src/server/serve.js';
import { ApiClient, fetchTransport } from '../support/api-client.js';
import { testConfig } from '../support/test-app.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/test-store.js';

describe.each(dialects)('first start on %s', (dialect) => {
  let tdb: TestDatabase;
  afterEach(async () => tdb?.drop());

  it('creates admin with a printed random password once, even after the demo was loaded', async () => {
    tdb = await createTestDatabase(dialect);
    const ctx = await createContext(testConfig(tdb));
    await loadDemo(ctx, 'demo-password-1');
    await ctx.store.destroy();
    const first = await startServer(testConfig(tdb), { logger: false });
    try {
      expect(first.adminPassword).toMatch(/^[\w-]{20}$/);
      const c = new ApiClient(fetchTransport(first.url));
      expect((await c.login('admin', first.adminPassword as string)).body.user.role).toBe('admin');
    } finally {
      await first.close();
    }
    const second = await startServer(testConfig(tdb), { logger: false });
    await second.close();
    expect(second.adminPassword).toBeNull();
  });

  it('uses JIXIAO_ADMIN_PASSWORD when given, printing nothing', async () => {
    tdb = await createTestDatabase(dialect);
    const server = await startServer(testConfig(tdb, { JIXIAO_ADMIN_PASSWORD: 'admin-secret-1' }), { logger: false });
    try {
      expect(server.adminPassword).toBeNull();
      const c = new ApiClient(fetchTransport(server.url));
      expect((await c.login('admin', 'admin-secret-1')).status).toBe(200);
      expect((await c.get('/readyz')).body.status).toBe('ready');
    } finally {
      await server.close();
    }
  });
});
