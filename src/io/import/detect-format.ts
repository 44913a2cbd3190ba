import { unzipSync } from 'fflate';

/** What the dispatcher found a file to be. `text-like` is refined by classifyText after decoding. */
export type BinaryFormat = 'pdf' | 'docx' | 'xlsx' | 'ofd' | 'zip' | 'doc' | 'xls' | 'ole' | 'text-like';
export type TextFormat = 'json' | 'ndjson' | 'html' | 'text' | UnreadTextFormat;
/**
 * Office formats that are text inside but that no importer reads: Excel 2003's XML spreadsheet
 * (which some systems export under an .xls name) and single-file web pages (.mht/.mhtml, Word's
 * and browsers' "single file" save). Read as text they would only give "no form found".
 */
export type UnreadTextFormat = 'spreadsheetml' | 'mhtml';
export type InputFormat = Exclude<BinaryFormat, 'text-like'> | TextFormat;

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  sig.every((b, i) => bytes[at + i] === b);

/** `%PDF-` within the first KB (some generators put junk or a BOM before it). */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i += 1) {
    if (head[i] === 0x25 && startsWith(head, [0x50, 0x44, 0x46, 0x2d], i + 1)) return true;
  }
  return false;
}

/**
 * Whether a compound file's directory names a stream `name`: directory entries hold names in
 * UTF-16LE, NUL-terminated (reading the directory properly is the .doc importer's business).
 */
function containsUtf16Name(bytes: Uint8Array, name: string): boolean {
  // Runs in the browser too (the web preview): no Buffer. Names are ASCII here, so each UTF-16LE unit is (char, 0).
  const needle = [...`${name}\0`].flatMap((ch) => [ch.charCodeAt(0), 0]);
  for (let at = bytes.indexOf(needle[0] ?? 0); at !== -1; at = bytes.indexOf(needle[0] ?? 0, at + 1)) {
    if (startsWith(bytes, needle, at)) return true;
  }
  return false;
}

/** `word/document.xml` or an `xl/` part named in a local file header (ASCII), or null. */
function damagedOfficeZip(bytes: Uint8Array): 'docx' | 'xlsx' | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1 << 20));
  if (head.includes('word/document.xml')) return 'docx';
  if (head.includes('xl/workbook.xml') || head.includes('xl/worksheets/')) return 'xlsx';
  return null;
}

/**
 * Sort bytes by content, not by extension: a `.pdf` that is really an xlsx is imported as xlsx.
 * Zip archives are told apart by their entry names (read from the central directory; nothing is
 * inflated because the filter refuses every entry). Never throws: an unreadable zip is `zip`.
 */
export function detectBinaryFormat(bytes: Uint8Array): BinaryFormat {
  if (isPdf(bytes)) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names: string[] = [];
    try {
      unzipSync(bytes, {
        filter: (f) => {
          names.push(f.name);
          return false;
        },
      });
    } catch {
      // A download cut short loses the directory at the zip's end; the entries' own headers at its
      // start still name them, so a damaged .docx/.xlsx goes to its importer, which says it is
      // damaged, instead of being called some other zip to unpack.
      return damagedOfficeZip(bytes) ?? 'zip';
    }
    if (names.includes('word/document.xml')) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    // OFD (GB/T 33190, the national e-document format some systems publish in): a zip with OFD.xml.
    if (names.includes('OFD.xml')) return 'ofd';
    return 'zip';
  }
  // Compound File Binary: Word 97–2003 when it holds a `WordDocument` stream (checked first: a .doc
  // with an Excel table pasted in holds that table's `Workbook` too), Excel 97–2003 or WPS .et when
  // it holds `Workbook` (BIFF8) or `Book` (Excel 5/95), else another format (.ppt, .msg, an
  // encrypted .xlsx).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (containsUtf16Name(bytes, 'WordDocument')) return 'doc';
    return containsUtf16Name(bytes, 'Workbook') || containsUtf16Name(bytes, 'Book') ? 'xls' : 'ole';
  }
  return 'text-like';
}

