import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkInputs } from './walk-inputs.js';

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-walk-'));
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'x');
  }
  return root;
}

describe('walkInputs', () => {
  it('walks directories in sorted order, skipping hidden entries and other file types', async () => {
    const root = tree([
      'b.pdf',
      'a.txt',
      'sub/z.xlsx',
      'sub/.hidden.json',
      '.git/config.json',
      'README.md',
      'c.NDJSON',
      'A.docx',
      'd.doc',
      'e.xls',
      'f.png',
      'g.wps',
    ]);
    const { files, missing } = await walkInputs([root]);
    expect(missing).toEqual([]);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual([
      'A.docx',
      'a.txt',
      'b.pdf',
      'c.NDJSON',
      'd.doc',
      'e.xls',
      'g.wps',
      join('sub', 'z.xlsx'),
    ]);
  });

  it('follows links to files and folders, walks a folder linked twice once, and skips broken links', async () => {
    const outside = tree(['real.txt', 'folder/inner.pdf']);
    const root = tree(['own.txt']);
    symlinkSync(join(outside, 'real.txt'), join(root, 'linked.txt'));
    symlinkSync(join(outside, 'folder'), join(root, 'linked-folder'));
    symlinkSync(join(outside, 'folder'), join(root, 'same-folder'));
    symlinkSync(root, join(root, 'loop'));
    symlinkSync(join(outside, 'gone.txt'), join(root, 'broken.txt'));
    const { files, missing } = await walkInputs([root]);
    expect(missing).toEqual([]);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual([
      join('linked-folder', 'inner.pdf'),
      'linked.txt',
      'own.txt',
    ]);
  });

  it('keeps explicit files in the order given, once, and lists missing paths', async () => {
    const root = tree(['one.md', 'two.pdf']);
    const { files, missing } = await walkInputs([join(root, 'one.md'), join(root, 'nope.pdf'), root]);
    expect(files).toEqual([join(root, 'one.md'), join(root, 'two.pdf')]);
    expect(missing).toEqual([join(root, 'nope.pdf')]);
  });
});
