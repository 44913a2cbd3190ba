import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, seedForms } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Uploads arrive as Node Buffers, not the plain Uint8Arrays importer tests often build; pdf.js
 * refuses Buffers, which once made every uploaded PDF "unreadable". Each binary format of the seed
 * goes through the real multipart route (SQLite is enough: storage is tested on both dialects).
 */
describe('POST /api/imports with the seed in every document format', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', 'inject');
  });
  afterAll(async () => t?.close());

  it.each([
    'pdf/pingshan-justice-2020.pdf',
    'docx/pingshan-justice-2020.docx',
    'doc/pingshan-justice-2020.doc',
    'xlsx/pingshan-justice-2020.xlsx',
    'doc/pingshan-justice-2020.xls',
    'xls/pingshan-justice-2020-flat.xls',
    'html/pingshan-justice-2020.html',
  ])('%s creates the six drafts, equal to the golden forms', async (file) => {
    const filler = await t.as('fill-a');
    const name = file.split('/')[1] as string;
    const r = await filler.post('/api/imports', {
      files: [{ name, content: new Uint8Array(readFileSync(fixturePath(file))) }],
    });
    expect(r.status).toBe(201);
    expect(r.body.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
    const created = r.body.forms as { id: string }[];
    expect(created).toHaveLength(6);
    const stored = await Promise.all(created.map(async (f) => (await filler.get(`/api/forms/${f.id}`)).body.form));
    expect(stored).toEqual(seedForms());
  });

  it('previews a PDF and a broken file without storing anything; a reviewer may not', async () => {
    const filler = await t.as('fill-a');
    const before = (await filler.get('/api/forms')).headers['x-total-count'];
    const pdf = new Uint8Array(readFileSync(fixturePath('pdf/pingshan-justice-2020.pdf')));
    const r = await filler.post('/api/imports/preview', {
      files: [
        { name: 'seed.pdf', content: pdf },
        // A truncated PDF: the import would refuse it, the preview says why.
        { name: 'cut.pdf', content: pdf.subarray(0, 2000) },
      ],
    });
    expect(r.status).toBe(200);
    const [seed, cut] = r.body.files as {
      file: string;
      format: string | null;
      forms: unknown[];
      issues: { severity: string }[];
    }[];
    expect(seed?.file).toBe('seed.pdf');
    expect(seed?.format).toBe('pdf');
    expect(seed?.forms).toEqual(seedForms());
    expect(seed?.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(cut?.forms).toEqual([]);
    expect(cut?.issues.some((i) => i.severity === 'error')).toBe(true);
    expect((await filler.get('/api/forms')).headers['x-total-count']).toBe(before);

    const reviewer = await t.as('rev-a');
    const refused = await reviewer.post('/api/imports/preview', { files: [{ name: 'seed.pdf', content: pdf }] });
    expect(refused.status).toBe(403);
  });
});
