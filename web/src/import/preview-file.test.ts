import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinProfiles, defaultProfileName, scoreForm, type Form } from '../lib/core';
import { SPREADSHEET_ML } from '../../../test/support/office-texts';
import { awaitsServer, fromServer, previewFile } from './preview-file';

const seed = readFileSync('fixtures/seed/pingshan-justice-2020.txt');
const golden = JSON.parse(readFileSync('fixtures/seed/pingshan-justice-2020.golden.json', 'utf8')) as Form[];

describe('previewFile', () => {
  it('reads the seed text with the shared text importer: the six golden forms', async () => {
    const preview = await previewFile(new File([seed], 'pingshan-justice-2020.txt'));
    expect(preview.previewed).toBe(true);
    expect(preview.format).toBe('文本');
    expect(preview.forms).toEqual(golden);
    const totals = preview.forms.map((f) => scoreForm(f, builtinProfiles[defaultProfileName]!).total.toFixed(2));
    expect(totals).toEqual(['98.97', '98.27', '98.13', '94.96', '89.08', '95.33']);
  });

  it('reads a JSON form and reports a broken one as an error issue', async () => {
    const ok = await previewFile(new File([JSON.stringify(golden[0])], 'a.json'));
    expect(ok.format).toBe('JSON');
    expect(ok.forms).toEqual([golden[0]]);
    const broken = await previewFile(new File(['{"kind": "project-self-evaluation",'], 'b.json'));
    expect(broken.forms).toEqual([]);
    expect(broken.issues.some((i) => i.severity === 'error')).toBe(true);
  });

  it('says at once that an Excel 2003 XML spreadsheet must be saved as .xlsx', async () => {
    const xml = await previewFile(new File([SPREADSHEET_ML], 'export.xls'));
    expect(xml).toMatchObject({ format: 'Excel 2003 XML 表格', forms: [] });
    expect(xml.issues.map((i) => [i.code, i.severity])).toEqual([['unsupported-format', 'error']]);
  });

  it('leaves binary formats to the server', async () => {
    const pdf = await previewFile(new File([new TextEncoder().encode('%PDF-1.7\n%…')], 'x.pdf'));
    expect(pdf).toMatchObject({ previewed: false, format: 'PDF', forms: [] });
    expect(awaitsServer(pdf)).toBe(true);
    expect(awaitsServer(fromServer(new File([], 'x.pdf'), { format: 'pdf', forms: [], issues: [] }))).toBe(false);
  });

  it('labels what the server read for a binary file by its format key', () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'seed.pdf');
    const read = fromServer(file, { format: 'pdf', forms: golden, issues: [] });
    expect(read).toMatchObject({ name: 'seed.pdf', size: 3, format: 'PDF', previewed: true });
    expect(read.forms).toBe(golden);
    expect(fromServer(file, { format: null, forms: [], issues: [] }).format).toBe('未知');
    expect(fromServer(file, { format: 'toString', forms: [], issues: [] }).format).toBe('未知');
  });
});
