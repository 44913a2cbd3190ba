/**
 * A PDF whose fonts carry no Unicode mapping (no ToUnicode, glyph codes of a subset font) has a
 * text layer that reads as Latin letters and symbols: copying from a viewer gives the same junk, and
 * `pdftotext` gives blanks. A Chinese form is mostly Han characters, so plenty of text with almost
 * none is told to the user as what it likely is, instead of only "no 项目名称 found".
 */
import type { ImportIssue } from '../import-result.js';
import type { PdfPageContent } from './extract-pdf-glyphs.js';

/** Below this many non-blank characters there is too little text to judge. */
const MIN_CHARS = 40;
/** A Chinese form's text is well over half Han characters; the junk of unmapped fonts has next to none. */
const MAX_HAN_SHARE = 0.02;

const HAN = /\p{Script=Han}/u;

/** Whether the pages hold enough text and almost no Han character in it. */
export function looksUnmapped(pages: readonly PdfPageContent[]): boolean {
  let chars = 0;
  let han = 0;
  for (const page of pages) {
    for (const run of page.runs) {
      for (const ch of run.text) {
        if (ch.trim() === '') continue;
        chars += 1;
        if (HAN.test(ch)) han += 1;
      }
    }
  }
  return chars >= MIN_CHARS && han / chars < MAX_HAN_SHARE;
}

export const unmappedTextIssue = (file: string): ImportIssue => ({
  file,
  code: 'pdf-text-unmapped',
  severity: 'error',
  message: `${file} 的文字层几乎没有汉字：可能是字体缺少 Unicode 映射（在 PDF 阅读器中复制出来是乱码），也可能不是中文自评表。如果复制出来是乱码，请用 Word/Excel 原件重新导出 PDF，或先进行 OCR 文字识别后再导入。`,
  location: null,
  raw: null,
});
