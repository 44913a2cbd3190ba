/**
 * Prints the template-family tables (test/support/family-tables.ts, from fixtures/real) in the
 * shapes real publishers print them, so that the PDF importer is tested on layouts other than the
 * seed's. Every PDF is made by an independent renderer (chromium, LibreOffice), never by us:
 *   fixtures/pdf/families/juesuan-2023.pdf     决算公开 document: header and `第 N 页 共 M 页` footer on
 *       every page, two unrelated money tables (收入支出决算总表, 财政拨款收入支出决算总表) first, then
 *       the 自评表 of families C, E, A and H, each after a heading, and 政府采购情况表 after them
 *       (chromium, A4 portrait)
 *   fixtures/pdf/families/a024-long.pdf        family A with 40 indicators and long wrapped names: the
 *       table runs over three pages, the header row is not repeated, footer `- N -` (chromium)
 *   fixtures/pdf/families/a024-long-thead.pdf  the same form as two tables, the indicator table's
 *       header row repeated on every page (`<thead>`), as spreadsheet print titles do (chromium)
 *   fixtures/pdf/families/landscape-small.pdf  families C (101) and B (026) on landscape pages in a 7 pt
 *       font (chromium)
 *   fixtures/pdf/families/h023-word.pdf        family H as a Word file printed by LibreOffice (HTML →
 *       .docx → PDF, so the PDF comes from LibreOffice's Word import and layout)
 *   fixtures/pdf/families/c101-excel.pdf       family C as an Excel sheet (exceljs, merged cells, thin
 *       borders, wrapped text) printed by LibreOffice Calc
 *   fixtures/pdf/families/a024-long-word.pdf   the 40-indicator form of a024-long-thead as a Word file
 *       printed by LibreOffice Writer (which does not repeat the heading row): Word's borders,
 *       closed on both sides of the page break
 *   fixtures/pdf/families/a024-long-excel.pdf  the 40-indicator form as an Excel sheet whose indicator
 *       header row is a print title (repeated on every page), printed by LibreOffice Calc
 *   fixtures/pdf/families/several-forms.pdf    forms A, B (027, no 项目名称), C and C one after another
 *       with no page break between them, C's 报表编号 above its title (chromium)
 *
 * Usage: node --import tsx scripts/pdf/make-family-pdfs.ts [name …]   (needs /usr/bin/chromium and soffice)
 *        names without .pdf (e.g. c101-excel); all fixtures when none is given. KEEP_WORK=1 keeps
 *        the intermediate .html/.docx/.xlsx files (the directory is printed).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { FamilyTable } from '../../test/support/family-tables.js';
import {
  A_024,
  B_026,
  B_027,
  C_101,
  E_022,
  H_023,
  linesHtml,
  longA024,
  tableHtml,
} from '../../test/support/family-tables.js';
import { launchChromium } from './print-html-to-pdf.js';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, 'fixtures/pdf/families');
const out = (name: string): string => join(outDir, name);

const style = (fontPt: number): string => `<style>
  body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: ${fontPt}pt; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; }
  td, th { border: 0.75pt solid #000; padding: 2pt 3pt; text-align: center; font-weight: normal; }
  h2 { font-size: ${fontPt + 4}pt; text-align: center; font-weight: normal; }
  h3 { font-size: ${fontPt + 2}pt; font-weight: normal; }
  .form { page-break-before: always; }
  .num td:nth-child(2n) { text-align: right; }
</style>`;

const doc = (fontPt: number, body: string): string =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${style(fontPt)}</head><body>${body}</body></html>`;

const form = (table: FamilyTable, heading = ''): string =>
  `<div class="form">${heading ? `<h3>${heading}</h3>` : ''}${linesHtml(table.lines)}${tableHtml(table.rows)}</div>`;

/** 收入支出决算总表: a money table of a 决算 document, unrelated to any 自评表. */
const INCOME_ROWS: string[][] = [
  ['收入', '<', '支出', '<'],
  ['项目', '决算数', '项目', '决算数'],
  ['一、一般公共预算财政拨款收入', '1,523.46', '一、一般公共服务支出', '286.12'],
  ['二、政府性基金预算财政拨款收入', '0.00', '二、公共安全支出', '1,032.57'],
  ['三、国有资本经营预算财政拨款收入', '0.00', '三、社会保障和就业支出', '98.31'],
  ['四、上级补助收入', '12.00', '四、卫生健康支出', '41.20'],
  ['五、事业收入', '0.00', '五、住房保障支出', '77.26'],
  ['六、其他收入', '3.52', '', ''],
  ['本年收入合计', '1,538.98', '本年支出合计', '1,535.46'],
  ['年初结转和结余', '25.10', '年末结转和结余', '28.62'],
  ['总计', '1,564.08', '总计', '1,564.08'],
];
const GRANT_ROWS: string[][] = [
  ['项目', '<', '本年收入', '本年支出', '<', '<'],
  ['^', '<', '^', '小计', '基本支出', '项目支出'],
  ['科目编码', '科目名称', '^', '^', '^', '^'],
  ['204', '公共安全支出', '1,032.57', '1,032.57', '812.40', '220.17'],
  ['20402', '公安', '1,032.57', '1,032.57', '812.40', '220.17'],
  ['2040201', '行政运行', '812.40', '812.40', '812.40', '0.00'],
  ['2040219', '信息化建设', '120.17', '120.17', '0.00', '120.17'],
  ['2040299', '其他公安支出', '100.00', '100.00', '0.00', '100.00'],
];