/** An XML document whose root is Excel 2003's `Workbook` (its namespace) or that names Excel as its application. */
const SPREADSHEET_ML =
  /^<\?xml[^>]*\?>[\s\S]*?(?:<\?mso-application\s+progid="Excel\.Sheet"|urn:schemas-microsoft-com:office:spreadsheet)/;

/** Markup a saved web page opens with, within its first few KB (Office's "save as web page" included). */
const HTML_START = /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|table[\s>])/i;

/**
 * JSON, NDJSON, HTML or plain text, from decoded text and the file name. `.ndjson`/`.jsonl` are
 * NDJSON; text starting `<` is HTML when a page's markup follows (or the file is named .htm/.html);
 * text starting `[` is JSON; text starting `{` is NDJSON when its first line is a complete JSON
 * value and another line follows, else JSON (so a syntax error is reported against the whole file).
 */
export function classifyText(text: string, file: string): TextFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  const start = text.search(/\S/);
  if (start === -1) return lower.endsWith('.json') ? 'json' : 'text';
  const head = text.slice(start, start + 4096);
  if (SPREADSHEET_ML.test(head)) return 'spreadsheetml';
  if (/^(?:[\w-]+:.*\r?\n)*MIME-Version:/i.test(head) && /multipart\/related/i.test(head)) return 'mhtml';
  const first = text[start];
  if (first === '<' && (/\.x?html?$/.test(lower) || HTML_START.test(text.slice(start, start + 4096)))) return 'html';
  if (first === '[') return 'json';
  if (first !== '{') return 'text';
  const eol = text.indexOf('\n', start);
  if (eol === -1 || text.slice(eol).trim() === '') return 'json';
  try {
    JSON.parse(text.slice(start, eol));
    return 'ndjson';
  } catch {
    return 'json';
  }
}

/** Binary formats told apart only to say how to save them: no importer reads them. */
export type UnreadBinaryFormat = 'zip' | 'ofd' | 'ole';

/** What to do with a file of a format no importer reads (Chinese, for people). */
export const unreadFormatAdvice: Readonly<Record<UnreadTextFormat | UnreadBinaryFormat, string>> = {
  zip: 'ZIP 压缩包既不是 .docx 也不是 .xlsx。请解压后导入其中的文件。',
  ofd: '这是 OFD 版式文件，暂不能直接读取。请用 OFD 阅读器（如数科、福昕）打开后导出或打印为 PDF，再导入 PDF。',
  ole: '这是旧版 Office 文件（不是 Word 或 Excel 文档，也可能是加密的 Office 文件），无法直接读取。如果是表格或文档，请用 Excel、Word 或 WPS 打开（有密码的先取消密码）后另存为 .xlsx 或 .docx 再导入。',
  spreadsheetml:
    '这是 Excel 2003 XML 表格（有些系统导出为 .xls），无法直接读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。',
  mhtml:
    '这是“单个文件网页”（.mht/.mhtml），无法直接读取。请用浏览器或 Word 打开后另存为“网页（.html）”或 .docx 再导入。',
};

/** Chinese name of a format, for tables and messages. */
export const formatLabel: Readonly<Record<InputFormat, string>> = {
  pdf: 'PDF',
  docx: 'Word (.docx)',
  xlsx: 'Excel (.xlsx)',
  ofd: 'OFD 版式文件',
  zip: 'ZIP',
  doc: 'Word 97-2003 (.doc)',
  xls: 'Excel 97-2003 (.xls)',
  ole: '旧版 Office 文件',
  json: 'JSON',
  html: 'HTML 网页',
  ndjson: 'NDJSON',
  spreadsheetml: 'Excel 2003 XML 表格',
  mhtml: '单个文件网页 (.mht)',
  text: '文本',
};
