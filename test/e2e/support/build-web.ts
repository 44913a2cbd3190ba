import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
export const webRoot = join(repo, 'dist', 'web');

/** Sources the web bundle is built from: the app and the parts of src/ it imports. */
const sourceDirs = ['web', 'src/domain', 'src/io/import'].map((d) => join(repo, d));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/web is missing or older than any of its sources. */
export function webBuildIsStale(): boolean {
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sourceDirs.some((d) => existsSync(d) && newestMtime(d) > built);
}

const lockDir = join(repo, 'dist', '.web-build.lock');
const lockStaleMs = 5 * 60_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the web app into dist/web (vite build) unless it is up to date. Test files run in parallel
 * workers: a lock directory (mkdir is atomic) lets one build while the others wait and then find the
 * build fresh. Returns the web root.
 */
export function ensureWebBuild(): string {
  mkdirSync(join(repo, 'dist'), { recursive: true });
  for (;;) {
    if (!webBuildIsStale()) return webRoot;
    try {
      mkdirSync(lockDir);
    } catch {
      // Someone else is building; a lock left by a killed run is taken over after a while.
      const lock = statSync(lockDir, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > lockStaleMs) rmSync(lockDir, { recursive: true, force: true });
      sleepSync(500);
      continue;
    }
    try {
      if (webBuildIsStale())
        execFileSync(
          process.execPath,
          [
            join(repo, 'node_modules/vite/bin/vite.js'),
            'build',
            '--config',
            join(repo, 'web/vite.config.ts'),
            '--logLevel',
            'warn',
          ],
          // vitest runs with NODE_ENV=test, which Vite would keep: React and antd would ship their development builds.
          { cwd: repo, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
        );
      return webRoot;
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
}
