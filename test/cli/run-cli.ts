import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-io.js';

/** Repository root (vitest runs from it; URL math keeps it right from anywhere). */
export const repoRoot = new URL('../../', import.meta.url).pathname;
export const seedGolden = join(repoRoot, 'fixtures/seed/pingshan-justice-2020.golden.json');
export const seedExpected = join(repoRoot, 'fixtures/seed/pingshan-justice-2020.expected.json');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the CLI in-process with captured output; `stdin` feeds `-` inputs. */
export async function runCli(args: readonly string[], stdin = ''): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: async (s) => void out.push(s) },
    stderr: { write: async (s) => void err.push(s) },
    stdin: Readable.from([Buffer.from(stdin)]),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    progressStream: null,
  };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Parse stdout as JSON, failing the test with the CLI's stderr when it is not. */
export function jsonOf<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout.slice(0, 500)}\nstderr:\n${run.stderr}`);
  }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The six seed forms as plain objects, for tests that derive broken inputs from them. */
export function seedForms(): Record<string, unknown>[] {
  return readJson<Record<string, unknown>[]>(seedGolden);
}