/** LibreOffice's HTML import ignores CSS cell borders: ruled tables need the attributes. */
const RULED = 'border="1" cellspacing="0" cellpadding="3"';

/** 政府采购情况表, printed after the forms. */
const PURCHASE_ROWS: string[][] = [
  ['采购项目', '采购方式', '预算金额', '合同金额'],
  ['执法记录仪', '公开招标', '120.00', '116.80'],
  ['办公设备', '询价', '35.00', '33.20'],
  ['合计', '<', '155.00', '150.00'],
];

const footerStyle = "font-family: 'Noto Sans CJK SC', sans-serif; font-size: 9pt; width: 100%; text-align: center;";

interface ChromiumJob {
  readonly html: string;
  readonly pdf: string;
  readonly landscape?: boolean;
  readonly header?: string;
  /** Footer HTML; `<span class="pageNumber">` and `totalPages` are filled in by chromium. */
  readonly footer?: string;
}

async function printWithChromium(jobs: readonly ChromiumJob[]): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const job of jobs) {
      await page.setContent(job.html, { waitUntil: 'load' });
      const furniture = job.header !== undefined || job.footer !== undefined;
      const pdf = await page.pdf({
        format: 'A4',
        landscape: job.landscape ?? false,
        printBackground: true,
        displayHeaderFooter: furniture,
        headerTemplate: `<div style="${footerStyle}">${job.header ?? ''}</div>`,
        footerTemplate: `<div style="${footerStyle}">${job.footer ?? ''}</div>`,
        margin: furniture
          ? { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' }
          : { top: '15mm', bottom: '15mm' },
      });
      writeFileSync(job.pdf, pdf);
    }
  } finally {
    await browser.close();
  }
}

/** Runs LibreOffice headless with a private profile so that it does not clash with other users. */
function soffice(work: string, args: readonly string[]): void {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', ...args, '--outdir', work],
    { stdio: 'inherit', timeout: 180_000 },
  );
}

/**
 * The family table as a worksheet: merged cells, thin borders, wrapped text; `lines` above it.
 * `titleRows` (sheet rows, 1-based, first and last) are printed again at the top of every page
 * (print titles, 顶端标题行).
 */
