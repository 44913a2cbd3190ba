import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formSchema } from '../../../domain/form/form.schema.js';
import { findLostText } from '../grid/find-lost-text.js';
import { MAX_SPAN } from '../grid/grid-limits.js';
import { readZipEntries } from '../grid/read-zip-entries.js';
import { docxToGrid } from './docx-to-grid.js';
import { importDocx, parseOfficeXml } from './import-docx.js';

const root = new URL('../../../../', import.meta.url);
const seedDocx = readFileSync(new URL('fixtures/docx/pingshan-justice-2020.docx', root));
const golden = formSchema
  .array()
  .parse(JSON.parse(readFileSync(new URL('fixtures/seed/pingshan-justice-2020.golden.json', root), 'utf8')));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;
const docx = (xml: string): Uint8Array =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });

/** Sets the uncompressed size of every entry, in local headers and the central directory, to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i += 1) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

function seedGrid() {
  const zip = readZipEntries(seedDocx, (n) => n === 'word/document.xml');
  if (!zip.ok) throw new Error(zip.detail);
  const tree = parseOfficeXml(strFromU8(zip.files.get('word/document.xml') ?? new Uint8Array()));
  if (tree === null) throw new Error('bad xml');
  return docxToGrid(tree, 'seed.docx').grid;
}

describe('importDocx', () => {
  it('imports the seed, converted from HTML by LibreOffice, exactly as the golden forms', async () => {
    const result = await importDocx(seedDocx, 'seed.docx');
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual(golden);
  });

  it('loses no text of the seed document', async () => {
    const result = await importDocx(seedDocx, 'seed.docx');
    const grid = seedGrid();
    expect(grid.rows.length).toBeGreaterThan(100);
    expect(findLostText(grid, result)).toEqual([]);
  });

  it('keeps the text of page headers, footers and footnotes in one info issue, the forms unchanged', async () => {
    const part = (root: string, body: string): Uint8Array =>
      strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:${root} ${W}>${body}</w:${root}>`);
    const withParts = zipSync({
      ...unzipSync(seedDocx),
      'word/header1.xml': part('hdr', p('深圳市坪山区司法局 2020年度部门决算')),
      'word/footer1.xml': part('ftr', `${p('第')}${p('  ')}`),
      'word/footnotes.xml': part(
        'footnotes',
        `<w:footnote w:id="0">${p('')}</w:footnote><w:footnote w:id="1">${p('资金单位为万元')}</w:footnote>`,
      ),
    });
    const result = await importDocx(withParts, 'seed.docx');
    expect(result.forms).toEqual(golden);
    expect(result.issues.map((i) => [i.code, i.severity, i.location, i.raw])).toEqual([
      [
        'docx-text-outside-body',
        'info',
        '页眉、页脚、脚注',
        '页眉：深圳市坪山区司法局 2020年度部门决算\n页脚：第\n脚注：资金单位为万元',
      ],
    ]);
  });

  it('bounds a hostile gridSpan or gridBefore (walked column by column, it hung the import)', () => {
    // `w:val="100000000"`: 18 s and 1.7 GB at 10^7 before the bound, out of memory at 10^8.
    const xml = doc(
      `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="99999999"/></w:trPr>${tc('项目名称')}` +
        `${tc('甲', '<w:gridSpan w:val="100000000"/>')}</w:tr></w:tbl>`,
    );
    const tree = parseOfficeXml(xml);
    if (tree === null) throw new Error('bad xml');
    const cells = docxToGrid(tree, 'x.docx').grid.rows.flat();
    expect(cells.map((c) => [c.text, c.col, c.colSpan])).toEqual([
      ['项目名称', MAX_SPAN, 1],
      ['甲', MAX_SPAN + 1, MAX_SPAN],
    ]);
  });

  it('reads gridSpan and vMerge restart/continue as spans, and paragraphs as outside lines', () => {
    const xml = doc(
      p('标题') +
        `<w:tbl><w:tr>${tc('A', '<w:gridSpan w:val="2"/>')}${tc('B', '<w:vMerge w:val="restart"/>')}</w:tr>` +
        `<w:tr>${tc('C')}${tc('D')}${tc('', '<w:vMerge/>')}</w:tr></w:tbl>` +
        p('备注'),
    );
    const tree = parseOfficeXml(xml);
    if (tree === null) throw new Error('bad xml');
    const { grid } = docxToGrid(tree, 'x.docx');
    const cells = grid.rows.map((row) => row.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan]));
    expect(cells).toEqual([
      [
        ['A', 0, 0, 1, 2],
        ['B', 0, 2, 2, 1],
      ],
      [
        ['C', 1, 0, 1, 1],
        ['D', 1, 1, 1, 1],
      ],
    ]);
    expect(grid.outside.map((l) => [l.text, l.beforeRow])).toEqual([
      ['标题', 0],
      ['备注', 2],
    ]);
  });

  const errorOf = async (bytes: Uint8Array): Promise<{ code: string; message: string }> => {
    const result = await importDocx(bytes, 'bad.docx');
    expect(result.forms).toEqual([]);
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.message).toContain('bad.docx');
    return { code: errors[0]?.code ?? '', message: errors[0]?.message ?? '' };
  };

  it('reports a file that is not a zip, a truncated zip, and a zip without document.xml', async () => {
    expect((await errorOf(strToU8('这不是 Word 文件'))).code).toBe('docx-not-zip');
    expect((await errorOf(seedDocx.subarray(0, Math.floor(seedDocx.length / 2)))).code).toBe('docx-corrupt');
    expect((await errorOf(zipSync({ 'word/styles.xml': strToU8('<x/>') }))).code).toBe('docx-no-document');
  });

  it('reports malformed XML and a document without tables', async () => {
    expect((await errorOf(docx('<w:document><w:body><w:p>'))).code).toBe('docx-bad-xml');
    expect((await errorOf(docx(`<!DOCTYPE x [<!ENTITY a "aaaa">]>${doc(p('&a;'))}`))).code).toBe('docx-bad-xml');
    const noTable = await errorOf(docx(doc(p('只有一段文字'))));
    expect(noTable.code).toBe('docx-no-table');
  });

  it('reads a form pasted into Word as paragraphs with the text importer, and says so', async () => {
    const seedText = readFileSync(new URL('fixtures/seed/pingshan-justice-2020.txt', root), 'utf8');
    const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const xml = doc(
      seedText
        .split('\n')
        .map((line) => p(escape(line)))
        .join(''),
    );
    const result = await importDocx(docx(xml), 'pasted.docx');
    expect(result.forms).toEqual(golden);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['grid-read-as-text', 'warning']]);
  });

  it('refuses zip bombs, whether their sizes are honest or lie', async () => {
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const bomb = zipSync({ 'word/document.xml': zeros }, { level: 6 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await errorOf(bomb)).code).toBe('docx-too-large');
    expect((await errorOf(lieAboutSizes(bomb, 1000))).code).toBe('docx-too-large');
  });

  it('cuts a gigantic cell with an error issue instead of failing', async () => {
    const huge = '字'.repeat(150_000);
    const xml = doc(`<w:tbl><w:tr>${tc('项目名称')}${tc(huge)}</w:tr></w:tbl>`);
    const result = await importDocx(docx(xml), 'huge.docx');
    const cut = result.issues.find((i) => i.code === 'cell-too-long');
    expect(cut?.severity).toBe('error');
    expect(cut?.message).toContain('huge.docx');
    expect(result.forms).toEqual([]);
  });
});

describe('readZipEntries', () => {
  it('stops inflating at the cap even when the declared size is small', () => {
    const bomb = lieAboutSizes(zipSync({ 'a.xml': new Uint8Array(5 * 1024 * 1024) }), 10);
    const limits = { maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024, maxRatio: 1000 };
    expect(readZipEntries(bomb, () => true, limits)).toMatchObject({ ok: false, problem: 'too-large' });
    const fine = zipSync({ 'a.xml': strToU8('<a/>') });
    const read = readZipEntries(fine, () => true, limits);
    expect(read.ok && strFromU8(read.files.get('a.xml') ?? new Uint8Array())).toBe('<a/>');
  });
});
