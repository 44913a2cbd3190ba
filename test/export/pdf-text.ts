/**
 * Checks on a PDF with poppler-utils, an independent reader: its text (pdftotext), page count
 * (pdfinfo) and page images (pdftoppm) for people to look at.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const pdfText = (path: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });

export function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}

/** Renders every page to `<prefix>-N.png` beside the PDF; returns the image paths. */
export function renderPages(path: string, prefix: string, dpi = 80): string[] {
  const dir = dirname(path);
  for (const f of readdirSync(dir)) if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) rmSync(join(dir, f));
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', path, join(dir, prefix)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .map((f) => join(dir, basename(f)))
    .sort();
}

/**
 * True when `text` (white space ignored) is printed in the extracted text. A table cell that wraps
 * comes out of pdftotext in pieces with its neighbours' pieces in between (`社区矫正人员每月参加公益
 * ≧1次 … 活动`), so the pieces are looked for in order, each within `window` tokens of the last.
 */
export function printedIn(extracted: string, text: string, window = 16): boolean {
  const wanted = text.replace(/\s+/g, '');
  if (wanted === '') return true;
  const tokens = extracted.split(/\s+/).filter((t) => t !== '');
  const from = (start: number, rest: string): boolean => {
    if (rest === '') return true;
    for (let j = start; j < Math.min(tokens.length, start + window); j += 1) {
      const t = tokens[j] as string;
      if (rest.startsWith(t) && from(j + 1, rest.slice(t.length))) return true;
      if (t.startsWith(rest)) return true;
    }
    return false;
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as string;
    if (t.includes(wanted)) return true;
    if (wanted.startsWith(t) && from(i + 1, wanted.slice(t.length))) return true;
  }
  return false;
}
