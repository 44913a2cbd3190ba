/**
 * Runs the pdf.js worker (the parser behind every document) in a worker thread of its own, shared
 * by all documents of the process.
 *
 * Why a thread rather than pdf.js' in-thread "fake worker":
 * - pdf.js 5 inflates each Flate stream through the global DecompressionStream when one exists. On
 *   Node every call goes through the web-stream → zlib adapters, a fixed cost of many promise turns;
 *   Chromium prints embed CJK text as Type3 fonts with one small stream per glyph (844 streams in
 *   the seed print), and that was the largest single cost of the import (16% of its profile, more
 *   on a busy machine). When the constructor throws, pdf.js uses its own synchronous inflate.
 *   Replacing a global is only acceptable in a thread that runs nothing else, which is this one.
 * - The worker bundle's core-js polyfills (slow replacements of built-ins) stay in that thread.
 * - Parsing runs beside the main thread instead of blocking its event loop.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { MessageChannel, Worker } from 'node:worker_threads';

/**
 * The thread's code, evaluated as a CommonJS script so that it needs no file of its own next to
 * the TypeScript sources (tsx, vitest and the compiled build all run it the same way).
 * - pdf.js inflates by itself when constructing a DecompressionStream throws; throwing one prepared
 *   error spares a stack trace per stream (a ReferenceError from a deleted global cost ~6%).
 * - The worker bundle's core-js replaces Array push and JSON with slow spec-edge-case versions (push
 *   alone was ~6% of the thread's time); Node's own are put back once the bundle has loaded, as
 *   load-pdfjs.ts does for the main bundle.
 */
const THREAD_SOURCE = `
const { workerData } = require('node:worker_threads');
const unavailable = new Error('DecompressionStream is not used in the pdf.js thread');
globalThis.DecompressionStream = class { constructor() { throw unavailable; } };
const natives = [[Array.prototype, 'push'], [JSON, 'stringify'], [JSON, 'parse']].map(
  ([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)],
);
import(workerData.url).then(({ WorkerMessageHandler }) => {
  for (const [owner, key, descriptor] of natives) Object.defineProperty(owner, key, descriptor);
  WorkerMessageHandler.initializeFromPort(workerData.port);
});
`;

interface Thread {
  readonly port: MessagePort;
  /** Rejecters of the current holders' `exited` promises, called if the thread exits. */
  readonly holders: Set<(error: Error) => void>;
}

let current: Thread | null = null;

function startThread(): Thread {
  const require = createRequire(import.meta.url);
  const url = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
  const { port1, port2 } = new MessageChannel();
  // execArgv: [] keeps loaders of the parent (tsx) out of a thread that only runs plain JavaScript.
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { port: port2, url },
    transferList: [port2],
    execArgv: [],
  });
  // Only documents being read keep the process alive (see acquirePdfjsThread), never the idle thread.
  worker.unref();
  port1.unref();
  const thread: Thread = { port: port1, holders: new Set() };
  worker.on('error', () => undefined);
  worker.once('exit', (code) => {
    if (current === thread) current = null;
    port1.close();
    const error = new Error(`pdf.js worker thread exited (code ${code})`);
    for (const reject of thread.holders) reject(error);
    thread.holders.clear();
  });
  return thread;
}

export interface PdfjsThreadHold {
  /** The port pdf.js' main side talks to the worker through (`PDFWorker.create({ port })`). */
  readonly port: MessagePort;
  /** Rejects if the thread exits before `release` (crash, out of memory): pdf.js' pending requests would never settle. */
  readonly exited: Promise<never>;
  readonly release: () => void;
}

/**
 * The shared pdf.js thread, started on first use. While at least one caller holds it (until its
 * `release`), its port keeps the process alive: the main thread may be awaiting nothing but replies.
 */
export function acquirePdfjsThread(): PdfjsThreadHold {
  current ??= startThread();
  const thread = current;
  if (thread.holders.size === 0) thread.port.ref();
  let reject: (error: Error) => void = () => undefined;
  const exited = new Promise<never>((_resolve, fail) => {
    reject = fail;
  });
  thread.holders.add(reject);
  const release = (): void => {
    if (thread.holders.delete(reject) && thread.holders.size === 0) thread.port.unref();
  };
  return { port: thread.port, exited, release };
}
