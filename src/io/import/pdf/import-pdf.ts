/**
 * PDF importer: reads the text layer and drawn table lines with pdfjs, rebuilds the tables as a
 * Grid (pdf-to-grid.ts) and lets the shared grid mapper turn them into canonical forms. Bad input
 * (not a PDF, truncated, encrypted, scanned, too many pages) becomes error issues, never a throw.
 */
import type { ImportIssue, ImportResult } from '../import-result.js';
import { gridToForms } from '../grid/grid-to-forms.js';
import type { PdfPageContent } from './extract-pdf-glyphs.js';
import { countPageImages, readPdfPages } from './extract-pdf-glyphs.js';
import type { PdfDocument } from './load-pdfjs.js';
import { withPdfDocument } from './load-pdfjs.js';
import { inflatedSize, MAX_INFLATED_BYTES } from './inflated-size.js';
import { pdfToGrid } from './pdf-to-grid.js';
import { pdfPagesToText } from './pdf-text.js';
import { looksUnmapped, unmappedTextIssue } from './unmapped-text.js';

/** More pages than this and the file is refused: no form file is that long, and time must stay bounded. */
export const MAX_PDF_PAGES = 2000;
/** Reading stops after this many milliseconds; the pages read so far are still imported. */
export const PDF_TIME_LIMIT_MS = 120_000;

function issue(
  file: string,
  code: string,
  severity: ImportIssue['severity'],
  message: string,
  location: string | null = null,
  raw: string | null = null,
): ImportIssue {
  return { file, code, severity, message, location, raw };
}

/** pdfjs signals bad input with exceptions named by kind; the message goes into `raw`. */
function openFailure(file: string, error: unknown): ImportIssue {
  const name = error instanceof Error ? error.name : '';
  const raw = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return issue(
      file,
      'pdf-encrypted',
      'error',
      'PDF 已加密，需要密码才能打开。请解除密码保护（或另存为不加密的 PDF）后再导入。',
      null,
      raw,
    );
  }
  return issue(
    file,
    'pdf-unreadable',
    'error',
    'PDF 文件已损坏或格式无效，无法读取。请重新导出或获取原始文件后再导入。',
    null,
    raw,
  );
}

/** Whether the PDF end-of-file marker is present; without it the file was cut off. */
function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

function startsAsPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** Reads the pages in order; a page that fails is reported and skipped. */
async function readPages(doc: PdfDocument, file: string, issues: ImportIssue[]): Promise<PdfPageContent[]> {
  const started = Date.now();
  const pages: PdfPageContent[] = [];
  for await (const result of readPdfPages(doc, doc.numPages)) {
    const n = result.page;
    if (Date.now() - started > PDF_TIME_LIMIT_MS) {
      issues.push(
        issue(file, 'pdf-time-limit', 'error', `读取 PDF 超时，第${n}页及以后未导入。请拆分文件后再导入。`, `第${n}页`),
      );
      break;
    }
    if ('content' in result) {
      pages.push(result.content);
      continue;
    }
    const raw = result.error instanceof Error ? result.error.message : String(result.error);
    issues.push(
      issue(file, 'pdf-page-unreadable', 'error', `第${n}页无法读取（文件可能已损坏），该页未导入。`, `第${n}页`, raw),
    );
  }
  return pages;
}

/** Pages that paint images but carry no text: scanned pages, which need OCR. */
async function reportScannedPages(
  bytes: Uint8Array,
  pages: readonly PdfPageContent[],
  file: string,
  issues: ImportIssue[],
): Promise<boolean> {
  const textless = pages.filter((p) => p.runs.length === 0);
  if (pages.length > 0 && textless.length === pages.length) {
    issues.push(
      issue(
        file,
        'pdf-no-text',
        'error',
        `${file} 没有文字层（可能是扫描件或图片），无法直接读取表格内容。请先进行 OCR 文字识别，或提供 Word/Excel/可复制文字的 PDF 后再导入。`,
      ),
    );
    return true;
  }
  // Images were not read (PdfOpenOptions): count them on the pages without text, usually none.
  const images =
    textless.length === 0
      ? new Map<number, number>()
      : await countPageImages(
          bytes,
          textless.map((p) => p.page),
        ).catch(() => new Map<number, number>());
  for (const p of textless) {
    if ((images.get(p.page) ?? 0) > 0) {
      issues.push(
        issue(
          file,
          'pdf-page-no-text',
          'warning',
          `第${p.page}页只有图片没有文字（可能是扫描页），该页内容未导入，需要 OCR 文字识别。`,
          `第${p.page}页`,
        ),
      );
    }
  }
  return false;
}

/** Why a PDF's text went to the text importer, as the warning that says so. */
const readAsTextBecause = {
  'pdf-no-ruled-table':
    'PDF 中没有找到带框线的表格，已按纯文本逐行读取，字段可能错位。请对照原表核对，或提供 Word/Excel 原件。',
  'pdf-table-read-as-text':
    'PDF 中的表格没有识别为自评表，已改按纯文本逐行读取，字段可能错位。请对照原表核对，或提供 Word/Excel 原件。',
} as const;

