/** Small timing helpers for the benchmarks: wall time with hrtime, formatted numbers. */

/** Milliseconds taken by fn (sync or async), and its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/** The fastest of `runs` runs (the least disturbed by the other processes on a shared machine). */
export async function bestOf<T>(runs: number, fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  let best: { ms: number; result: T } | null = null;
  for (let i = 0; i < runs; i += 1) {
    const r = await timed(fn);
    if (best === null || r.ms < best.ms) best = r;
  }
  return best as { ms: number; result: T };
}

export const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const perSecond = (count: number, ms: number): number => (count * 1000) / ms;
export const mb = (bytes: number): number => bytes / 1024 / 1024;

/** Print one result line: name, then key=value pairs. */
export function report(name: string, values: Record<string, string | number>): void {
  const parts = Object.entries(values).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`);
  console.log(`${name.padEnd(28)} ${parts.join('  ')}`);
}
