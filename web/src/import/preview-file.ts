import { decodeText } from '../../../src/io/import/decode-text.js';
import {
  classifyText,
  detectBinaryFormat,
  formatLabel,
  unreadFormatAdvice,
} from '../../../src/io/import/detect-format.js';
import { importJsonText } from '../../../src/io/import/import-json.js';
import { importText } from '../../../src/io/import/text/import-text.js';
import type { ImportIssue } from '../../../src/io/import/import-result.js';
import type { Form } from '../lib/core';

/** What the browser could read out of one dropped file before anything is saved. */
export interface FilePreview {
  readonly name: string;
  readonly size: number;
  /** 文本, JSON, PDF, Excel (.xlsx) … */
  readonly format: string;
  /** False for PDF, Word, Excel and HTML: only the server parses those (pdf.js, exceljs, parse5 stay out of the browser). */
  readonly previewed: boolean;
  readonly forms: readonly Form[];
  readonly issues: readonly ImportIssue[];
}

/** True for a file the browser only labelled and found nothing wrong with: the server reads it for the preview. */
export const awaitsServer = (preview: FilePreview): boolean => !preview.previewed && preview.issues.length === 0;

/** A file the browser only labelled (PDF, Word, Excel, HTML) as the server read it for the preview. */
export function fromServer(
  file: File,
  read: { format: string | null; forms: readonly Form[]; issues: readonly ImportIssue[] },
): FilePreview {
  const known = read.format !== null && Object.hasOwn(formatLabel, read.format);
  return {
    name: file.name,
    size: file.size,
    format: known ? formatLabel[read.format as keyof typeof formatLabel] : '未知',
    previewed: true,
    forms: read.forms,
    issues: read.issues,
  };
}

/**
 * Reads a text or JSON file with the same importers the server runs (src/io/import), so the preview
 * shows exactly the forms and issues the import will produce. Binary formats are only labelled.
 * Never throws: a file that cannot be read comes back with an error issue.
 */
export async function previewFile(file: File): Promise<FilePreview> {
  const base = { name: file.name, size: file.size };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const binary = detectBinaryFormat(bytes);
    if (binary !== 'text-like')
      return { ...base, format: formatLabel[binary], previewed: false, forms: [], issues: [] };
    const { text } = decodeText(bytes);
    const format = classifyText(text, file.name);
    // HTML is parsed on the server (parse5 stays out of the browser bundle), like the binary formats.
    if (format === 'html') return { ...base, format: formatLabel[format], previewed: false, forms: [], issues: [] };
    if (format === 'spreadsheetml' || format === 'mhtml') {
      const advice = {
        file: file.name,
        code: 'unsupported-format',
        severity: 'error' as const,
        location: null,
        raw: null,
      };
      return {
        ...base,
        format: formatLabel[format],
        previewed: true,
        forms: [],
        issues: [{ ...advice, message: unreadFormatAdvice[format] }],
      };
    }
    const result = format === 'text' ? importText(text, file.name) : importJsonText(text, file.name, format);
    return { ...base, format: formatLabel[format], previewed: true, forms: result.forms, issues: result.issues };
  } catch (err) {
    return {
      ...base,
      format: '未知',
      previewed: false,
      forms: [],
      issues: [
        {
          file: file.name,
          code: 'preview-failed',
          severity: 'error',
          message: `无法在浏览器中读取此文件：${err instanceof Error ? err.message : String(err)}。可直接导入，由服务器解析。`,
          location: null,
          raw: null,
        },
      ],
    };
  }
}
