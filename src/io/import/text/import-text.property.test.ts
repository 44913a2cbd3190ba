import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenPromises } from '../../../../test/support/broken-promises.js';
import { REPO_ROOT, readTextFixtures } from './fixture-files.js';
import { mutate, mutation } from '../../../../test/support/text-mutations.js';

/**
 * Property tests: real inputs (the seed and every text fixture) broken the ways copied text breaks
 * — lines deleted, doubled, swapped, joined or split, characters inserted (CJK, ASCII, NBSP, U+3000,
 * tabs, `\r`), digits changed, neighbouring cells glued, the text cut anywhere or repeated — and
 * imported. Whatever comes out, the importer keeps its promises (import-text.ts): it does not throw
 * or report an internal error, every form passes the canonical schema, and every fragment of the
 * input is in a field, in extras or in an issue (lost-fragments.ts). Fixed seeds: the same cases
 * run every time, and a failure prints the case to add as an example test.
 */

const fixtures: [string, string][] = [
  ['seed', readFileSync(join(REPO_ROOT, 'fixtures/seed/pingshan-justice-2020.txt'), 'utf8')],
  ...readTextFixtures('real'),
  ...readTextFixtures('text'),
  ...readTextFixtures('text/poppler'),
  ...readTextFixtures('text/pdfjs'),
];

describe('importText on broken copies of real inputs', () => {
  it('the unmutated fixtures keep every promise (the baseline the edits start from)', () => {
    for (const [file, text] of fixtures) expect(brokenPromises(text, file)).toEqual([]);
  });

  it('never throws, never fails inside, emits canonical forms and loses no fragment', () => {
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), fc.array(mutation, { minLength: 1, maxLength: 5 }), (k, edits) => {
        const [file, text] = fixtures[k] ?? ['', ''];
        expect(brokenPromises(mutate(text, edits), file)).toEqual([]);
      }),
      { seed: 20261127, numRuns: 150 },
    );
  });

  it('keeps the same promises on every fixture repeated, cut at random characters', () => {
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), fc.nat(), fc.integer({ min: 1, max: 3 }), (k, pos, times) => {
        const [file, text] = fixtures[k] ?? ['', ''];
        const whole = Array.from({ length: times }, () => text).join('\n');
        expect(brokenPromises(whole.slice(0, pos % (whole.length + 1)), file)).toEqual([]);
      }),
      { seed: 1127, numRuns: 100 },
    );
  });
});
