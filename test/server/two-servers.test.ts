import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { ApiClient, fetchTransport } from '../support/api-client.js';
import { readFixture } from '../support/fixtures.js';
import { addPeople, password, testConfig } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-store.js';

/** Several stateless app servers behind a load balancer: sessions and data live in PostgreSQL only. */
describe('two app servers against one PostgreSQL', () => {
  let tdb: TestDatabase;
  let one: RunningServer;
  let two: RunningServer;
  beforeAll(async () => {
    tdb = await createTestDatabase('postgres');
    const config = testConfig(tdb);
    // Started together: the migration advisory lock must let exactly one migrate.
    [one, two] = await Promise.all([startServer(config, { logger: false }), startServer(config, { logger: false })]);
    await addPeople(one.ctx);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await tdb?.drop();
  });

  it('serves the same session and data from either server', async () => {
    expect(one.url).not.toBe(two.url);
    const viaOne = new ApiClient(fetchTransport(one.url));
    expect((await viaOne.login('fill-a', password)).status).toBe(200);
    const viaTwo = new ApiClient(fetchTransport(two.url));
    viaTwo.cookie = viaOne.cookie;
    viaTwo.csrf = viaOne.csrf;
    expect((await viaTwo.get('/api/session')).body.user.username).toBe('fill-a');

    const imported = await viaTwo.post('/api/imports', {
      files: [{ name: 'seed.txt', content: readFixture('seed/pingshan-justice-2020.txt') }],
    });
    expect(imported.status).toBe(201);
    const id = imported.body.forms[0].id;
    const read = await viaOne.get(`/api/forms/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(1);

    // A write through one server makes the other's copy stale.
    const form = { ...read.body.form, remarks: '服务器一' };
    expect((await viaOne.put(`/api/forms/${id}`, { json: { version: 1, form } })).status).toBe(200);
    const stale = await viaTwo.put(`/api/forms/${id}`, {
      json: { version: 1, form: { ...form, remarks: '服务器二' } },
    });
    expect(stale.status).toBe(409);
    expect((await viaTwo.get(`/api/forms/${id}`)).body.form.remarks).toBe('服务器一');

    expect((await viaOne.delete('/api/session')).status).toBe(204);
    expect((await viaTwo.get('/api/session')).status).toBe(401);
  });
});
