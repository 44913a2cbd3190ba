import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLostText } from './find-lost-text.js';
import { applyEdit, brokenPromises, edit, realGrids } from '../../../../test/support/grid-mutations.js';
import { gridToForms } from './grid-to-forms.js';

/**
 * Property tests of the grid path: real grids (the seed web page's six forms, and the family
 * tables of test/support/family-tables.ts) with cells blanked or dropped, spans changed, rows and
 * columns deleted or doubled, and cell text mutated. gridToForms must not throw, every form must
 * pass the canonical schema, and every text must reappear in a field, extras or an issue
 * (find-lost-text.ts). Fixed seeds; edits are data, so a failure prints as a short list.
 */

const grids = realGrids();

describe('gridToForms on broken copies of real grids', () => {
  it('the unbroken grids keep every promise (the baseline the edits start from)', () => {
    for (const [, grid] of grids) expect(brokenPromises(grid)).toEqual([]);
  });

  it('the property can fail: a cell whose text the result does not hold is reported lost', () => {
    const [, grid] = grids[0] ?? ['', null];
    if (grid === null) throw new Error('seed grid');
    const result = gridToForms(grid);
    expect(findLostText(grid, { ...result, forms: result.forms.map((f) => ({ ...f, remarks: null })) })).not.toEqual(
      [],
    );
  });

  it('never throws, emits canonical forms and loses no text', () => {
    fc.assert(
      fc.property(fc.nat(grids.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (g, edits) => {
        const [, start] = grids[g] ?? grids[0] ?? ['', { file: '', rows: [], outside: [] }];
        expect(brokenPromises(edits.reduce(applyEdit, start))).toEqual([]);
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });
});
