/**
 * Loads pdfjs-dist (legacy build, the one that runs on Node 20) once per process and opens
 * documents with the options every caller in this folder needs.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfjsModule = typeof Pdfjs;
export type PdfDocument = Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let pdfjsPromise: Promise<PdfjsModule> | undefined;

// The legacy build bundles core-js, which on Node 20 replaces built-ins process-wide with slow
// spec-edge-case polyfills: JSON.stringify became ~25× slower and Array.prototype.push ~2×
// slower for every module of the process, not just pdfjs. Node 20's own versions are what the
// modern pdfjs build uses, so they are put back once pdfjs has loaded.
const RESTORED_BUILTINS: readonly (readonly [object, string])[] = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse'],
];

/** Held in a variable because the worker bundle ships no type declarations. */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

async function importPdfjs(): Promise<PdfjsModule> {
  const saved = RESTORED_BUILTINS.map(
    ([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const,
  );
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Loading the worker code now (it sets globalThis.pdfjsWorker, which pdfjs then runs in this
    // thread) keeps its polyfills inside this window and its cost out of the first document.
    await import(WORKER_MODULE);
    return pdfjs;
  } finally {
    for (const [owner, key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(owner, key, descriptor);
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
 * Opens a PDF from bytes. The bytes are copied because pdfjs may detach the buffer it is given.
 * Rejects with pdfjs' own exceptions (InvalidPDFException, PasswordException, …) on bad input;
 * callers turn those into import issues.
 */
export async function openPdfDocument(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  const dir = pdfjsPackageDir();
  // pdfjs on Node reads these with fs when given file paths ending in a slash.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  return task.promise;
}
