/**
 * Makes the PDF importer's test fixtures with independent tools, so that the importer is never
 * tested on PDFs it wrote itself:
 *   fixtures/pdf/pingshan-justice-2020.pdf              chromium print of fixtures/html/…html
 *   fixtures/pdf/dev-table.pdf                          chromium print of fixtures/pdf/dev-table.html
 *   fixtures/pdf/scanned-like.pdf                       a screenshot (JPEG) of the form, printed: no text layer
 *   fixtures/pdf/pingshan-justice-2020.sealed.pdf       chromium print of the seed with a seal image (JPEG) and a
 *       signature image (PNG) under every form, as published forms carry them
 *   fixtures/pdf/pingshan-justice-2020.libreoffice.pdf  LibreOffice Writer print of the same HTML, with
 *       `border="1"` on its tables: LibreOffice's HTML import ignores CSS cell borders (so does
 *       fixtures/docx/…docx, whose cells have empty w:tcBorders) and official forms are ruled
 *   fixtures/pdf/encrypted.pdf                          LibreOffice export of dev-table.html with an open password
 *   fixtures/pdf/borderless.pdf                         LibreOffice export of dev-table.html: its HTML import
 *       drops CSS borders, so the table has no drawn lines
 * Truncated and corrupt variants are cut from these in the tests themselves.
 *
 * Usage: node --import tsx scripts/pdf/make-pdf-fixtures.ts [sealed]   (needs /usr/bin/chromium, soffice;
 *        `sealed` makes only the sealed print)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, printHtmlToPdf } from './print-html-to-pdf.js';

const root = resolve(import.meta.dirname, '../..');
const out = (name: string): string => join(root, 'fixtures/pdf', name);

/** A JPEG screenshot of the first form, wrapped in a page that shows only that image. */
async function makeScannedLike(work: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 420, height: 594 } });
    await page.goto(pathToFileURL(join(root, 'fixtures/html/pingshan-justice-2020.html')).href);
    const jpeg = await page.screenshot({ type: 'jpeg', quality: 25 });
    const html = `<!doctype html><html><body style="margin:0"><img style="width:100%" src="data:image/jpeg;base64,${jpeg.toString('base64')}"></body></html>`;
    writeFileSync(join(work, 'scanned-like.html'), html);
  } finally {
    await browser.close();
  }
  await printHtmlToPdf([[join(work, 'scanned-like.html'), out('scanned-like.pdf')]]);
}

/**
 * The seed with two images under each form, drawn by chromium and captured as a JPEG (a red seal)
 * and a PNG (a signature): a published form's seal and signature are images, which the importer
 * must not spend its time decoding.
 */
async function makeSealed(work: string): Promise<void> {
  const browser = await launchChromium();
  const images: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 800 } });
    await page.setContent(
      '<body style="margin:0"><div style="box-sizing:border-box;width:800px;height:800px;border:40px solid #d00;' +
        'border-radius:50%;display:flex;align-items:center;justify-content:center;color:#d00;font:bold 120px sans-serif">' +
        '★ 公章</div></body>',
    );
    images.push(`data:image/jpeg;base64,${(await page.screenshot({ type: 'jpeg', quality: 80 })).toString('base64')}`);
    await page.setContent('<body style="margin:0;font:italic 200px serif;color:#124">张 三</body>');
    images.push(`data:image/png;base64,${(await page.screenshot({ type: 'png' })).toString('base64')}`);
  } finally {
    await browser.close();
  }
  const tags = images.map((src) => `<img src="${src}" style="width:35mm;height:35mm">`).join('');
  const html = readFileSync(join(root, 'fixtures/html/pingshan-justice-2020.html'), 'utf8').replaceAll(
    '</section>',
    `<p style="text-align:right">${tags}</p></section>`,
  );
  writeFileSync(join(work, 'sealed.html'), html);
  await printHtmlToPdf([[join(work, 'sealed.html'), out('pingshan-justice-2020.sealed.pdf')]]);
}

/** Runs LibreOffice headless with a private profile so that it does not clash with other users. */
function soffice(work: string, filter: string, input: string): void {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--infilter=HTML (StarWriter)',
      '--convert-to',
      filter,
      '--outdir',
      work,
      input,
    ],
    { stdio: 'inherit', timeout: 180_000 },
  );
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'pdf-fixtures-'));
  try {
    await printHtmlToPdf([
      [join(root, 'fixtures/html/pingshan-justice-2020.html'), out('pingshan-justice-2020.pdf')],
      [join(root, 'fixtures/pdf/dev-table.html'), out('dev-table.pdf')],
    ]);
    await makeScannedLike(work);
    await makeSealed(work);
    const html = readFileSync(join(root, 'fixtures/html/pingshan-justice-2020.html'), 'utf8');
    writeFileSync(
      join(work, 'ruled.html'),
      html.replaceAll('<table>', '<table border="1" cellspacing="0" cellpadding="3">'),
    );
    soffice(work, 'pdf:writer_pdf_Export', join(work, 'ruled.html'));
    copyFileSync(join(work, 'ruled.pdf'), out('pingshan-justice-2020.libreoffice.pdf'));
    const encrypt =
      'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"jixiao"}}';
    soffice(work, encrypt, join(root, 'fixtures/pdf/dev-table.html'));
    copyFileSync(join(work, 'dev-table.pdf'), out('encrypted.pdf'));
    soffice(work, 'pdf:writer_pdf_Export', join(root, 'fixtures/pdf/dev-table.html'));
    copyFileSync(join(work, 'dev-table.pdf'), out('borderless.pdf'));
    for (const name of [
      'pingshan-justice-2020.pdf',
      'dev-table.pdf',
      'scanned-like.pdf',
      'pingshan-justice-2020.sealed.pdf',
      'pingshan-justice-2020.libreoffice.pdf',
      'encrypted.pdf',
      'borderless.pdf',
    ]) {
      console.log(`${name}: ${readFileSync(out(name)).length} bytes`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'sealed') {
  const work = mkdtempSync(join(tmpdir(), 'pdf-fixtures-'));
  await makeSealed(work).finally(() => rmSync(work, { recursive: true, force: true }));
} else await main();