async function writeXlsx(table: FamilyTable, path: string, titleRows?: readonly [number, number]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('自评表', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  if (titleRows !== undefined) sheet.pageSetup.printTitlesRow = `${titleRows[0]}:${titleRows[1]}`;
  const width = Math.max(...table.rows.map((r) => r.length));
  // Columns as wide as a third of their longest single-column text, 8 to 30 units: wide enough
  // for names to wrap over a few lines, as a sheet laid out by hand.
  const unitsOf = (text: string): number =>
    Array.from(text).reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
  sheet.columns = Array.from({ length: width }, (_, c) => {
    const single = table.rows.filter((r) => r[c + 1] !== '<').map((r) => unitsOf(r[c] ?? ''));
    return { width: Math.min(30, Math.max(8, Math.ceil(Math.max(0, ...single) / 3))) };
  });
  for (const [i, line] of table.lines.entries()) {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, width);
    // 报表编号 at the left, the title centred and larger, as the Sichuan export prints them.
    const title = i === table.lines.length - 1;
    row.getCell(1).alignment = { horizontal: title ? 'center' : 'left' };
    if (title) {
      row.getCell(1).font = { size: 14 };
      row.height = 24;
    }
  }
  const first = sheet.rowCount + 1;
  table.rows.forEach((cells, r) => {
    const row = sheet.getRow(first + r);
    cells.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      if (text !== '<' && text !== '^') cell.value = text;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      const thin = { style: 'thin' as const };
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    });
  });
  table.rows.forEach((cells, r) => {
    cells.forEach((text, c) => {
      if (text === '<' || text === '^') return;
      let colSpan = 1;
      while (cells[c + colSpan] === '<') colSpan += 1;
      let rowSpan = 1;
      while (table.rows[r + rowSpan]?.[c] === '^') rowSpan += 1;
      if (colSpan > 1 || rowSpan > 1) {
        sheet.mergeCells(first + r, c + 1, first + r + rowSpan - 1, c + colSpan);
      }
    });
  });
  // exceljs computes no row heights and LibreOffice keeps the stored ones: give each row the
  // height of its longest wrapped text (a full-width character is about two width units).
  const widths = sheet.columns.map((c) => c.width ?? 10);
  table.rows.forEach((cells, r) => {
    let lines = 1;
    cells.forEach((text, c) => {
      if (text === '<' || text === '^') return;
      let span = 0;
      for (let k = c; k === c || cells[k] === '<'; k++) span += widths[k] ?? 10;
      const units = unitsOf(text);
      let rowSpan = 1;
      while (table.rows[r + rowSpan]?.[c] === '^') rowSpan += 1;
      lines = Math.max(lines, Math.ceil(units / Math.max(1, span * 0.8) / rowSpan) + text.split('\n').length - 1);
    });
    sheet.getRow(first + r).height = lines * 15 + 4;
  });
  writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
}

/** The HTML of the 40-indicator form as two tables, the indicator header in a repeated <thead>. */
function repeatedHeaderPage(attrs: string): string {
  const long = longA024(40);
  const split = long.rows.findIndex((r) => r[1] === '一级\n指标');
  const thead = `<thead><tr>${(long.rows[split] ?? [])
    .slice(1)
    .map((t) => `<th>${t.replace(/\n/g, '<br>')}</th>`)
    .join('')}</tr></thead>`;
  // The indicator table without the 年度绩效指标完成情况 column, whose label cannot span a <thead>.
  const indicatorRows = long.rows
    .slice(split + 1)
    .map((r) => (r[0] === '总分' ? r.slice(0, 1).concat(r.slice(2)) : r.slice(1)));
  const body = tableHtml(indicatorRows)
    .replace(/^<table>/, '')
    .replace(/<\/table>$/, '');
  const tables = `${tableHtml(long.rows.slice(0, split), attrs)}<table ${attrs}>${thead}<tbody>${body}</tbody></table>`;
  return doc(9, `${linesHtml(long.lines)}${tables}`);
}

/** Prints the HTML with LibreOffice Writer by way of a .docx (its Word import and layout). */
function printAsWord(work: string, name: string, html: string): void {
  writeFileSync(join(work, `${name}.html`), html);
  soffice(work, ['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', join(work, `${name}.html`)]);
  soffice(work, ['--convert-to', 'pdf:writer_pdf_Export', join(work, `${name}.docx`)]);
  copyFileSync(join(work, `${name}.pdf`), out(`${name}.pdf`));
}

/** Prints the table as an Excel sheet with LibreOffice Calc. */
async function printAsExcel(
  work: string,
  name: string,
  table: FamilyTable,
  titleRows?: readonly [number, number],
): Promise<void> {
  await writeXlsx(table, join(work, `${name}.xlsx`), titleRows);
  soffice(work, ['--convert-to', 'pdf:calc_pdf_Export', join(work, `${name}.xlsx`)]);
  copyFileSync(join(work, `${name}.pdf`), out(`${name}.pdf`));
}

