import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../import-result.js';
import { REPO_ROOT, readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';
import { lostFragments } from './lost-fragments.js';

/**
 * Property: every meaningful fragment of the input ends up somewhere in the output (lost-fragments.ts
 * says what a fragment is and where it may be found).
 */

const seed = readFileSync(join(REPO_ROOT, 'fixtures/seed/pingshan-justice-2020.txt'), 'utf8');
const fixtures: [string, string][] = [
  ['seed', seed],
  ...readTextFixtures('real'),
  ...readTextFixtures('text'),
  ...readTextFixtures('text/poppler'),
  ...readTextFixtures('text/pdfjs'),
];

describe('nothing printed is lost', () => {
  it.each(fixtures)('%s: every fragment is in a field, in extras or in an issue', (file, text) => {
    expect(lostFragments(text, importText(text, file))).toEqual([]);
  });

  it('the property can fail: a fragment removed from the output is reported lost', () => {
    const result = importText(seed, 'seed');
    const form = result.forms[0];
    if (form === undefined) throw new Error('seed has forms');
    const broken: ImportResult = {
      forms: [{ ...form, remarks: null }, ...result.forms.slice(1).map((f) => ({ ...f, remarks: null }))],
      issues: [],
    };
    expect(lostFragments(seed, broken)).toContain(
      '请在此处简要说明中央巡视、各级审计和财政监督中发现的问题及其所涉及的金额',
    );
  });
});
