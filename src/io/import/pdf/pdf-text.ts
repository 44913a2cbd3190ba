/**
 * Plain text of PDF pages as the importer sees it (lines in reading order, look-alike radicals
 * restored), for cross-checks against `pdftotext -layout` in benchmarks and for debugging.
 */
import { assembleLines } from './assemble-lines.js';
import type { PdfPageContent } from './extract-pdf-glyphs.js';

/** One line of text per visual line, pages separated by a form feed like pdftotext. */
export function pdfPagesToText(pages: readonly PdfPageContent[]): string {
  return pages
    .map((page) =>
      assembleLines(page.runs)
        .map((l) => l.text)
        .join('\n'),
    )
    .join('\n\f');
}
