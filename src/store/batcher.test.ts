import { describe, expect, it } from 'vitest';
import { batcher } from './batcher.js';

describe('batcher', () => {
  it('answers the calls of one round with one run, in order, and later calls with another', async () => {
    const runs: number[][] = [];
    const double = batcher(async (items: readonly number[]) => {
      runs.push([...items]);
      return items.map((n) => n * 2);
    });
    expect(await Promise.all([double(1), double(2), double(3)])).toEqual([2, 4, 6]);
    expect(await double(4)).toBe(8);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('holds calls while maxInFlight runs are out, then sends them as one batch', async () => {
    const runs: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const echo = batcher(async (items: readonly number[]) => {
      runs.push([...items]);
      if (runs.length === 1) await gate;
      return items;
    }, 1);
    const first = echo(1);
    await new Promise((resolve) => setImmediate(resolve)); // the first run is out
    const later = [echo(2), echo(3)];
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const [third] = [echo(4)];
    expect(runs).toEqual([[1]]); // 2, 3 and 4 wait for the first run, whatever rounds they came in
    release();
    expect(await Promise.all([first, ...later, third])).toEqual([1, 2, 3, 4]);
    expect(runs).toEqual([[1], [2, 3, 4]]);
  });

  it('fails every call of a batch whose run fails', async () => {
    const broken = batcher(async (): Promise<number[]> => {
      throw new Error('down');
    });
    const results = await Promise.allSettled([broken(1), broken(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