const juesuanPage = (): string =>
  doc(
    10,
    `<h2>宣城市公安局2021年度部门决算</h2><h3>一、收入支出决算总表</h3><p>单位:万元</p>` +
      `<div class="num">${tableHtml(INCOME_ROWS)}</div>` +
      `<h3>二、财政拨款收入支出决算表</h3><p>单位:万元</p>${tableHtml(GRANT_ROWS)}` +
      form(C_101, '三、项目支出绩效自评表') +
      form(E_022) +
      form(A_024) +
      form(H_023) +
      `<h3>四、政府采购情况表</h3><p>单位:万元</p>${tableHtml(PURCHASE_ROWS)}`,
  );

/** Forms printed one after another in the flow of the text, with no page break between them. */
const flowing = (tables: readonly FamilyTable[]): string =>
  tables.map((t) => `${linesHtml(t.lines)}${tableHtml(t.rows)}`).join('');

const pageNumber = '- <span class="pageNumber"></span> -';

/** Each fixture by name and how it is printed. */
const FIXTURES: Record<string, (work: string) => Promise<void> | void> = {
  'juesuan-2023': () =>
    printWithChromium([
      {
        html: juesuanPage(),
        pdf: out('juesuan-2023.pdf'),
        header: '宣城市公安局2021年度部门决算公开',
        footer: '第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页',
      },
    ]),
  'a024-long': () =>
    printWithChromium([{ html: doc(9, form(longA024(40))), pdf: out('a024-long.pdf'), footer: pageNumber }]),
  'a024-long-thead': () =>
    printWithChromium([{ html: repeatedHeaderPage(''), pdf: out('a024-long-thead.pdf'), footer: pageNumber }]),
  'landscape-small': () =>
    printWithChromium([{ html: doc(7, form(C_101) + form(B_026)), pdf: out('landscape-small.pdf'), landscape: true }]),
  'several-forms': () =>
    printWithChromium([
      { html: doc(9, flowing([A_024, B_027, C_101, C_101])), pdf: out('several-forms.pdf'), footer: pageNumber },
    ]),
  'h023-word': (work) =>
    printAsWord(work, 'h023-word', doc(10, `${linesHtml(H_023.lines)}${tableHtml(H_023.rows, RULED)}`)),
  // The long form in Word. Its indicator header is marked as a repeated heading row (w:tblHeader,
  // from <thead>), but LibreOffice prints it once: the table breaks over two pages without it.
  'a024-long-word': (work) => printAsWord(work, 'a024-long-word', repeatedHeaderPage(RULED)),
  'c101-excel': (work) => printAsExcel(work, 'c101-excel', C_101),
  // The long form in Excel, its indicator header row a print title repeated on every page.
  'a024-long-excel': (work) => {
    const long = longA024(40);
    const header = long.lines.length + long.rows.findIndex((r) => r[1] === '一级\n指标') + 1;
    return printAsExcel(work, 'a024-long-excel', long, [header, header]);
  },
  // The same with the sheet's top rows as print titles (顶端标题行): title, year and 项目名称.
  'a024-long-excel-top': (work) => {
    const long = longA024(40);
    return printAsExcel(work, 'a024-long-excel-top', long, [1, long.lines.length + 1]);
  },
};

/** Makes the fixtures named on the command line (without .pdf), or all of them. */
async function main(names: readonly string[]): Promise<void> {
  const unknown = names.filter((n) => !(n in FIXTURES));
  if (unknown.length > 0)
    throw new Error(`unknown fixture ${unknown.join(', ')}; known: ${Object.keys(FIXTURES).join(', ')}`);
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'family-pdfs-'));
  try {
    for (const name of names.length > 0 ? names : Object.keys(FIXTURES)) {
      await FIXTURES[name]?.(work);
      console.log(`${name}.pdf: ${readFileSync(out(`${name}.pdf`)).length} bytes`);
    }
  } finally {
    if (process.env.KEEP_WORK === undefined) rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

await main(process.argv.slice(2));
