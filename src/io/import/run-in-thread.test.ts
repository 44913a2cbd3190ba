import { describe, expect, it } from 'vitest';
import { threadReader } from './run-in-thread.js';

/** A reader that echoes its input with its thread's id, or misbehaves as the input asks. */
const SOURCE = `
const { parentPort, threadId, workerData } = require('node:worker_threads');
parentPort.on('message', ({ id, input }) => {
  if (input === 'spin') for (;;) {}
  if (input === 'hog') { const kept = []; for (;;) kept.push(new Array(1e5).fill(input)); }
  if (input === 'refuse') return parentPort.postMessage({ id, error: 'not a file this reader knows' });
  parentPort.postMessage({ id, value: { thread: threadId, echo: input, tag: workerData.tag } });
});
`;

interface Echo {
  readonly thread: number;
  readonly echo: unknown;
  readonly tag: string;
}

const reader = () => threadReader<Echo>(SOURCE, { tag: 'set up once' }, { heapMb: 32, timeLimitMs: 1_000 });

describe('threadReader', () => {
  it('reads one input after another in one thread, each answer to its own input', async () => {
    const read = reader();
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((input) => read(input)));
    expect(results.map((r) => (r.ok ? r.value.echo : r.problem))).toEqual(['a', 'b', 'c', 'd']);
    const threads = new Set(results.map((r) => (r.ok ? r.value.thread : -1)));
    expect(threads.size).toBe(1);
    expect(results[0]).toMatchObject({ ok: true, value: { tag: 'set up once' } });
  });

  it('keeps the thread after an input its reader refuses', async () => {
    const read = reader();
    const first = await read('x');
    expect(await read('refuse')).toEqual({ ok: false, problem: 'unreadable', detail: 'not a file this reader knows' });
    const after = await read('y');
    expect(after.ok && first.ok && after.value.thread === first.value.thread).toBe(true);
  });

  it('ends a thread past the time limit and reads the next input in a new one', async () => {
    const read = reader();
    const first = await read('x');
    expect(await read('spin')).toMatchObject({ ok: false, problem: 'too-slow' });
    const after = await read('y');
    expect(after).toMatchObject({ ok: true, value: { echo: 'y' } });
    expect(after.ok && first.ok && after.value.thread !== first.value.thread).toBe(true);
  });

  it('ends a thread past its heap limit and reads the next input in a new one', async () => {
    const read = reader();
    expect(await read('hog')).toMatchObject({ ok: false, problem: 'too-large' });
    expect(await read('z')).toMatchObject({ ok: true, value: { echo: 'z' } });
  }, 20_000);
});
