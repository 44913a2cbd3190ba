import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Extensions picked up when walking a directory (files named explicitly are always taken); the
 * content decides how a file is read. `.xls` and WPS's `.et` are read as Excel 97-2003 and WPS's
 * `.wps` as Word 97-2003 when they are one inside; `.mht`/`.mhtml` and `.ofd` are not read, but are
 * picked up so that their message (how to save them) is shown rather than the file being skipped
 * without a word.
 */
export const importableExtensions: readonly string[] = [
  '.pdf',
  '.docx',
  '.doc',
  '.wps',
  '.xlsx',
  '.xls',
  '.et',
  '.html',
  '.htm',
  '.mht',
  '.mhtml',
  '.ofd',
  '.json',
  '.ndjson',
  '.jsonl',
  '.txt',
  '.text',
];

export interface WalkedInputs {
  /** Files to import: explicit files in the order given, each directory's files sorted by path. */
  readonly files: string[];
  /** Paths given that do not exist or cannot be read. */
  readonly missing: string[];
}

const isHidden = (name: string): boolean => name.startsWith('.');
const isImportable = (name: string): boolean => importableExtensions.some((ext) => name.toLowerCase().endsWith(ext));

/** Compare by UTF-16 code units, not locale, so the order is the same on every machine. */
const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A directory entry's kind, following a symbolic link (a folder of links to the files to import is
 * common); a broken link is neither.
 */
async function kindOf(entry: Dirent, path: string): Promise<'file' | 'directory' | null> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (!entry.isSymbolicLink()) return null;
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : null;
  } catch {
    return null;
  }
}

/** `seen`: the real paths of the directories walked, so that a link back up the tree is walked once. */
async function walkDirectory(dir: string, out: string[], seen: Set<string>): Promise<void> {
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => !isHidden(e.name)).sort((a, b) => byPath(a.name, b.name));
  for (const entry of names) {
    const path = join(dir, entry.name);
    const kind = await kindOf(entry, path);
    if (kind === 'directory') await walkDirectory(path, out, seen);
    else if (kind === 'file' && isImportable(entry.name)) out.push(path);
  }
}

/**
 * Expand files and directories into the files to import. Directories are walked recursively in a
 * stable sorted order, skipping hidden entries (`.git`, `.DS_Store`) and files of other types.
 * Duplicates (a file named twice, or inside a named directory) are kept once. Never throws.
 */
export async function walkInputs(paths: readonly string[]): Promise<WalkedInputs> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walkDirectory(path, files, seen);
      else files.push(path);
    } catch {
      missing.push(path);
    }
  }
  return { files: [...new Set(files)], missing };
}
