import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Form } from '../../../domain/form/form.schema.js';
import {
  A_024,
  B_026,
  B_027,
  C_101,
  E_022,
  gridReading,
  H_023,
  longA024,
} from '../../../../test/support/family-tables.js';
import { REPO_ROOT, readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';
import { exactMatches, expectedIndicators } from './recovery-score.js';

/**
 * The PDFs of fixtures/pdf turned back into text by pdf.js (fixtures/text/pdfjs/README.md): what a
 * program gets that copies a PDF's text the usual way. The truth is what the PDF importer reads
 * from the same PDF, which import-pdf*.test.ts pin: the golden file for the seed, the grid
 * mapper's reading of the family table as a web page for the families. The floors are the counts
 * measured when this test was written, so a change that recovers fewer fails.
 */
const golden = JSON.parse(
  readFileSync(join(REPO_ROOT, 'fixtures/seed/pingshan-justice-2020.golden.json'), 'utf8'),
) as Form[];
const long = gridReading(longA024(40));
const c101 = gridReading(C_101)[0] as Form;

const TRUTH: Record<string, Form[]> = {
  'pingshan-justice-2020.txt': golden,
  'pingshan-justice-2020.libreoffice.txt': golden,
  'a024-long.txt': long,
  'a024-long-thead.txt': long,
  'a024-long-word.txt': long,
  'a024-long-excel.txt': long,
  // importPdf reads only the first pages of this one (a known limit); the form is still these 40.
  'a024-long-excel-top.txt': long,
  'c101-excel.txt': gridReading(C_101),
  'h023-word.txt': gridReading(H_023),
  'juesuan-2023.txt': [c101, ...gridReading(E_022), ...gridReading(A_024), ...gridReading(H_023)],
  'landscape-small.txt': [c101, ...gridReading(B_026)],
  'several-forms.txt': [...gridReading(A_024), ...gridReading(B_027), c101, c101],
};

/** Exact indicators, weight and score included. */
const FLOORS: Record<string, number> = {
  'pingshan-justice-2020.txt': 74,
  'pingshan-justice-2020.libreoffice.txt': 73,
  'a024-long.txt': 38,
  'a024-long-thead.txt': 40,
  'a024-long-word.txt': 40,
  'a024-long-excel.txt': 0,
  'a024-long-excel-top.txt': 0,
  'c101-excel.txt': 0,
  'h023-word.txt': 2,
  'juesuan-2023.txt': 6,
  'landscape-small.txt': 2,
  'several-forms.txt': 7,
};

describe('PDFs as pdf.js gives their text', () => {
  it.each(readTextFixtures('text/pdfjs'))('%s', (file, text) => {
    const truth = TRUTH[file];
    expect(truth, `${file} has a truth`).toBeDefined();
    expect(FLOORS[file], `${file} has a floor`).toBeDefined();
    const found = exactMatches(importText(text, file).forms, expectedIndicators(truth ?? []));
    expect(found.length).toBeGreaterThanOrEqual(FLOORS[file] ?? Infinity);
  });
});
