import { describe, expect, it } from 'vitest';
import { readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';

/**
 * Regression record of what the importer recovers from each real published form. A change in
 * forms found, names, funding lines, indicator counts, self scores or issue codes fails here;
 * review the change, then update the snapshot with `npx vitest run -u` when it is an improvement.
 */
describe('real fixtures', () => {
  it.each(readTextFixtures('real'))('%s', (file, text) => {
    const result = importText(text, file);
    const issues: Record<string, number> = {};
    for (const issue of result.issues) issues[issue.code] = (issues[issue.code] ?? 0) + 1;
    const summary = {
      forms: result.forms.map((form) => ({
        project: form.project.name,
        year: form.year,
        fundingLines: form.funding.lines.length,
        indicators: form.indicators.length,
        selfScore: form.selfScore ?? null,
      })),
      issues: Object.fromEntries(Object.entries(issues).sort(([a], [b]) => a.localeCompare(b))),
    };
    expect(summary).toMatchSnapshot();
  });
});
