import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Repository root, for tests that read `fixtures/`. */
export const REPO_ROOT = new URL('../../../../', import.meta.url).pathname;

/** The text fixtures of a folder under `fixtures/`, as [file name, text], sorted by name. */
export function readTextFixtures(folder: string): [string, string][] {
  const dir = join(REPO_ROOT, 'fixtures', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}
