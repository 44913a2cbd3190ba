import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { readFixture, seedForms } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

describe.each(dialects)('exports and versions on %s', (dialect) => {
  let t: TestApp;
  let filler: ApiClient;
  let id = '';
  beforeAll(async () => {
    t = await startTestApp(dialect, 'inject');
    filler = await t.as('fill-a');
    const r = await filler.post('/api/imports', {
      files: [{ name: 'seed.txt', content: readFixture('seed/pingshan-justice-2020.txt') }],
    });
    id = r.body.forms[0].id;
  });
  afterAll(async () => t?.close());

  it('exports a visible form through src/io/export with a download name', async () => {
    const xlsx = await filler.get(`/api/forms/${id}/export?format=xlsx&scores=true`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(String(xlsx.body).startsWith('PK')).toBe(true);
    expect(xlsx.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('社区矫正（2020年度）自评表.xlsx')}`,
    );
    const json = await filler.get(`/api/forms/${id}/export?format=json`);
    expect(json.body).toEqual([seedForms()[0]]);
    expect((await filler.get(`/api/forms/${id}/export?format=doc`)).status).toBe(400);
    expect((await (await t.as('fill-b')).get(`/api/forms/${id}/export?format=json`)).status).toBe(404);
    const summary = await (await t.as('rev-a')).get('/api/summary/export?year=2020');
    expect(summary.status).toBe(200);
    expect(String(summary.body).startsWith('PK')).toBe(true);
  });

  it('sums the same scores in the summary workbook as on the summary page, reviewer ratings included', async () => {
    const other = (await filler.get('/api/forms?year=2020')).body.find((f: { id: string }) => f.id !== id).id;
    expect((await filler.post(`/api/forms/${other}/transitions`, { json: { to: 'submitted' } })).status).toBe(200);
    const reviewer = await t.as('rev-a');
    const before = (await reviewer.get('/api/summary?year=2020')).body[0].score;
    expect((await reviewer.put(`/api/forms/${other}/ratings`, { json: { indicatorIndex: 0, rating: 0 } })).status).toBe(
      200,
    );
    const page = (await reviewer.get('/api/summary?year=2020')).body[0];
    expect(page.score).not.toBe(before);
    // Binary body: through inject with the reviewer's cookie (the test client reads bodies as text).
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/summary/export?year=2020',
      headers: { cookie: reviewer.cookie ?? '' },
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('部门汇总') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const scoreCell = sheet.getRow(2).getCell(header.indexOf('加权得分') + 1).value;
    expect(scoreCell).toBe(page.score);
  });

  it('returns any stored version of a form', async () => {
    const current = await filler.get(`/api/forms/${id}`);
    const form = { ...current.body.form, remarks: '第二版' };
    expect((await filler.put(`/api/forms/${id}`, { json: { version: 1, form } })).status).toBe(200);
    const v1 = await filler.get(`/api/forms/${id}/versions/1`);
    expect(v1.body).toMatchObject({ id, version: 1, status: 'draft', form: seedForms()[0] });
    expect((await filler.get(`/api/forms/${id}/versions/2`)).body.form.remarks).toBe('第二版');
    expect((await filler.get(`/api/forms/${id}/versions/3`)).status).toBe(404);
    expect((await (await t.as('rev-b')).get(`/api/forms/${id}/versions/1`)).status).toBe(404);
  });
});
