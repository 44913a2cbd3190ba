/**
 * Loads pdfjs-dist (legacy build, the one that runs on Node 20) once per process and opens
 * documents with the options every caller in this folder needs. The parsing half of pdf.js runs
 * in its own thread (pdfjs-thread.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { acquirePdfjsThread } from './pdfjs-thread.js';
import { RULE_OPERATORS } from './rule-operators.js';

type PdfjsModule = typeof Pdfjs;
export type PdfDocument = Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let pdfjsPromise: Promise<PdfjsModule> | undefined;

// The legacy build bundles core-js, which on Node 20 replaces built-ins process-wide with slow
// spec-edge-case polyfills: JSON.stringify became ~25× slower and Array.prototype.push ~2×
// slower for every module of the process, not just pdfjs. Node 20's own versions are what the
// modern pdfjs build uses, so they are put back once pdfjs has loaded. (The worker bundle, with
// polyfills of its own, is loaded in the pdf.js thread only.)
const RESTORED_BUILTINS: readonly (readonly [object, string])[] = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse'],
];

/**
 * `Uint8Array.prototype.toBase64` (TC39 proposal; options `alphabet`, `omitPadding`) by Node's own
 * Buffer encoder. Node 20 has none, and the legacy build's core-js installs one that builds the
 * string four characters at a time. pdf.js calls it on every embedded font program to make an
 * @font-face rule, which FONTLESS_DOCUMENT then drops: 14 ms of each import of the LibreOffice print
 * (≈ 6 %), and the same for any PDF that embeds its fonts, as Word and WPS exports do.
 */
export function bufferToBase64(this: Uint8Array, options?: { alphabet?: string; omitPadding?: boolean }): string {
  const url = options?.alphabet === 'base64url';
  const text = Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString(url ? 'base64url' : 'base64');
  if (options?.omitPadding === true) return url ? text : text.replace(/=+$/, '');
  return url ? text.padEnd(Math.ceil(text.length / 4) * 4, '=') : text;
}

async function importPdfjs(): Promise<PdfjsModule> {
  const saved = RESTORED_BUILTINS.map(
    ([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const,
  );
  const nativeToBase64 = 'toBase64' in Uint8Array.prototype;
  try {
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    for (const [owner, key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(owner, key, descriptor);
    }
    // Only in place of core-js' polyfill: a runtime with its own toBase64 keeps it.
    if (!nativeToBase64 && 'toBase64' in Uint8Array.prototype) {
      Object.defineProperty(Uint8Array.prototype, 'toBase64', {
        value: bufferToBase64,
        writable: true,
        configurable: true,
      });
    }
  }
}

/** The pdfjs module; the import (≈0.3–1 s with its worker) happens once per process. */
export function loadPdfjs(): Promise<PdfjsModule> {
  pdfjsPromise ??= importPdfjs();
  return pdfjsPromise;
}

let packageDir: string | undefined;

/** Directory of the installed pdfjs-dist package, for its CMaps and standard font data. */
function pdfjsPackageDir(): string {
  if (packageDir === undefined) {
    const require = createRequire(import.meta.url);
    packageDir = dirname(require.resolve('pdfjs-dist/package.json'));
  }
  return packageDir;
}

/**
 * Where pdfjs installs the fonts it would render with: a stand-in that accepts and drops the
 * @font-face rules. pdfjs' `ownerDocument` defaults to the DOM document, absent on Node, and then
 * it draws text itself and has its thread build an outline path for every glyph shown (with
 * `disableFontFace`, or as the fallback when installing a font fails) — 11% of that thread's time
 * on the LibreOffice print, all of it for rendering this importer never does.
 */
const FONTLESS_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

export interface PdfOpenOptions {
  /**
   * Decode the document's images. Off by default: the importer reads text and drawn lines, and
   * pdf.js decodes every image it meets while building a page's operator list (a seal image under
   * each form made a Chromium print of the seed up to 2× slower to import). Off, pdf.js leaves
   * images out of the operator list altogether (readPageGraphics counts none).
   */
  readonly images?: boolean;
}

/**
 * Opens a PDF from bytes, runs `use` on it and closes it. The bytes are copied because pdfjs
 * transfers the buffer it is given to its thread. Rejects with pdfjs' own exceptions
 * (InvalidPDFException, PasswordException, …) on bad input, which callers turn into import
 * issues, and with an Error if the pdf.js thread dies meanwhile.
 */
export async function withPdfDocument<T>(
  bytes: Uint8Array,
  use: (doc: PdfDocument) => Promise<T>,
  options: PdfOpenOptions = {},
): Promise<T> {
  const pdfjs = await loadPdfjs();
  const dir = pdfjsPackageDir();
  const thread = acquirePdfjsThread(RULE_OPERATORS.map((name) => pdfjs.OPS[name]));
  try {
    // pdfjs on Node reads these with fs when given file paths ending in a slash.
    const task = pdfjs.getDocument({
      // A copy, as a plain Uint8Array: pdf.js refuses Node Buffers (what readFile and uploads give),
      // and it transfers the buffer it is given to its thread.
      data: new Uint8Array(bytes),
      // pdfjs declares `port` as a web Worker; a Node MessagePort has the same postMessage and
      // addEventListener('message').
      worker: pdfjs.PDFWorker.create({ port: thread.port as never, verbosity: 0 }),
      cMapUrl: join(dir, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(dir, 'standard_fonts') + '/',
      disableFontFace: false,
      ownerDocument: FONTLESS_DOCUMENT,
      isEvalSupported: false,
      useSystemFonts: false,
      // pdf.js drops (and so never decodes) images of more pixels than this; -1 keeps them all.
      maxImageSize: options.images === true ? -1 : 0,
      verbosity: 0,
    });
    const reading = task.promise.then(
      async (doc) => {
        try {
          return await use(doc);
        } finally {
          await doc.destroy().catch(() => undefined);
        }
      },
      async (error: unknown) => {
        // Frees what the thread holds for a document it could not open.
        await task.destroy().catch(() => undefined);
        throw error;
      },
    );
    return await Promise.race([reading, thread.exited]);
  } finally {
    thread.release();
  }
}
