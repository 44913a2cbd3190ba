import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture, seedExpected } from '../support/fixtures.js';
import { password, startTestApp, type TestApp, type Transport } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

const seedText = readFixture('seed/pingshan-justice-2020.txt');
const transports: Transport[] = ['inject', 'http'];
const combos = dialects.flatMap((d) => transports.map((t) => [d, t] as const));

describe.each(combos)('API on %s over %s', (dialect, transport) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, transport);
  });
  afterAll(async () => t?.close());

  it('logs in with a secure session cookie and a CSRF token, and logs out', async () => {
    const c = t.client();
    const bad = await c.login('fill-a', 'wrong password');
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('bad-credentials');
    const unknown = await c.login('nobody', password);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(bad.body.error.message);

    const ok = await c.login('fill-a', password);
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ username: 'fill-a', role: 'filler' });
    expect(ok.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(ok.headers['set-cookie']).toMatch(/HttpOnly/i);
    expect(ok.headers['set-cookie']).toMatch(/SameSite=Lax/i);
    expect((await c.get('/api/session')).body.user.username).toBe('fill-a');

    expect((await c.delete('/api/session')).status).toBe(204);
    expect((await c.get('/api/session')).status).toBe(401);
  });

  let ids: string[] = [];
  it('imports the seed text as six drafts whose scores equal the expected fixture', async () => {
    const filler = await t.as('fill-a');
    const r = await filler.post('/api/imports', { files: [{ name: 'pingshan-justice-2020.txt', content: seedText }] });
    expect(r.status).toBe(201);
    const expected = seedExpected();
    expect(r.body.forms.map((f: { project: string }) => f.project)).toEqual(expected.forms.map((f) => f.project));
    expect(r.body.forms.every((f: { status: string }) => f.status === 'draft')).toBe(true);
    ids = r.body.forms.map((f: { id: string }) => f.id);
    for (const [i, id] of ids.entries()) {
      const score = await filler.get(`/api/forms/${id}/score`);
      expect(score.status).toBe(200);
      const want = expected.forms[i];
      expect(Math.abs(score.body.total - (want?.total ?? NaN))).toBeLessThanOrEqual(expected.tolerance);
      expect(score.body.grade).toBe(want?.grade);
    }
    const list = await filler.get('/api/forms?year=2020&pageSize=10');
    expect(list.status).toBe(200);
    expect(list.headers['x-total-count']).toBe('6');
    const byId = new Map(list.body.map((f: { id: string; total: number }) => [f.id, f.total]));
    ids.forEach((id, i) =>
      expect(Math.abs((byId.get(id) as number) - (expected.forms[i]?.total ?? NaN))).toBeLessThanOrEqual(
        expected.tolerance,
      ),
    );
    const findings = await filler.get(`/api/forms/${ids[0]}/findings`);
    expect(findings.status).toBe(200);
    expect(Array.isArray(findings.body)).toBe(true);
  });

  it('runs the workflow: submit, return with comments, edit, resubmit, approve, accept, publish', async () => {
    const id = ids[0] as string;
    const filler = await t.as('fill-a');
    const reviewer = await t.as('rev-a');
    const finance = await t.as('fin');
    const move = (c: typeof filler, to: string, comment?: string) =>
      c.post(`/api/forms/${id}/transitions`, { json: { to, ...(comment ? { comment } : {}) } });

    expect((await move(filler, 'submitted')).body.status).toBe('submitted');
    expect(
      (await reviewer.post(`/api/forms/${id}/comments`, { json: { indicatorIndex: 0, body: '完成值请附佐证材料' } }))
        .status,
    ).toBe(201);
    const noComment = await move(reviewer, 'returned');
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.problems[0].path).toBe('body.comment');
    const returned = await move(reviewer, 'returned', '请补充第一项指标的佐证');
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');

    const review = await filler.get(`/api/forms/${id}/review`);
    expect(review.body.comments.map((c: { body: string }) => c.body)).toEqual(['请补充第一项指标的佐证']);
    expect(review.body.indicators[0].comments[0]).toMatchObject({ body: '完成值请附佐证材料', author: 'rev-a' });
    expect(review.body.indicators[0].self).toHaveProperty('note');

    const current = await filler.get(`/api/forms/${id}`);
    const form = structuredClone(current.body.form);
    form.indicators[0].note = '已补充佐证材料';
    const put = await filler.put(`/api/forms/${id}`, { json: { version: current.body.version, form } });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(current.body.version + 1);
    expect((await move(filler, 'submitted')).body.status).toBe('submitted');
    expect((await move(reviewer, 'approved')).body.status).toBe('approved');
    expect((await move(finance, 'accepted')).body.status).toBe('accepted');
    const published = await move(finance, 'published');
    expect(published.body.status).toBe('published');
    const again = await move(finance, 'published');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid-transition');

    const history = await finance.get(`/api/forms/${id}/history`);
    expect(
      history.body.map((h: { action: string; user: { username: string } }) => `${h.action}:${h.user.username}`),
    ).toEqual([
      'import:fill-a',
      'transition:fill-a',
      'comment:rev-a',
      'transition:rev-a',
      'edit:fill-a',
      'transition:fill-a',
      'transition:rev-a',
      'transition:fin',
      'transition:fin',
    ]);
    const edit = history.body.find((h: { action: string }) => h.action === 'edit');
    expect(edit.changes).toEqual([
      { path: 'indicators[0].note', before: current.body.form.indicators[0].note, after: '已补充佐证材料' },
    ]);
    expect(history.body[3]).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'returned',
      detail: { comment: '请补充第一项指标的佐证' },
    });
  });

  it("shows reviewers' deductions beside the unit's total, the same in the review and in the list", async () => {
    const id = ids[5] as string;
    const filler = await t.as('fill-a');
    const reviewer = await t.as('rev-a');
    expect((await filler.post(`/api/forms/${id}/transitions`, { json: { to: 'submitted' } })).status).toBe(200);
    for (const points of [1.5, 0.7])
      expect(
        (await reviewer.post(`/api/forms/${id}/deductions`, { json: { points, reason: '佐证不足' } })).status,
      ).toBe(201);
    const totals = (await reviewer.get(`/api/forms/${id}/review`)).body.totals;
    expect(totals.deducted).toBe(2.2);
    expect(totals.reviewed).toBe(Math.round(totals.system * 100 - 220) / 100);
    const list = (await reviewer.get('/api/forms')).body as {
      id: string;
      total: number;
      reviewedTotal: number | null;
    }[];
    const item = list.find((f) => f.id === id);
    expect(item).toMatchObject({ total: totals.system, reviewedTotal: totals.reviewed });
    expect(list.filter((f) => f.id !== id).every((f) => f.reviewedTotal === null)).toBe(true);
  });

  it('answers a stale PUT with 409 and the current version, losing nothing', async () => {
    const id = ids[1] as string;
    const a = await t.as('fill-a');
    const b = await t.as('fill-a');
    const read = await a.get(`/api/forms/${id}`);
    const mine = structuredClone(read.body.form);
    mine.remarks = '甲的修改';
    const theirs = structuredClone(read.body.form);
    theirs.remarks = '乙的修改';
    expect(
      (await a.put(`/api/forms/${id}`, { json: { form: mine }, headers: { 'if-match': `"${read.body.version}"` } }))
        .status,
    ).toBe(200);
    const stale = await b.put(`/api/forms/${id}`, { json: { version: read.body.version, form: theirs } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version-conflict');
    expect(stale.body.error.current.version).toBe(read.body.version + 1);
    expect(stale.body.error.current.form.remarks).toBe('甲的修改');
    const after = await b.get(`/api/forms/${id}`);
    expect(after.body.form.remarks).toBe('甲的修改');
    expect(after.body.version).toBe(read.body.version + 1);
  });

  it('lets exactly one of two simultaneous writes of the same version win', async () => {
    const id = ids[4] as string;
    const [a, b] = [await t.as('fill-a'), await t.as('fill-a')];
    const read = await a.get(`/api/forms/${id}`);
    const put = (c: typeof a, remarks: string) =>
      c.put(`/api/forms/${id}`, { json: { version: read.body.version, form: { ...read.body.form, remarks } } });
    const results = await Promise.all([put(a, '甲'), put(b, '乙')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)?.body.form.remarks;
    const after = await a.get(`/api/forms/${id}`);
    expect(after.body).toMatchObject({ version: read.body.version + 1, form: { remarks: winner } });
    const history = await a.get(`/api/forms/${id}/history`);
    expect(history.body.filter((h: { action: string }) => h.action === 'edit')).toHaveLength(1);
  });

  it('moves several forms in one transaction: all or nothing', async () => {
    const filler = await t.as('fill-a');
    const [a, b] = [ids[2] as string, ids[3] as string];
    const stale = await filler.post('/api/transitions', {
      json: {
        to: 'submitted',
        forms: [
          { id: a, version: 1 },
          { id: b, version: 99 },
        ],
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version-conflict', formId: b });
    expect((await filler.get(`/api/forms/${a}`)).body).toMatchObject({ status: 'draft', version: 1 });
    const ok = await filler.post('/api/transitions', { json: { to: 'submitted', forms: [{ id: a }, { id: b }] } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual([
      { id: a, status: 'submitted', version: 2 },
      { id: b, status: 'submitted', version: 2 },
    ]);
  });

  it('imports nothing when one file of a batch is broken', async () => {
    const filler = await t.as('fill-a');
    const before = (await filler.get('/api/forms')).headers['x-total-count'];
    const r = await filler.post('/api/imports', {
      files: [
        { name: 'good.txt', content: seedText },
        { name: 'broken.json', content: '{"kind": "project-self-evaluation", "year": ' },
      ],
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('import-failed');
    expect(
      r.body.error.issues.some(
        (i: { file: string; severity: string }) => i.file === 'broken.json' && i.severity === 'error',
      ),
    ).toBe(true);
    expect((await filler.get('/api/forms')).headers['x-total-count']).toBe(before);
  });
});
