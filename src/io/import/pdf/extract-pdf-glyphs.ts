/**
 * Reads the text layer and the drawn lines of PDF pages with pdfjs: the raw material of the
 * table reconstruction in pdf-to-grid.ts, and a cheap text dump for benchmarks and cross-checks.
 */
import type { PdfPage } from './load-pdfjs.js';
import { openPdfDocument } from './load-pdfjs.js';
import { restoreIdeographs } from './look-alike-ideographs.js';
import type { PdfRule } from './read-page-rules.js';
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
  readonly imageCount: number;
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

/** Reads one page's text runs (whitespace-only runs dropped) and graphics. */
export async function readPdfPage(page: PdfPage): Promise<PdfPageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const view = asMatrix(viewport.transform) ?? [1, 0, 0, -1, 0, viewport.height];
  const content = await page.getTextContent();
  const runs: PdfTextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const text = normalizePdfText(item.str);
    if (text.trim() === '') continue;
    const t = item.transform as number[];
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height;
    const [a, b, c, d, e, f] = view;
    const x0 = t[4] ?? 0;
    const y0 = t[5] ?? 0;
    runs.push({ text, x: a * x0 + c * y0 + e, y: b * x0 + d * y0 + f, width: item.width, size });
  }
  const { rules, imageCount } = await readPageGraphics(page, view);
  return { page: page.pageNumber, width: viewport.width, height: viewport.height, runs, rules, imageCount };
}

/**
 * Text runs and rules of every page (at most `maxPages`, default 2000) of a PDF.
 * Rejects with pdfjs' exception when the bytes are not a readable PDF (corrupt, encrypted …);
 * importPdf is the non-throwing entry point.
 */
export async function extractPdfGlyphs(bytes: Uint8Array, maxPages = 2000): Promise<PdfPageContent[]> {
  const doc = await openPdfDocument(bytes);
  try {
    const pages: PdfPageContent[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
      const page = await doc.getPage(n);
      pages.push(await readPdfPage(page));
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
