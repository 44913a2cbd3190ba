/**
 * Prints HTML files to PDF with the product's PDF printer (src/io/export/pdf/pdf-printer.ts:
 * Debian's chromium through playwright-core, one browser for all files). Chromium is an
 * independent renderer for the PDF importer, which never reads the printer's code.
 *
 * Usage: node --import tsx scripts/pdf/print-html-to-pdf.ts <in.html> <out.pdf> [<in.html> <out.pdf> …]
 * Exit code 1 with a message when chromium is missing or a file cannot be printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath, launchChromium, openPdfPrinter } from '../../src/io/export/pdf/pdf-printer.js';

/** Starts Debian's chromium headless (re-exported for fixtures that need a page, e.g. screenshots). */
export { launchChromium };

/**
 * Prints each `[htmlPath, pdfPath]` pair as A4 with backgrounds; one browser for all. The HTML is
 * printed without JavaScript or network, so it must be self-contained (images as data: URLs).
 */
export async function printHtmlToPdf(pairs: readonly (readonly [string, string])[]): Promise<void> {
  const printer = await openPdfPrinter();
  try {
    for (const [html, pdf] of pairs) {
      writeFileSync(resolve(pdf), await printer.print(readFileSync(resolve(html), 'utf8')));
      console.log(`printed ${html} -> ${pdf}`);
    }
  } finally {
    await printer.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 0 || argv.length % 2 !== 0) {
    console.error('usage: print-html-to-pdf.ts <in.html> <out.pdf> [<in.html> <out.pdf> …]');
    return 1;
  }
  try {
    chromiumPath();
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const pairs: [string, string][] = [];
  for (let i = 0; i < argv.length; i += 2) pairs.push([argv[i] ?? '', argv[i + 1] ?? '']);
  await printHtmlToPdf(pairs);
  return 0;
}

const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(resolve(invoked)).href) {
  process.exitCode = await main(process.argv.slice(2));
}
