import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formSchema } from '../../../domain/form/form.schema.js';
import { importBytes } from '../import-file.js';
import { importDoc } from './import-doc.js';
import { compoundFileLayout } from '../../../../test/support/compound-file.js';

const root = new URL('../../../../', import.meta.url);
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, root)));
const golden = formSchema
  .array()
  .parse(JSON.parse(readFileSync(new URL('fixtures/seed/pingshan-justice-2020.golden.json', root), 'utf8')));

/**
 * The seed .doc with its allocation table made to loop: the directory's first sector and the next
 * one point at each other, so a reader following the chain never reaches its end.
 */
function withLoopingChain(doc: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(doc);
  const { view, fatEntry: entry } = compoundFileLayout(bytes);
  const directory = view.getInt32(0x30, true);
  view.setInt32(entry(directory), directory + 1, true);
  view.setInt32(entry(directory + 1), directory, true);
  return bytes;
}

describe('importDoc (Word 97-2003)', () => {
  it('imports the seed saved as .doc by LibreOffice exactly as the golden forms', async () => {
    const result = await importBytes(fixture('fixtures/doc/pingshan-justice-2020.doc'), 'seed.doc');
    expect(result.format).toBe('doc');
    expect(result.forms).toEqual(golden);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['doc-read-as-text', 'info']]);
  });

  it('keeps the text of page headers and footers in an info issue', async () => {
    const result = await importDoc(fixture('fixtures/doc/header-footer.doc'), 'hf.doc');
    const outside = result.issues.find((i) => i.code === 'doc-text-outside-body');
    expect(outside?.location).toBe('页眉、页脚');
    expect(outside?.raw).toContain('坪山区司法局 内部资料');
    expect(outside?.raw).toContain('第 1 页');
  });

  it('reports truncated and damaged files without taking the process down', async () => {
    const doc = fixture('fixtures/doc/pingshan-justice-2020.doc');
    const truncated = await importDoc(doc.subarray(0, doc.length >> 1), 'half.doc');
    expect(truncated.forms).toEqual([]);
    expect(truncated.issues).toEqual([expect.objectContaining({ code: 'doc-unreadable', severity: 'error' })]);
    expect(truncated.issues[0]?.message).toContain('half.doc');
    // Unbounded, word-extractor grows an array along the loop until V8 aborts the whole process: the
    // loop is found in the allocation table before word-extractor runs.
    const looping = await importDoc(withLoopingChain(doc), 'loop.doc');
    expect(looping.forms).toEqual([]);
    expect(looping.issues.map((i) => [i.code, i.severity])).toEqual([['doc-damaged', 'error']]);
    expect(looping.issues[0]?.raw).toMatch(/loop/);
  }, 60_000);
});