/**
 * A PDF whose tables have no drawn lines cannot be cut into cells reliably, and a ruled table of a
 * layout the grid mapper does not know gives no form; their text, read line by line, goes to the
 * text importer (built for text extracted from PDFs, and for many published layouts), with a warning.
 */
async function readAsText(
  pages: readonly PdfPageContent[],
  file: string,
  issues: ImportIssue[],
  because: keyof typeof readAsTextBecause,
): Promise<ImportResult> {
  issues.push(issue(file, because, 'warning', readAsTextBecause[because]));
  // Loaded on demand: ruled PDFs, the usual case, never need the text importer.
  const { importText } = await import('../text/import-text.js');
  const result = importText(pdfPagesToText(pages), file);
  return { forms: result.forms, issues: [...issues, ...result.issues] };
}

/** The forms of the pages: the ruled tables through the grid mapper, else the text line by line. */
async function readForms(pages: readonly PdfPageContent[], file: string, issues: ImportIssue[]): Promise<ImportResult> {
  const grid = pdfToGrid(pages, file, { unrelatedTablesAsLines: true });
  if (grid.rows.length === 0) return await readAsText(pages, file, issues, 'pdf-no-ruled-table');
  const result = gridToForms(grid);
  if (result.forms.length === 0) {
    const asText = await readAsText(pages, file, [...issues], 'pdf-table-read-as-text');
    if (asText.forms.length > 0) return asText;
  }
  return { forms: result.forms, issues: [...issues, ...result.issues] };
}

/**
 * Imports the self-evaluation forms in a PDF. `file` names the input in issues. Resolves with
 * the forms found and issues; never rejects on bad input: a non-PDF, corrupt, truncated or
 * encrypted file, a scanned PDF without text layer, a file over MAX_PDF_PAGES pages and one whose
 * streams inflate past MAX_INFLATED_BYTES (a decompression bomb) each give
 * an error issue (Chinese message, English code `pdf-…`).
 */
export async function importPdf(bytes: Uint8Array, file: string): Promise<ImportResult> {
  const issues: ImportIssue[] = [];
  if (!startsAsPdf(bytes)) {
    return {
      forms: [],
      issues: [
        issue(file, 'pdf-not-pdf', 'error', '文件不是 PDF（缺少 %PDF 文件头），无法按 PDF 导入。请确认文件类型。'),
      ],
    };
  }
  if (!hasEofMarker(bytes)) {
    issues.push(
      issue(
        file,
        'pdf-truncated',
        'error',
        'PDF 文件不完整（缺少文件结束标记，可能下载中断或被截断）。以下内容可能缺页或有误，请获取完整文件后重新导入。',
      ),
    );
  }
  if ((await inflatedSize(bytes)) > MAX_INFLATED_BYTES) {
    issues.push(
      issue(
        file,
        'pdf-too-large',
        'error',
        `PDF 中压缩的内容解压后超过 ${MAX_INFLATED_BYTES / 1024 / 1024} MB（可能是恶意构造的“解压炸弹”），未导入。请确认文件来源；若文件正常，请拆分后再导入。`,
      ),
    );
    return { forms: [], issues };
  }
  const pages = await readDocument(bytes, file, issues);
  if (pages === null) return { forms: [], issues };
  if (await reportScannedPages(bytes, pages, file, issues)) return { forms: [], issues };
  try {
    const result = await readForms(pages, file, issues);
    if (result.forms.length === 0 && looksUnmapped(pages)) result.issues.push(unmappedTextIssue(file));
    return result;
  } catch (error) {
    const raw = error instanceof Error ? (error.stack ?? error.message) : String(error);
    issues.push(
      issue(file, 'internal-error', 'error', `读取 PDF 表格时程序出错，未导入。请把文件发给开发者。`, null, raw),
    );
    return { forms: [], issues };
  }
}

/**
 * Opens the PDF and reads its pages; null (with the reason in `issues`) when it cannot be opened,
 * has too many pages or no readable page.
 */
async function readDocument(bytes: Uint8Array, file: string, issues: ImportIssue[]): Promise<PdfPageContent[] | null> {
  try {
    return await withPdfDocument(bytes, async (doc) => {
      if (doc.numPages > MAX_PDF_PAGES) {
        issues.push(
          issue(
            file,
            'pdf-too-many-pages',
            'error',
            `PDF 共 ${doc.numPages} 页，超过上限 ${MAX_PDF_PAGES} 页，未导入。请拆分文件后再导入。`,
          ),
        );
        return null;
      }
      const pages = await readPages(doc, file, issues);
      if (pages.length === 0) {
        issues.push(issue(file, 'pdf-no-pages', 'error', 'PDF 中没有可读取的页面，未导入。请检查文件是否完整。'));
        return null;
      }
      return pages;
    });
  } catch (error) {
    issues.push(openFailure(file, error));
    return null;
  }
}
