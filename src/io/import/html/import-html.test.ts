import { readFileSync } from 'node:fs';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { formSchema } from '../../../domain/form/form.schema.js';
import { findLostText } from '../grid/find-lost-text.js';
import { gridToForms } from '../grid/grid-to-forms.js';
import { classifyText } from '../detect-format.js';
import { importBytes } from '../import-file.js';
import { htmlToGrid } from './html-to-grid.js';
import { importHtml } from './import-html.js';

const root = new URL('../../../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const seedHtml = read('fixtures/html/pingshan-justice-2020.html');
const golden = formSchema.array().parse(JSON.parse(read('fixtures/seed/pingshan-justice-2020.golden.json')));
const grid = (html: string) => htmlToGrid(parse(html), 'page.html').grid;

describe('importHtml', () => {
  it('imports the seed as a web page (rowspan, colspan, <br>) exactly as the golden forms', async () => {
    const result = await importHtml(seedHtml, 'seed.html');
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual(golden);
  });

  it('loses no text of the seed page', () => {
    const g = grid(seedHtml);
    expect(findLostText(g, gridToForms(g))).toEqual([]);
  });

  it('reads the form inside a site’s layout table as a table, and its navigation and footer as text', async () => {
    const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(seedHtml)?.[1] ?? '';
    const page = `<html><head><meta charset="utf-8"></head><body><table width="100%">
      <tr><td><div>首页 &gt; 信息公开</div></td></tr><tr><td>${body}</td></tr><tr><td>版权所有 坪山区</td></tr>
    </table></body></html>`;
    const result = await importHtml(page, 'site.html');
    expect(result.forms).toEqual(golden);
    expect(result.issues.map((i) => [i.code, i.raw])).toEqual([
      ['grid-unplaced-text', '首页 > 信息公开'],
      ['grid-unplaced-text', '版权所有 坪山区'],
    ]);
    const g = grid(page);
    expect(findLostText(g, gridToForms(g))).toEqual([]);
  });

  it('keeps a 备注 the filler wrote, which is not the template notes, in extras', async () => {
    const from = seedHtml.indexOf('<p class="note">备注');
    const to = seedHtml.indexOf('</section>', from);
    const page = `${seedHtml.slice(0, from)}<p class="note">备注：资金已于12月全部拨付。</p>${seedHtml.slice(to)}`;
    const result = await importHtml(page, 'remark.html');
    expect(result.forms[0]?.extras).toEqual({ 备注: '资金已于12月全部拨付。' });
    expect(result.forms.slice(1)).toEqual(golden.slice(1));
  });

  it('places cells as a browser lays them out: rowspan, colspan, nested tables, hidden text', () => {
    const g = grid(`<html><head><title>t</title><style>td{}</style></head><body>
      <h1>2020年度 项目支出绩效自评表</h1><p>填报单位&nbsp;：甲<script>var x = 1;</script></p>
      <table>
        <tr><td rowspan="2">产出指标</td><td colspan="2">数量<br>指标</td></tr>
        <tr><td>A</td><td><table><tr><td>内</td><td>表</td></tr></table></td></tr>
        <tr><td>X</td><td rowspan="9">到表尾</td><td style="display: none">隐藏列</td></tr>
        <tr style="display:none"><td>隐藏行</td></tr>
      </table><div>备注：无</div></body></html>`);
    const cells = g.rows.map((row) => row.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]));
    expect(cells).toEqual([
      [
        [0, 0, 2, 1, '产出指标'],
        [0, 1, 1, 2, '数量\n指标'],
      ],
      [
        [1, 1, 1, 1, 'A'],
        [1, 2, 1, 1, '内\n表'],
      ],
      [
        [2, 0, 1, 1, 'X'],
        [2, 1, 1, 1, '到表尾'],
      ],
    ]);
    expect(g.outside.map((l) => [l.text, l.beforeRow])).toEqual([
      ['2020年度 项目支出绩效自评表', 0],
      ['填报单位 ：甲', 0],
      ['备注：无', 3],
    ]);
  });

  it('reads a form written as paragraphs with the text importer, and says so', async () => {
    const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const lines = read('fixtures/seed/pingshan-justice-2020.txt').split('\n');
    const result = await importHtml(
      `<html><body>${lines.map((l) => `<p>${escape(l)}</p>`).join('')}</body></html>`,
      'p.html',
    );
    expect(result.forms).toEqual(golden);
    expect(result.issues.map((i) => i.code)).toEqual(['grid-read-as-text']);
  });

  it('survives a page nested 20,000 elements deep', async () => {
    const deep = `<html><body>${'<div>'.repeat(20_000)}项目名称${'</div>'.repeat(20_000)}</body></html>`;
    const result = await importHtml(deep, 'deep.html');
    expect(result.forms).toEqual([]);
    expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
  });
});

