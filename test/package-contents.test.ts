import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * What `npm install jixiao` gets: the files the installed CLI reads at run time must be in the
 * package, not only in a clone (`jixiao demo` imports the seed text).
 */
describe('npm package contents', () => {
  it('ships the CLI, the built code and web app, and the seed the demo loads', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    const [pack] = JSON.parse(out) as [{ files: { path: string }[] }];
    const paths = new Set(pack.files.map((f) => f.path));
    expect(paths).toContain('bin/jixiao.js');
    expect(paths).toContain('fixtures/seed/pingshan-justice-2020.txt');
    // npm ci builds dist/ (the prepare script) before any test runs.
    expect(paths).toContain('dist/cli/main.js');
    expect(paths).toContain('dist/web/index.html');
    // Tests and the other fixtures stay out of the package.
    expect([...paths].filter((p) => p.startsWith('fixtures/'))).toEqual(['fixtures/seed/pingshan-justice-2020.txt']);
    expect([...paths].some((p) => p.endsWith('.test.js') || p.startsWith('test/'))).toBe(false);
  });
});
