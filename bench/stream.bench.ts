import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseForms, formVariants, repoRoot } from './form-pool.js';
import { buildCli, resultsDir } from './build.js';
import { fmt, mb, perSecond, report } from './measure.js';

/** A preload that makes the child report its own peak resident set size on exit. */
function rssReporter(): string {
  const path = join(resultsDir, 'report-rss.mjs');
  writeFileSync(
    path,
    "process.on('exit', () => process.stderr.write(`\\nmaxRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n",
  );
  return path;
}

/** Write n NDJSON forms, cycling over 1200 variants with a distinct project name per line. */
async function writeNdjson(path: string, n: number): Promise<number> {
  const lines = formVariants(baseForms(), 1200).map((f) =>
    JSON.stringify(f).replace(/"name":"([^"]*)"/, '"name":"$1#@N@"'),
  );
  const out = createWriteStream(path);
  let chunk = '';
  for (let i = 0; i < n; i += 1) {
    chunk += `${(lines[i % lines.length] as string).replace('@N@', String(i))}\n`;
    if (chunk.length > 1 << 20 || i === n - 1) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

async function runCli(
  main: string,
  preload: string,
  args: string[],
): Promise<{ ms: number; rssKb: number; code: number | null; stderr: string }> {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', preload, main, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rssKb = Number(/maxRSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN);
  return { ms, rssKb, code, stderr };
}

/** Peak RSS of `jixiao score|check FILE.ndjson --json` (output to /dev/null) for each size. */
export async function benchStream(sizes: readonly number[] = [1e4, 1e5, 1e6]): Promise<void> {
  const main = buildCli();
  const preload = rssReporter();
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  console.log(`# stream: built CLI (${main.slice(repoRoot.length)}), NDJSON file → score/check --json > /dev/null`);
  try {
    for (const n of sizes) {
      const file = join(dir, `forms-${n}.ndjson`);
      const size = await writeNdjson(file, n);
      for (const command of ['score', 'check']) {
        const r = await runCli(main, preload, [command, file, '--json']);
        if (r.code !== 0) throw new Error(`${command} exited ${r.code}: ${r.stderr.slice(0, 500)}`);
        report(`${command} ${n.toLocaleString('en-US')} forms`, {
          'file MB': mb(size),
          s: r.ms / 1000,
          'forms/s': perSecond(n, r.ms),
          'peak RSS MB': fmt(r.rssKb / 1024),
        });
      }
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
