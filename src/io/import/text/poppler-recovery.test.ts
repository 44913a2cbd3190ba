import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Form } from '../../../domain/form/form.schema.js';
import { REPO_ROOT, readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';
import { exactMatches, expectedIndicators } from './recovery-score.js';

/**
 * The seed printed as a PDF (by Chromium, and by LibreOffice), turned back into text by poppler's
 * pdftotext in its three modes (fixtures/text/poppler/README.md): the text a person gets from the
 * usual command-line tool. The truth is the golden file; the floors are the counts measured when
 * this test was written, so a change that recovers fewer fails. `-raw` keeps the content order
 * and is read well. `-layout` lays the columns side by side on each line: its indicator tables are
 * read by their columns (laid-out-indicators.ts; 24 → 62 and 22 → 70 when that came), the rows
 * whose 二级指标 the lines cannot tell left out and reported. The default mode prints a row's
 * cells on separate lines, without positions, and is read as any text (import the PDF itself:
 * it reads exactly).
 */
const golden = JSON.parse(
  readFileSync(join(REPO_ROOT, 'fixtures/seed/pingshan-justice-2020.golden.json'), 'utf8'),
) as Form[];
const expected = expectedIndicators(golden);

const FLOORS: Record<string, number> = {
  'seed-chromium.raw.txt': 74,
  'seed-libreoffice.raw.txt': 73,
  'seed-chromium.layout.txt': 62,
  'seed-libreoffice.layout.txt': 70,
  'seed-chromium.default.txt': 9,
  'seed-libreoffice.default.txt': 4,
};

describe('the seed as pdftotext gives it', () => {
  it.each(readTextFixtures('text/poppler'))('%s', (file, text) => {
    const { forms } = importText(text, file);
    expect(forms).toHaveLength(golden.length);
    // -layout cuts 项目起止时间 over two lines; its pieces are joined again (laid-out-labels.ts),
    // and the objectives' two columns are read apart (laid-out-objectives.ts).
    expect(forms.map((f) => f.project.name)).toEqual(golden.map((f) => f.project.name));
    if (file.includes('layout')) {
      expect(forms.map((f) => f.project)).toEqual(golden.map((f) => f.project));
      expect(forms.map((f) => f.funding)).toEqual(golden.map((f) => f.funding));
      expect(forms.map((f) => f.objectives)).toEqual(golden.map((f) => f.objectives));
    }
    expect(FLOORS[file], `${file} has a floor`).toBeDefined();
    expect(exactMatches(forms, expected).length).toBeGreaterThanOrEqual(FLOORS[file] ?? Infinity);
  });
});
