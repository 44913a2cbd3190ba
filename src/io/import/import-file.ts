import { readFile, stat } from 'node:fs/promises';
import { decodeText, encodingLabel } from './decode-text.js';
import {
  classifyText,
  detectBinaryFormat,
  formatLabel,
  unreadFormatAdvice,
  type InputFormat,
} from './detect-format.js';
import { importJsonText } from './import-json.js';
import type { ImportIssue, ImportResult } from './import-result.js';

/** Inputs above this many bytes are refused with an error issue (100 MB). */
export const defaultMaxBytes = 100 * 1024 * 1024;

/** The format importers. Loaded on first use: the CLI scoring JSON never pays for pdf.js. */
export interface Importers {
  readonly text: (text: string, file: string) => ImportResult;
  readonly pdf: (bytes: Uint8Array, file: string) => Promise<ImportResult>;
  readonly docx: (bytes: Uint8Array, file: string) => Promise<ImportResult>;
  readonly xlsx: (bytes: Uint8Array, file: string) => Promise<ImportResult>;
  readonly html: (text: string, file: string) => Promise<ImportResult>;
  readonly doc: (bytes: Uint8Array, file: string) => Promise<ImportResult>;
  readonly xls: (bytes: Uint8Array, file: string) => Promise<ImportResult>;
}

export interface ImportOptions {
  /** Size limit in bytes; default defaultMaxBytes. */
  readonly maxBytes?: number;
  /** Replace some importers (a test of the crash path, another PDF engine); default the built-in ones. */
  readonly importers?: Partial<Importers>;
}

/** The built-in importers, each loaded on first use. */
const builtinImporters: { readonly [K in keyof Importers]: () => Promise<Importers[K]> } = {
  text: async () => (await import('./text/import-text.js')).importText,
  pdf: async () => (await import('./pdf/import-pdf.js')).importPdf,
  docx: async () => (await import('./docx/import-docx.js')).importDocx,
  xlsx: async () => (await import('./xlsx/import-xlsx.js')).importXlsx,
  html: async () => (await import('./html/import-html.js')).importHtml,
  doc: async () => (await import('./doc/import-doc.js')).importDoc,
  xls: async () => (await import('./xls/import-xls.js')).importXls,
};

async function importerFor<K extends keyof Importers>(kind: K, options: ImportOptions): Promise<Importers[K]> {
  return options.importers?.[kind] ?? (await builtinImporters[kind]());
}

/** An ImportResult plus what the dispatcher decided: the format (null when the file could not be read). */
export interface DispatchedImport extends ImportResult {
  readonly format: InputFormat | null;
}

function issue(file: string, code: string, severity: ImportIssue['severity'], message: string): ImportIssue {
  return { file, code, severity, message, location: null, raw: null };
}

const tooLarge = (file: string, size: number, max: number): DispatchedImport => ({
  forms: [],
  issues: [
    issue(
      file,
      'file-too-large',
      'error',
      `文件过大（${(size / 1048576).toFixed(1)} MB，上限 ${(max / 1048576).toFixed(0)} MB），未导入。请拆分后再导入。`,
    ),
  ],
  format: null,
});

/**
 * Import one file of any supported format. Never throws: an unreadable file, an oversized one or an
 * importer that crashes all come back as error issues. `file` in issues is the path as given.
 */
export async function importFile(path: string, options: ImportOptions = {}): Promise<DispatchedImport> {
  const max = options.maxBytes ?? defaultMaxBytes;
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      return { forms: [], issues: [issue(path, 'is-directory', 'error', '这是一个目录，不是文件。')], format: null };
    if (info.size > max) return tooLarge(path, info.size, max);
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const what = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : '无法读取文件';
    return {
      forms: [],
      issues: [issue(path, 'unreadable-file', 'error', `${what}（${code}）。请检查路径和权限。`)],
      format: null,
    };
  }
  return importBytes(bytes, path, options);
}

/**
 * Import bytes already in memory; `file` names them in issues and its extension is a hint (content
 * wins). Dispatch: PDF, docx, xlsx, doc, xls by signature; otherwise decode text (UTF-8/UTF-16/GB18030, the
 * encoding reported as an info issue) and route JSON/NDJSON to the canonical reader, the rest to the
 * text importer. Never throws.
 */
export async function importBytes(
  bytes: Uint8Array,
  file: string,
  options: ImportOptions = {},
): Promise<DispatchedImport> {
  const max = options.maxBytes ?? defaultMaxBytes;
  if (bytes.length > max) return tooLarge(file, bytes.length, max);
  if (bytes.length === 0)
    return { forms: [], issues: [issue(file, 'empty-file', 'error', '文件是空的，没有可导入的内容。')], format: null };
  const binary = detectBinaryFormat(bytes);
  try {
    switch (binary) {
      case 'pdf':
      case 'docx':
      case 'xlsx':
      case 'doc':
      case 'xls': {
        const importer = await importerFor(binary, options);
        return { ...(await importer(bytes, file)), format: binary };
      }
      case 'zip':
      case 'ofd':
      case 'ole':
        return {
          forms: [],
          issues: [issue(file, 'unsupported-format', 'error', unreadFormatAdvice[binary])],
          format: binary,
        };
      case 'text-like':
        return await importTextLike(bytes, file, options);
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      forms: [],
      issues: [
        issue(
          file,
          'importer-crashed',
          'error',
          `导入 ${formatLabel[binary === 'text-like' ? 'text' : binary]} 文件时出错：${detail}。请把该文件反馈给维护者。`,
        ),
      ],
      format: binary === 'text-like' ? null : binary,
    };
  }
}

async function importTextLike(bytes: Uint8Array, file: string, options: ImportOptions): Promise<DispatchedImport> {
  const decoded = decodeText(bytes);
  const encodingIssue = issue(file, 'text-encoding', 'info', `文本编码：${encodingLabel(decoded)}。`);
  if (looksBinary(decoded.text)) {
    return {
      forms: [],
      issues: [
        issue(
          file,
          'unsupported-format',
          'error',
          '无法识别的二进制文件。支持 PDF、.docx、.doc、.xlsx、.xls、HTML 网页、JSON、NDJSON 和文本。',
        ),
      ],
      format: null,
    };
  }
  const format = classifyText(decoded.text, file);
  if (format === 'spreadsheetml' || format === 'mhtml')
    return { forms: [], issues: [issue(file, 'unsupported-format', 'error', unreadFormatAdvice[format])], format };
  const result =
    format === 'text'
      ? (await importerFor('text', options))(decoded.text, file)
      : format === 'html'
        ? await (
            await importerFor('html', options)
          )(decoded.text, file)
        : importJsonText(decoded.text, file, format);
  return { forms: result.forms, issues: [encodingIssue, ...result.issues], format };
}

/** Text with NULs or many control characters in its first 8 KB is some binary format we do not know. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  let controls = 0;
  for (let i = 0; i < head.length; i += 1) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    // Tab, LF, VT, FF, CR are text; the other C0 controls are not.
    if (c < 0x20 && (c < 0x09 || c > 0x0d)) controls += 1;
  }
  return controls > head.length * 0.05;
}
