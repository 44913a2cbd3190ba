/**
 * Reads the text layer and the drawn lines of PDF pages with pdfjs: the raw material of the
 * table reconstruction in pdf-to-grid.ts, and a cheap text dump for benchmarks and cross-checks.
 */
import type { PdfDocument, PdfPage } from './load-pdfjs.js';
import { withPdfDocument } from './load-pdfjs.js';
import { restoreIdeographs } from '../look-alike-ideographs.js';
import { textRunsOf } from './pdfjs-thread.js';
import type { Matrix, PdfRule } from './read-page-rules.js';
import { asMatrix, readPageGraphics } from './read-page-rules.js';

/** A run of text drawn in one go, in top-down page coordinates (points). */
export interface PdfTextRun {
  readonly text: string;
  /** Left edge of the run. */
  readonly x: number;
  /** Baseline, measured from the top of the page. */
  readonly y: number;
  readonly width: number;
  /** Font size (em height). */
  readonly size: number;
}

export interface PdfPageContent {
  /** 1-based page number. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly runs: PdfTextRun[];
  readonly rules: PdfRule[];
}

/**
 * pdf.js' own text normalisation (`normalizeUnicode` in pdfjs-dist 5.6.205: NFKC of no-break and
 * typographic spaces, ligatures, Hebrew and Arabic presentation forms …), done here on the main
 * thread, which is mostly idle, instead of on every text item in the pdf.js thread
 * (`disableNormalization` below). pdf.js normalises before its bidi reordering, this after: the
 * same text except for right-to-left runs with presentation-form ligatures.
 */
const PDFJS_NORMALIZED =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;

export function normalizeLikePdfjs(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Every character PDFJS_NORMALIZED matches is at or above U+00A0; most text has none.
    if (code >= 0xa0 && (code <= 0x0eb3 || (code >= 0x2000 && code <= 0x2126) || code >= 0xfb00)) {
      PDFJS_NORMALIZED.lastIndex = 0;
      return text.replace(PDFJS_NORMALIZED, (_match, run: string | undefined, st: string | undefined) =>
        run !== undefined ? run.normalize('NFKC') : 'ſt'.repeat(st?.length ?? 0),
      );
    }
  }
  return text;
}

/** Control characters, soft hyphen and BOM: invisible debris of some producers' ToUnicode maps. */
function isInvisible(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f || code === 0xad || code === 0xfeff;
}

/** Text as a person reads it: look-alike radicals replaced, control characters removed. */
export function normalizePdfText(text: string): string {
  const restored = restoreIdeographs(text);
  for (let i = 0; i < restored.length; i++) {
    if (isInvisible(restored.charCodeAt(i))) {
      return Array.from(restored)
        .filter((ch) => !isInvisible(ch.charCodeAt(0)))
        .join('');
    }
  }
  return restored;
}

/** The page's transform from PDF user space to top-down points, and its size. */
function pageView(page: PdfPage): { view: Matrix; width: number; height: number } {
  const viewport = page.getViewport({ scale: 1 });
  const view = asMatrix(viewport.transform) ?? [1, 0, 0, -1, 0, viewport.height];
  return { view, width: viewport.width, height: viewport.height };
}

/** Reads one page's text runs (whitespace-only runs dropped) and graphics. */
export async function readPdfPage(page: PdfPage): Promise<PdfPageContent> {
  const { view, width, height } = pageView(page);
  // Both requests go to the pdf.js thread at once, so that it never waits for the main thread.
  const [runs, { rules }] = await Promise.all([readTextRuns(page, view), readPageGraphics(page, view)]);
  return { page: page.pageNumber, width, height, runs, rules };
}

/**
 * The page's text runs in page coordinates. Read from pdf.js' text-content stream rather than
 * getTextContent, whose chunks the pdf.js thread packs (pdfjs-thread.ts, textRunsOf).
 */
async function readTextRuns(page: PdfPage, view: Matrix): Promise<PdfTextRun[]> {
  const [a, b, c, d, e, f] = view;
  const runs: PdfTextRun[] = [];
  for await (const chunk of page.streamTextContent({
    disableNormalization: true,
  }) as unknown as AsyncIterable<unknown>) {
    for (const item of textRunsOf(chunk)) {
      const text = normalizePdfText(normalizeLikePdfjs(item.str));
      if (text.trim() === '') continue;
      const size = Math.hypot(item.c, item.d) || item.height;
      runs.push({ text, x: a * item.e + c * item.f + e, y: b * item.e + d * item.f + f, width: item.width, size });
    }
  }
  return runs;
}

/** One page read by readPdfPages: its content, or the error that kept it from being read. */
export type PdfPageResult =
  { readonly page: number; readonly content: PdfPageContent } | { readonly page: number; readonly error: unknown };

/**
 * Pages requested ahead of the one being handed out. pdfjs streams a page's text and operators
 * with back-pressure (the thread waits for the main thread to take each chunk of operators), so
 * with several pages in flight the pdf.js thread has other work while one stream waits.
 */
const PAGES_AHEAD = 3;

/**
 * Reads pages 1…`count` of a document in order, requesting up to PAGES_AHEAD pages ahead of the
 * one handed out, so that the pdf.js thread parses while the caller works.
 */
export async function* readPdfPages(doc: PdfDocument, count: number): AsyncGenerator<PdfPageResult> {
  const read = (n: number): Promise<PdfPageContent> => {
    const reading = doc.getPage(n).then(async (page) => {
      const content = await readPdfPage(page);
      page.cleanup();
      return content;
    });
    // Awaited below, or dropped with its document when the caller stops early.
    reading.catch(() => undefined);
    return reading;
  };
  const inFlight: Promise<PdfPageContent>[] = [];
  let requested = 0;
  for (let n = 1; n <= count; n++) {
    while (requested < Math.min(count, n + PAGES_AHEAD)) inFlight.push(read(++requested));
    const current = inFlight.shift();
    if (current === undefined) break;
    let result: PdfPageResult;
    try {
      result = { page: n, content: await current };
    } catch (error) {
      result = { page: n, error };
    }
    yield result;
  }
}

/**
 * How many images each of `pageNumbers` paints, the document opened again with its images kept:
 * the import skips them (PdfOpenOptions), and only a page without text needs them counted (is it
 * a scanned page?). Pages that cannot be read count 0.
 */
export async function countPageImages(bytes: Uint8Array, pageNumbers: readonly number[]): Promise<Map<number, number>> {
  return withPdfDocument(
    bytes,
    async (doc) => {
      const counts = new Map<number, number>();
      for (const n of pageNumbers) {
        try {
          const page = await doc.getPage(n);
          counts.set(n, (await readPageGraphics(page, pageView(page).view)).imageCount);
        } catch {
          counts.set(n, 0);
        }
      }
      return counts;
    },
    { images: true },
  );
}

/**
 * Text runs and rules of every page (at most `maxPages`, default 2000) of a PDF.
 * Rejects with pdfjs' exception when the bytes are not a readable PDF (corrupt, encrypted …);
 * importPdf is the non-throwing entry point.
 */
export async function extractPdfGlyphs(bytes: Uint8Array, maxPages = 2000): Promise<PdfPageContent[]> {
  return withPdfDocument(bytes, async (doc) => {
    const pages: PdfPageContent[] = [];
    for await (const result of readPdfPages(doc, Math.min(doc.numPages, maxPages))) {
      if ('error' in result) throw result.error;
      pages.push(result.content);
    }
    return pages;
  });
}
