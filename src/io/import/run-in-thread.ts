/**
 * Runs a third-party reader of a binary container in a worker thread, with a heap limit and a time
 * limit, the thread kept for the next file.
 *
 * Why a thread: compound-file readers (word-extractor for .doc, cfb for .xls) follow the file's
 * sector chains as the file states them, and a chain that loops (a damaged or hostile file) makes
 * them grow an array until V8 aborts the whole process — a server would die on one upload. In a
 * thread with a heap limit that ends as ERR_WORKER_OUT_OF_MEMORY for this file only; the time limit
 * covers loops that allocate nothing. (Loops in the allocation table are also refused before the
 * readers run: find-looping-chain.ts.)
 *
 * Why kept: starting a thread and loading the reader in it took 35–50 ms, more than reading a
 * form's .xls; a folder of them was mostly thread start-ups. A thread that fails (a limit, a crash)
 * is ended, and the next file gets a new one. Files are read one after another in it.
 */
import { Worker, type TransferListItem } from 'node:worker_threads';

export type ThreadProblem = 'unreadable' | 'too-large' | 'too-slow';

export type ThreadResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ThreadProblem; readonly detail: string };

export interface ThreadLimits {
  /** Old-generation heap of the thread, in MB. */
  readonly heapMb: number;
  /** Wall-clock limit for one file's read, in ms. */
  readonly timeLimitMs: number;
}

/** Reads one input in the reader's thread. Never throws. */
export type ThreadReader<T> = (input: unknown, transferList?: readonly TransferListItem[]) => Promise<ThreadResult<T>>;

/**
 * A reader evaluating `source` (CommonJS) in a worker thread started on first use. The source sets
 * itself up from `workerData` and answers every message `{ id, input }` with exactly one
 * `{ id, value }` or `{ id, error }`. A crash, the heap limit or the time limit come back as a
 * problem with its detail (English, for logs), and end that thread.
 */
export function threadReader<T>(source: string, workerData: unknown, limits: ThreadLimits): ThreadReader<T> {
  let current: Worker | null = null;
  let nextId = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const retire = (worker: Worker): void => {
    if (current === worker) current = null;
    void worker.terminate();
  };
  const start = (): Worker => {
    const worker = new Worker(source, {
      eval: true,
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      execArgv: [],
    });
    // An idle thread keeps no process alive (a job's timer does while it runs); one that fails
    // between files is simply not used again.
    worker.unref();
    worker.on('error', () => retire(worker));
    worker.on('exit', () => retire(worker));
    return worker;
  };

  const readOne = (input: unknown, transferList: readonly TransferListItem[]): Promise<ThreadResult<T>> =>
    new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = current ??= start();
      } catch (error) {
        resolve({ ok: false, problem: 'unreadable', detail: `no reader thread: ${String(error)}` });
        return;
      }
      const id = nextId++;
      let settled = false;
      const settle = (result: ThreadResult<T>, fail: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (fail) retire(worker);
        resolve(result);
      };
      const onMessage = (message: { id?: number; value?: T; error?: string }): void => {
        if (message.id !== id) return;
        if (message.value !== undefined) settle({ ok: true, value: message.value }, false);
        else settle({ ok: false, problem: 'unreadable', detail: message.error ?? 'no result' }, false);
      };
      const onError = (error: Error & { code?: string }): void => {
        const tooLarge = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        settle({ ok: false, problem: tooLarge ? 'too-large' : 'unreadable', detail: error.message }, true);
      };
      const onExit = (code: number): void =>
        settle({ ok: false, problem: 'unreadable', detail: `reader exited (code ${code})` }, true);
      const timer = setTimeout(
        () => settle({ ok: false, problem: 'too-slow', detail: `no result after ${limits.timeLimitMs} ms` }, true),
        limits.timeLimitMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, input }, [...transferList]);
    });

  return (input, transferList = []) => {
    const job = queue.then(() => readOne(input, transferList));
    queue = job;
    return job;
  };
}
