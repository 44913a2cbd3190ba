import { describe, expect, it } from 'vitest';
import { limiter } from './limiter';

/** A task that resolves (or rejects) when told to, recording that it started. */
function controlled(log: string[], name: string) {
  let settle: (ok: boolean) => void = () => undefined;
  const task = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      settle = (ok) => (ok ? resolve(name) : reject(new Error(name)));
    });
  return { task, settle: (ok = true) => settle(ok) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('limiter', () => {
  it('runs at most the given number of tasks at once, the rest in order as slots free', async () => {
    const log: string[] = [];
    const run = limiter(2);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => controlled(log, n));
    // Settled together from the start, so that b's rejection is handled when it happens.
    const settled = Promise.allSettled([a, b, c, d].map((t) => run(t!.task)));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b!.settle(false); // a failure frees its slot too
    await tick();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    a!.settle();
    c!.settle();
    await tick();
    d!.settle();
    expect(await settled).toEqual([
      { status: 'fulfilled', value: 'a' },
      { status: 'rejected', reason: new Error('b') },
      { status: 'fulfilled', value: 'c' },
      { status: 'fulfilled', value: 'd' },
    ]);
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
  });

  it('frees the slot of a task that throws instead of returning a promise', async () => {
    const run = limiter(1);
    const failed = run(() => {
      throw new Error('sync');
    });
    await expect(failed).rejects.toThrow('sync');
    expect(await run(() => Promise.resolve('after'))).toBe('after');
  });
});