describe('HTML through importBytes', () => {
  it('is told from text by its markup or its name, and decoded from GBK like text', async () => {
    expect(classifyText('<!DOCTYPE html><html><body>x</body></html>', 'a.txt')).toBe('html');
    expect(classifyText('  <table><tr><td>项目名称</td></tr></table>', 'a')).toBe('html');
    expect(classifyText('<b>项目名称</b>', 'page.htm')).toBe('html');
    expect(classifyText('<注> 项目名称 社区矫正', 'a.txt')).toBe('text');
    // 项目支出绩效自评表 in GBK, written out by hand so the test does not depend on an encoder.
    const gbkTitle = [207, 238, 196, 191, 214, 167, 179, 246, 188, 168, 208, 167, 215, 212, 198, 192, 177, 237];
    const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
    const bytes = new Uint8Array([...ascii('<html><body><p>'), ...gbkTitle, ...ascii('</p></body></html>')]);
    const result = await importBytes(bytes, 'gbk.html');
    expect(result.format).toBe('html');
    expect(result.issues[0]?.message).toContain('GB18030');
    expect(JSON.stringify(result.issues)).toContain('项目支出绩效自评表');
  });

  it('imports the seed page from bytes', async () => {
    const result = await importBytes(new TextEncoder().encode(seedHtml), 'seed.html');
    expect(result.format).toBe('html');
    expect(result.forms).toEqual(golden);
  });

  it('names the attachments of a page that links its form instead of showing it', async () => {
    const page = `<html><body><h3>关于公开2022年度项目支出绩效自评结果的通知</h3>
      <p>附件：<a href="/upload/2022/zp1.pdf">1.禁毒经费项目支出绩效自评表.pdf</a></p>
      <p><a href="/download?id=502364&amp;siteId=2">2.委托业务项目自评表.xlsx</a></p>
      <p><a href="/upload/2022/zp1.pdf">1.禁毒经费项目支出绩效自评表.pdf</a> <a href="/news/2.html">下一篇</a></p>
      <iframe src="/viewer/zp3.docx?v=1"></iframe></body></html>`;
    const result = await importHtml(page, 'notice.html');
    expect(result.forms).toEqual([]);
    const links = result.issues.find((i) => i.code === 'html-attachment-links');
    expect(links?.severity).toBe('warning');
    expect(links?.message).toContain('3 个附件');
    expect(links?.raw?.split('\n')).toEqual([
      '1.禁毒经费项目支出绩效自评表.pdf /upload/2022/zp1.pdf',
      '2.委托业务项目自评表.xlsx /download?id=502364&siteId=2',
      '/viewer/zp3.docx?v=1',
    ]);
    // A page that shows its form says nothing of the links beside it.
    const seedPage = read('fixtures/html/pingshan-justice-2020.html').replace(
      '</body>',
      '<a href="/a.pdf">原件.pdf</a></body>',
    );
    const shown = await importHtml(seedPage, 'seed.html');
    expect(shown.forms).toHaveLength(6);
    expect(shown.issues.map((i) => i.code)).not.toContain('html-attachment-links');
  });
});
