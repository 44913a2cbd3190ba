import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formSchema } from '../../domain/form/form.schema.js';
import { importBytes } from './import-file.js';

/**
 * Property tests of the byte level: the small fixture files (.docx, .xlsx, the canonical JSON, the
 * seed text) with bytes flipped, runs deleted, or cut short, imported through importBytes. Whatever
 * comes back, the promise of import-file.ts holds: no throw, no importer crash or internal error
 * (a broken file gets an error that says what is wrong, not "please send it to the developers"),
 * every form passes the canonical schema, and a result without forms says why in an error issue.
 * Fixed seed; the cases are a handful per file, as unzipping and parsing dominate.
 */

const root = new URL('../../../', import.meta.url);
const files: [string, Uint8Array][] = [
  'fixtures/docx/pingshan-justice-2020.docx',
  'fixtures/xlsx/pingshan-justice-2020.xlsx',
  'fixtures/xlsx/pingshan-justice-2020-flat.xlsx',
  'fixtures/seed/pingshan-justice-2020.golden.json',
  'fixtures/seed/pingshan-justice-2020.txt',
].map((p) => [p.split('/').pop() ?? p, new Uint8Array(readFileSync(new URL(p, root)))]);

type ByteEdit =
  | { op: 'flip'; at: number; xor: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'truncate'; at: number };

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ op: fc.constant('flip'), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('truncate'), at: fc.nat() }),
);

function applyByteEdit(bytes: Uint8Array, e: ByteEdit): Uint8Array {
  if (bytes.length === 0) return bytes;
  const at = e.at % bytes.length;
  switch (e.op) {
    case 'flip': {
      const out = bytes.slice();
      out[at] = (out[at] ?? 0) ^ e.xor;
      return out;
    }
    case 'delete': {
      const out = new Uint8Array(bytes.length - Math.min(e.length, bytes.length - at));
      out.set(bytes.subarray(0, at));
      out.set(bytes.subarray(at + e.length), at);
      return out;
    }
    case 'truncate':
      return bytes.slice(0, at);
  }
}

/** What importBytes promises on any bytes; the broken promises, empty when all hold. */
async function brokenPromises(bytes: Uint8Array, file: string): Promise<string[]> {
  let result: Awaited<ReturnType<typeof importBytes>>;
  try {
    result = await importBytes(bytes, file);
  } catch (error) {
    return [`threw ${String(error)}`];
  }
  const problems = result.issues
    .filter((i) => i.code === 'internal-error' || i.code === 'importer-crashed')
    .map((i) => `${i.code}: ${i.message}`);
  result.forms.forEach((form, k) => {
    const parsed = formSchema.safeParse(form);
    if (!parsed.success) problems.push(`form ${k}: ${JSON.stringify(parsed.error.issues)}`);
  });
  if (result.forms.length === 0 && !result.issues.some((i) => i.severity === 'error'))
    problems.push(`no form and no error: ${result.issues.map((i) => i.code).join(', ')}`);
  for (const i of result.issues) if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(i.code)) problems.push(`code ${i.code}`);
  return problems;
}

describe('importBytes on broken copies of the fixture files', () => {
  it('the unbroken files keep every promise and give forms (the baseline)', async () => {
    for (const [file, bytes] of files) {
      expect(await brokenPromises(bytes, file)).toEqual([]);
      expect((await importBytes(bytes, file)).forms.length).toBeGreaterThan(0);
    }
  });

  it('never throws or crashes, emits canonical forms, and says why when it gives none', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(files.length - 1),
        fc.array(byteEdit, { minLength: 1, maxLength: 4 }),
        async (k, edits) => {
          const [file, bytes] = files[k] ?? ['', new Uint8Array()];
          expect(await brokenPromises(edits.reduce(applyByteEdit, bytes), file)).toEqual([]);
        },
      ),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it('keeps them on a PDF cut short or with bytes flipped (a handful: pdf.js is slow)', async () => {
    const pdf = new Uint8Array(readFileSync(new URL('fixtures/pdf/borderless.pdf', root)));
    await fc.assert(
      fc.asyncProperty(fc.array(byteEdit, { minLength: 1, maxLength: 2 }), async (edits) => {
        expect(await brokenPromises(edits.reduce(applyByteEdit, pdf), 'borderless.pdf')).toEqual([]);
      }),
      { seed: 1127, numRuns: 8 },
    );
  });
});
