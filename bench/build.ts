import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './form-pool.js';

export const resultsDir = join(repoRoot, 'bench/results');
// JIXIAO_BENCH_BUILD_DIR: run the server bench on another build (to compare two versions side by side).
export const buildDir = process.env.JIXIAO_BENCH_BUILD_DIR ?? join(resultsDir, 'build');

/**
 * Compile src/ like `npm run build` but into bench/results/build (git- and lint-ignored), so the
 * benchmark runs the built CLI without touching dist/. tsc emits even when some file has a type error.
 */
export function buildCli(): string {
  mkdirSync(resultsDir, { recursive: true });
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  spawnSync(
    process.execPath,
    [
      tsc,
      '-p',
      join(repoRoot, 'tsconfig.build.json'),
      '--outDir',
      buildDir,
      '--sourceMap',
      'false',
      '--declaration',
      'false',
    ],
    {
      stdio: 'ignore',
    },
  );
  const main = join(buildDir, 'cli/main.js');
  if (!existsSync(main)) throw new Error('building the CLI failed: bench/results/build/cli/main.js is missing');
  return main;
}
