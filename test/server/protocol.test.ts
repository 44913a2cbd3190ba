import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createContext } from '../../src/server/serve.js';
import { ApiClient, injectTransport } from '../support/api-client.js';
import { readFixture } from '../support/fixtures.js';
import { password, startTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

const seedText = readFixture('seed/pingshan-justice-2020.txt');

describe.each(dialects)('HTTP protocol on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, 'inject', {
      JIXIAO_MAX_UPLOAD_BYTES: String(seedText.length * 4),
      JIXIAO_LOGIN_ATTEMPTS_PER_MINUTE: '3',
    });
  });
  afterAll(async () => t?.close());

  it('answers health and readiness, the docs and a placeholder home page', async () => {
    const c = t.client();
    expect((await c.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await c.get('/readyz')).body).toEqual({ status: 'ready', dialect });
    const doc = await c.get('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    for (const p of [
      '/api/session',
      '/api/imports',
      '/api/forms',
      '/api/forms/{id}',
      '/api/forms/{id}/transitions',
      '/api/forms/{id}/score',
      '/api/forms/{id}/findings',
      '/api/forms/{id}/history',
      '/api/summary',
    ])
      expect(Object.keys(doc.body.paths)).toContain(p);
    expect(
      doc.body.paths['/api/forms/{id}'].put.requestBody.content['application/json'].schema.properties.form.properties
        .year.type,
    ).toBe('integer');
    const docs = await c.get('/api/docs');
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect(docs.body).toContain('/api/forms/{id}/transitions');
    expect((await c.get('/')).body).toContain('/api/docs');
    const nope = await c.get('/api/nope');
    expect(nope.status).toBe(404);
    expect(nope.body.error.code).toBe('not-found');
  });

  it('serves a built web app from its directory, with client routes falling back to index.html', async () => {
    const web = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
    writeFileSync(join(web, 'app.js'), 'console.log(1)');
    const w = await startTestApp(dialect, 'inject', {}, web);
    try {
      const c = w.client();
      expect((await c.get('/')).body).toContain('<div id="root">');
      expect((await c.get('/app.js')).headers['content-type']).toMatch(/javascript/);
      expect((await c.get('/forms/123')).body).toContain('<div id="root">');
      expect((await c.get('/api/missing')).body.error.code).toBe('not-found');
    } finally {
      await w.close();
      rmSync(web, { recursive: true, force: true });
    }
  });

  it('sends security headers with a CSP that allows the web app', async () => {
    const r = await t.client().get('/');
    const csp = r.headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain('upgrade-insecure-requests'); // loopback over plain HTTP
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    const error = await t.client().get('/api/nope');
    expect(error.headers['content-security-policy']).toBe(csp);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const c = await t.as('fill-a');
    const r = await c.post('/api/imports', { files: [{ name: 'seed.txt', content: seedText }], noCsrf: true });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('csrf-failed');
    const wrong = await c.post('/api/imports', {
      files: [{ name: 'seed.txt', content: seedText }],
      headers: { 'x-csrf-token': 'x'.repeat(32) },
      noCsrf: true,
    });
    expect(wrong.status).toBe(403);
    expect((await c.get('/api/forms')).headers['x-total-count']).toBe('0');
  });

  it('lists every validation problem in one 400, in Chinese and English', async () => {
    const c = await t.as('fill-a');
    const q = await c.get('/api/forms?year=abc&pageSize=9999&color=red');
    expect(q.status).toBe(400);
    const paths = q.body.error.problems.map((p: { path: string }) => p.path).sort();
    expect(paths).toEqual(['query', 'query.pageSize', 'query.year']);
    for (const p of q.body.error.problems) {
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(p.messageEn).toMatch(/^query/);
    }
    const blank = await c.get('/api/forms?year=&department=&unit=&status=&q=');
    expect(blank.status).toBe(200);
    const imported = await c.post('/api/imports', { files: [{ name: 'seed.txt', content: seedText }] });
    const id = imported.body.forms[0].id;
    const put = await c.put(`/api/forms/${id}`, {
      json: { version: 1, form: { kind: 'project-self-evaluation', year: 'x', indicators: 3 } },
    });
    expect(put.status).toBe(400);
    const putPaths = put.body.error.problems.map((p: { path: string }) => p.path);
    expect(putPaths).toEqual(
      expect.arrayContaining(['body.form.year', 'body.form.indicators', 'body.form.project', 'body.form.funding']),
    );
    const badJson = await c.call('PUT', `/api/forms/${id}`, { headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    const noVersion = await c.put(`/api/forms/${id}`, { json: { form: (await c.get(`/api/forms/${id}`)).body.form } });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.problems[0].path).toBe('body.version');
  });

  it('refuses oversized uploads with 413 and stores nothing', async () => {
    const c = await t.as('fill-b');
    const big = await c.post('/api/imports', { files: [{ name: 'big.txt', content: seedText.repeat(5) }] });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload-too-large');
    expect((await c.get('/api/forms')).headers['x-total-count']).toBe('0');
    const hugeJson = await c.put('/api/forms/x', {
      json: { version: 1, form: { remarks: 'x'.repeat(6 * 1024 * 1024) } },
    });
    expect(hugeJson.status).toBe(413);
  });

  it('rate-limits login attempts per address and user name', async () => {
    const c = t.client();
    const codes = [];
    for (let i = 0; i < 4; i += 1) codes.push((await c.login('rev-b', 'wrong')).status);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await c.login('rev-b', password)).body.error.code).toBe('rate-limited');
    expect((await c.login('aud', password)).status).toBe(200);
  });

  it('counts login attempts in the database: a second app server on it shares the limit', async () => {
    const ctx = await createContext(t.ctx.config);
    const second = await buildApp(ctx, { logger: false, webRoot: '/nonexistent/jixiao-web' });
    try {
      const one = t.client();
      const two = new ApiClient(injectTransport(second));
      const codes = [
        (await one.login('nobody', 'wrong')).status,
        (await two.login('nobody', 'wrong')).status,
        (await one.login('nobody', 'wrong')).status,
        (await two.login('nobody', 'wrong')).status,
      ];
      expect(codes).toEqual([401, 401, 401, 429]);
      // What is kept names no one: the address and user name are hashed.
      const keys = await ctx.store.db.selectFrom('login_attempts').select('key').execute();
      for (const { key } of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await second.close();
      await ctx.store.destroy();
    }
  });

  it('hides internals when something breaks: 500 with a code, no stack', async () => {
    const c = await t.as('fin');
    await t.ctx.store.destroy();
    const r = await c.get('/api/forms');
    expect(r.status).toBe(500);
    expect(r.body).toEqual({
      error: { code: 'internal', message: expect.any(String), messageEn: 'internal server error' },
    });
    expect((await c.get('/readyz')).status).toBe(503);
  });
});
