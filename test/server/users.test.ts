import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

describe.each(dialects)('user management API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, 'inject');
  });
  afterAll(async () => t?.close());

  it('lets only admins list, add and disable users', async () => {
    const admin = await t.as('adm');
    for (const name of ['fill-a', 'rev-a', 'fin', 'aud']) {
      const c = await t.as(name);
      expect((await c.get('/api/users')).status, name).toBe(403);
      expect((await c.post('/api/users', { json: { username: 'x1', role: 'auditor' } })).status, name).toBe(403);
    }
    const list = await admin.get('/api/users');
    expect(list.body.map((u: { username: string }) => u.username)).toContain('fill-a');
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|password/i);

    const bad = await admin.post('/api/users', { json: { username: 'x', role: 'boss' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['body.role', 'body.username']);
    expect((await admin.post('/api/users', { json: { username: 'zhao', role: 'filler' } })).status).toBe(400);

    const added = await admin.post('/api/users', {
      json: { username: 'zhao', role: 'filler', department: '深圳市坪山区司法局', unit: '深圳市坪山区司法局' },
    });
    expect(added.status).toBe(201);
    const zhao = t.client();
    expect((await zhao.login('zhao', added.body.password)).status).toBe(200);
    // Same unit as fill-a: sees the same (here: no) forms, and the unit was not duplicated.
    const units = (await admin.get('/api/orgs')).body.filter(
      (o: { kind: string; name: string }) => o.kind === 'unit' && o.name === '深圳市坪山区司法局',
    );
    expect(units).toHaveLength(1);
    expect((await admin.post('/api/users', { json: { username: 'zhao', role: 'auditor' } })).status).toBe(400);

    expect((await admin.delete('/api/users/zhao')).status).toBe(204);
    expect((await zhao.get('/api/session')).status).toBe(401);
    expect((await admin.delete('/api/users/adm')).status).toBe(403);
    expect((await admin.delete('/api/users/nobody')).status).toBe(404);
  });
});
