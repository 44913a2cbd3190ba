import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgsByName } from '../../src/store/orgs.repository.js';
import type { ApiClient } from '../support/api-client.js';
import { readFixture } from '../support/fixtures.js';
import { people, startTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

const seedText = readFixture('seed/pingshan-justice-2020.txt');
const everyone = Object.keys(people);

/** The role × endpoint matrix: every person against every endpoint, with the status each must get. */
describe.each(dialects)('role matrix on %s', (dialect) => {
  let t: TestApp;
  const c: Record<string, ApiClient> = {};
  let id = '';
  let form: unknown;
  beforeAll(async () => {
    t = await startTestApp(dialect, 'inject');
    for (const name of everyone) c[name] = await t.as(name);
    const r = await c['fill-a']!.post('/api/imports', { files: [{ name: 'seed.txt', content: seedText }] });
    id = r.body.forms[0].id;
    form = (await c['fill-a']!.get(`/api/forms/${id}`)).body.form;
  });
  afterAll(async () => t?.close());

  const statuses = async (call: (client: ApiClient) => Promise<{ status: number }>) => {
    const out: Record<string, number> = {};
    for (const name of everyone) out[name] = (await call(c[name]!)).status;
    return out;
  };

  it('reads: a filler its unit, a reviewer its department, finance/auditor/admin all; others get 404', async () => {
    const visible = {
      'fill-a': 200,
      'fill-a2': 404,
      'fill-b': 404,
      'rev-a': 200,
      'rev-b': 404,
      fin: 200,
      aud: 200,
      adm: 200,
    };
    for (const path of ['', '/score', '/findings', '/history', '/review'])
      expect(await statuses((x) => x.get(`/api/forms/${id}${path}`)), path).toEqual(visible);
    expect((await t.client().get(`/api/forms/${id}`)).status).toBe(401);
    const counts: Record<string, string | undefined> = {};
    for (const name of everyone) counts[name] = (await c[name]!.get('/api/forms')).headers['x-total-count'];
    expect(counts).toEqual({
      'fill-a': '6',
      'fill-a2': '0',
      'fill-b': '0',
      'rev-a': '6',
      'rev-b': '0',
      fin: '6',
      aud: '6',
      adm: '6',
    });
    // A form that does not exist answers exactly like one that is hidden.
    const missing = await c['fill-b']!.get('/api/forms/00000000-0000-0000-0000-000000000000');
    const hidden = await c['fill-b']!.get(`/api/forms/${id}`);
    expect(hidden.body).toEqual(missing.body);
  });

  it('edits: only the unit filler, and only while draft or returned', async () => {
    const put = (x: ApiClient) =>
      x
        .get(`/api/forms/${id}`)
        .then((r) => x.put(`/api/forms/${id}`, { json: { version: r.body.version ?? 1, form } }));
    expect(await statuses(put)).toEqual({
      'fill-a': 200,
      'fill-a2': 404,
      'fill-b': 404,
      'rev-a': 403,
      'rev-b': 404,
      fin: 403,
      aud: 403,
      adm: 403,
    });
  });

  it('transitions: each edge only for its role; review actions only while the form waits for that role', async () => {
    const submit = await statuses((x) => x.post(`/api/forms/${id}/transitions`, { json: { to: 'approved' } }));
    // draft → approved is no edge at all: 409 for those who can see it.
    expect(submit).toEqual({
      'fill-a': 409,
      'fill-a2': 404,
      'fill-b': 404,
      'rev-a': 409,
      'rev-b': 404,
      fin: 409,
      aud: 409,
      adm: 409,
    });
    const others = everyone.filter((n) => n !== 'fill-a');
    for (const n of others)
      expect((await c[n]!.post(`/api/forms/${id}/transitions`, { json: { to: 'submitted' } })).status).toBe(
        n === 'fill-a2' || n === 'fill-b' || n === 'rev-b' ? 404 : 403,
      );
    expect((await c['fill-a']!.post(`/api/forms/${id}/transitions`, { json: { to: 'submitted' } })).status).toBe(200);

    const comment = await statuses((x) => x.post(`/api/forms/${id}/comments`, { json: { body: '意见' } }));
    expect(comment).toEqual({
      'fill-a': 403,
      'fill-a2': 404,
      'fill-b': 404,
      'rev-a': 201,
      'rev-b': 404,
      fin: 403,
      aud: 403,
      adm: 403,
    });
    const rate = await statuses((x) => x.put(`/api/forms/${id}/ratings`, { json: { indicatorIndex: 0, rating: 0.5 } }));
    expect(rate).toEqual({
      'fill-a': 403,
      'fill-a2': 404,
      'fill-b': 404,
      'rev-a': 200,
      'rev-b': 404,
      fin: 403,
      aud: 403,
      adm: 403,
    });
    const deduct = await statuses((x) =>
      x.post(`/api/forms/${id}/deductions`, { json: { points: 1.5, reason: '佐证不足' } }),
    );
    expect(deduct).toEqual({
      'fill-a': 403,
      'fill-a2': 404,
      'fill-b': 404,
      'rev-a': 201,
      'rev-b': 404,
      fin: 403,
      aud: 403,
      adm: 403,
    });
    const review = await c.aud!.get(`/api/forms/${id}/review`);
    expect(review.body.totals.deducted).toBe(1.5);
    expect(review.body.indicators[0].rating).toMatchObject({ rating: 0.5, author: 'rev-a' });

    const approve = await statuses((x) => x.post(`/api/forms/${id}/transitions`, { json: { to: 'approved' } }));
    expect(approve).toEqual({
      'fill-a': 403,
      'fill-a2': 404,
      'fill-b': 404,
      'rev-a': 200,
      'rev-b': 404,
      fin: 409,
      aud: 409,
      adm: 409,
    });
    const accept = await statuses((x) => x.post(`/api/forms/${id}/transitions`, { json: { to: 'accepted' } }));
    expect(accept).toEqual({
      'fill-a': 403,
      'fill-a2': 404,
      'fill-b': 404,
      'rev-a': 403,
      'rev-b': 404,
      fin: 200,
      aud: 409,
      adm: 409,
    });
  });

  it('imports: fillers into their unit, finance into a named unit; nobody else', async () => {
    const files = [{ name: 'seed.txt', content: seedText }];
    const r = await statuses((x) => x.post('/api/imports', { files }));
    expect(r).toEqual({
      'fill-a': 201,
      'fill-a2': 201,
      'fill-b': 201,
      'rev-a': 403,
      'rev-b': 403,
      fin: 400,
      aud: 403,
      adm: 403,
    });
    const [unit] = await findOrgsByName(t.ctx.store.db, 'unit', '坪山中学');
    const fin = await c.fin!.post('/api/imports', { files, fields: { unit: unit!.id } });
    expect(fin.status).toBe(201);
    expect((await c['fill-b']!.get('/api/forms')).headers['x-total-count']).toBe('12');
  });

  it('summaries cover only what the user may see', async () => {
    const a = await c['rev-a']!.get('/api/summary?year=2020');
    expect(a.status).toBe(200);
    expect(a.body.map((s: { department: string }) => s.department)).toEqual(['深圳市坪山区司法局']);
    expect(a.body[0].projects).toBe(18);
    const b = await c['rev-b']!.get('/api/summary?department=深圳市坪山区司法局');
    expect(b.body[0].projects).toBe(12); // fill-b and finance imported the seed (printed department) into 坪山中学
    expect((await c['fill-a2']!.get('/api/summary')).body[0].projects).toBe(6);
  });
});
