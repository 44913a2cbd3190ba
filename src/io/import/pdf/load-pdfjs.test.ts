import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPageImages, extractPdfGlyphs } from './extract-pdf-glyphs.js';
import { readPageGraphics, type Matrix } from './read-page-rules.js';
import { bufferToBase64, loadPdfjs, withPdfDocument } from './load-pdfjs.js';
import { acquirePdfjsThread } from './pdfjs-thread.js';

const root = process.cwd();
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(root, 'fixtures/pdf', name)));

describe('loadPdfjs', () => {
  it('leaves JSON and Array.prototype.push as they were (the legacy build polyfills them slowly)', async () => {
    const stringify = JSON.stringify;
    const parse = JSON.parse;
    const push = Array.prototype.push;
    const pdfjs = await loadPdfjs();
    expect(typeof pdfjs.getDocument).toBe('function');
    expect(JSON.stringify).toBe(stringify);
    expect(JSON.parse).toBe(parse);
    expect(Array.prototype.push).toBe(push);
  });

  it("encodes Uint8Array.prototype.toBase64 natively in place of core-js' polyfill", async () => {
    await loadPdfjs();
    const toBase64 = (Uint8Array.prototype as unknown as { toBase64?: unknown }).toBase64;
    // Node 20 has no toBase64 of its own; a later Node keeps its native one.
    if (process.versions.node.startsWith('20.')) expect(toBase64).toBe(bufferToBase64);
    else expect(typeof toBase64).toBe('function');
  });

  it('bufferToBase64 follows the proposal: RFC 4648 vectors, base64url, omitPadding, views', () => {
    const encode = (bytes: Uint8Array, options?: { alphabet?: string; omitPadding?: boolean }): string =>
      bufferToBase64.call(bytes, options);
    const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
    const vectors = ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((t) => encode(ascii(t)));
    expect(vectors).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
    const high = new Uint8Array([0xfb, 0xff]);
    expect(encode(high)).toBe('+/8=');
    expect(encode(high, { alphabet: 'base64url' })).toBe('-_8=');
    expect(encode(high, { alphabet: 'base64url', omitPadding: true })).toBe('-_8');
    expect(encode(high, { omitPadding: true })).toBe('+/8');
    // A view reads its own bytes, not its buffer's.
    expect(encode(ascii('xxfooxx').subarray(2, 5))).toBe('Zm9v');
  });

  it('imports pdfjs once per process', async () => {
    expect(await loadPdfjs()).toBe(await loadPdfjs());
  });
});

describe('withPdfDocument (pdf.js parses in a thread of its own)', () => {
  it('leaves the globals of this thread alone', async () => {
    const decompression = globalThis.DecompressionStream;
    const push = Array.prototype.push;
    expect(await withPdfDocument(fixture('dev-table.pdf'), async (doc) => Promise.resolve(doc.numPages))).toBe(2);
    expect(globalThis.DecompressionStream).toBe(decompression);
    expect(Array.prototype.push).toBe(push);
  });

  it('leaves images out unless asked for them, and countPageImages asks', async () => {
    const sealed = fixture('pingshan-justice-2020.sealed.pdf');
    // Page 2 ends the first form: a seal (JPEG) and a signature (PNG) under it.
    const imagesOf = (images: boolean) =>
      withPdfDocument(
        sealed,
        async (doc) => {
          const page = await doc.getPage(2);
          const view = page.getViewport({ scale: 1 }).transform as unknown as Matrix;
          return (await readPageGraphics(page, view)).imageCount;
        },
        { images },
      );
    expect(await imagesOf(false)).toBe(0);
    expect(await imagesOf(true)).toBe(2);
    expect(await countPageImages(sealed, [1, 2])).toEqual(
      new Map([
        [1, 0],
        [2, 2],
      ]),
    );
  });

  it('reads documents opened at the same time as it reads them one by one', async () => {
    const names = ['dev-table.pdf', 'pingshan-justice-2020.libreoffice.pdf', 'borderless.pdf'];
    const alone: unknown[] = [];
    for (const name of names) alone.push(await extractPdfGlyphs(fixture(name)));
    expect(await Promise.all(names.map((name) => extractPdfGlyphs(fixture(name))))).toEqual(alone);
  });

  it('rejects with pdfjs’ exception on bad input and still serves the next document', async () => {
    await expect(withPdfDocument(fixture('encrypted.pdf'), async () => Promise.resolve(0))).rejects.toMatchObject({
      name: 'PasswordException',
    });
    expect(await withPdfDocument(fixture('dev-table.pdf'), async (doc) => Promise.resolve(doc.numPages))).toBe(2);
  });

  it('rejects instead of hanging when the thread dies, and starts a new thread for the next document', async () => {
    let exit: Promise<string> = Promise.resolve('not held');
    const reading = withPdfDocument(fixture('pingshan-justice-2020.pdf'), async (doc) => {
      // An action the pdf.js worker does not know makes it throw outside any request: the thread exits.
      // The thread is running already (this document): the operators to keep are not used.
      const hold = acquirePdfjsThread([]);
      exit = hold.exited.then(
        () => 'resolved',
        () => 'rejected',
      );
      hold.port.postMessage({ sourceName: 'main', targetName: 'worker', action: 'NoSuchAction', data: null });
      const page = await doc.getPage(1);
      return page.getTextContent();
    });
    await expect(reading).rejects.toThrow(/pdf\.js worker thread exited/);
    // Held until the thread's exit event (not only the document's rejection): the next document
    // then gets a fresh thread.
    expect(await exit).toBe('rejected');
    expect(await withPdfDocument(fixture('dev-table.pdf'), async (doc) => Promise.resolve(doc.numPages))).toBe(2);
  });

  it('does not keep a process alive once its documents are closed', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { importPdf } from './src/io/import/pdf/import-pdf.ts';
      const result = await importPdf(new Uint8Array(readFileSync('fixtures/pdf/dev-table.pdf')), 'dev-table.pdf');
      console.log(result.issues.length >= 0 ? 'done' : '');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('done');
    expect(child.status).toBe(0);
  }, 70_000);
});
