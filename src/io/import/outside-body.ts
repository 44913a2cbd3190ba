/**
 * Text a Word document keeps outside its body — page headers and footers, footnotes, endnotes,
 * comments, text boxes — is no part of the form's table, but it is printed (a header may name the
 * unit or the year), so it is kept in one info issue rather than dropped. Shared by the .doc and
 * .docx importers.
 */
import type { ImportIssue } from './import-result.js';
import { capIssueRaw } from './grid/grid-limits.js';

/** A part outside the body, by its Chinese name (页眉, 页脚, 脚注 …), and its text. */
export interface OutsideText {
  readonly part: string;
  readonly text: string;
}

/** The info issue keeping `parts` (blank ones left out), or null when there is no text. */
export function outsideBodyIssue(file: string, code: string, parts: readonly OutsideText[]): ImportIssue | null {
  const shown = parts.filter((p) => p.text.trim() !== '');
  if (shown.length === 0) return null;
  const names = [...new Set(shown.map((p) => p.part))].join('、');
  return {
    file,
    code,
    severity: 'info',
    message: `“${file}”正文以外（${names}）的文字不属于自评表，未导入，原文见本条。`,
    location: names,
    raw: capIssueRaw(shown.map((p) => `${p.part}：${p.text.trim()}`).join('\n')),
  };
}
