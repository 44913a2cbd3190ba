/**
 * Runs a third-party reader of a binary container in a worker thread of its own, with a heap limit
 * and a time limit.
 *
 * Why: compound-file readers (word-extractor for .doc, cfb for .xls) follow the file's sector
 * chains as the file states them, and a chain that loops (a damaged or hostile file) makes them
 * grow an array until V8 aborts the whole process — a server would die on one upload. In a thread
 * with a heap limit that ends as ERR_WORKER_OUT_OF_MEMORY for this file only; the time limit covers
 * loops that allocate nothing.
 */
import { Worker, type TransferListItem } from 'node:worker_threads';

export type ThreadProblem = 'unreadable' | 'too-large' | 'too-slow';

export type ThreadResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ThreadProblem; readonly detail: string };

export interface ThreadLimits {
  /** Old-generation heap of the thread, in MB. */
  readonly heapMb: number;
  /** Wall-clock limit for the whole read, in ms. */
  readonly timeLimitMs: number;
}

/**
 * Evaluates `source` (CommonJS; it reads `workerData` and posts exactly one message, `{ value }`
 * or `{ error }`) in a new thread. Never throws: a crash, the heap limit or the time limit come
 * back as a problem with its detail (English, for logs).
 */
export function runInThread<T>(
  source: string,
  workerData: unknown,
  limits: ThreadLimits,
  transferList: readonly TransferListItem[] = [],
): Promise<ThreadResult<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(source, {
      eval: true,
      workerData,
      transferList: [...transferList],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      execArgv: [],
    });
    const settle = (result: ThreadResult<T>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => settle({ ok: false, problem: 'too-slow', detail: `no result after ${limits.timeLimitMs} ms` }),
      limits.timeLimitMs,
    );
    worker.on('message', (message: { value?: T; error?: string }) => {
      if (message.value !== undefined) settle({ ok: true, value: message.value });
      else settle({ ok: false, problem: 'unreadable', detail: message.error ?? 'no result' });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const tooLarge = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle({ ok: false, problem: tooLarge ? 'too-large' : 'unreadable', detail: error.message });
    });
    worker.on('exit', (code) => settle({ ok: false, problem: 'unreadable', detail: `reader exited (code ${code})` }));
  });
}
