/**
 * Runs the pdf.js worker (the parser behind every document) in a worker thread of its own, shared
 * by all documents of the process. (A thread per document at once was tried: on 68 PDFs four at
 * a time it used 25 % more CPU and 90 MB more memory for the same wall time on two cores, each
 * thread compiling pdf.js anew.)
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
 * - What crosses to the main thread is trimmed to what this importer reads (see THREAD_SOURCE):
 *   copying pdf.js' messages between threads was 17% of that thread's time.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { MessagePort, TransferListItem } from 'node:worker_threads';
import { MessageChannel, Worker } from 'node:worker_threads';
import { setMaxListeners } from 'node:events';

/**
 * The thread's code, evaluated as a CommonJS script so that it needs no file of its own next to
 * the TypeScript sources (tsx, vitest and the compiled build all run it the same way).
 * - pdf.js inflates by itself when constructing a DecompressionStream throws; throwing one prepared
 *   error spares a stack trace per stream (a ReferenceError from a deleted global cost ~6%).
 * - The worker bundle's core-js replaces Array push and JSON with slow spec-edge-case versions (push
 *   alone was ~6% of the thread's time); Node's own are put back once the bundle has loaded, as
 *   load-pdfjs.ts does for the main bundle.
 * - pdf.js talks to the main thread through `wire`, which trims its messages on the way out. Each
 *   message is copied (serialised, then rebuilt on the other side), and for this importer most of
 *   what pdf.js sends is never read:
 *   - operator-list chunks keep only the operators in `keptOperators` (what read-page-rules.ts
 *     reads: paths, the transformation matrix, images). Text drawing operators carry an object per
 *     glyph. Nothing is transferred: the buffers of the operators kept are small and copied, and
 *     those of the dropped ones (a matrix per text position) need not be detached.
 *   - fonts lose the operator lists of their Type3 glyph programs (`charProcOperatorList`: the
 *     844 glyphs of the Chromium print), which only a canvas renderer draws.
 *   - text-content chunks are packed (PackedTextChunk below): one string array and one
 *     Float64Array instead of an object with a nested array per text run. The main thread reads
 *     them with textRunsOf. A chunk whose items do not all have the expected shape is sent as is.
 * - Messages sent in one turn of the thread's event loop cross as one (a batch under BATCH_KEY,
 *   flushed by setImmediate): each postMessage has a fixed cost beyond copying (a wake-up of the
 *   other thread), and pdf.js sends a text chunk every 10 text runs. pdf.js' parsing runs on
 *   promise chains, so a turn ends whenever it waits, for the main thread's reply included: no
 *   deadlock.
 * pdf.js' message protocol (`stream` 4 = enqueue a chunk, `commonobj` … `Font`) is internal; if a
 * version changes it, the messages are no longer recognised and go through unchanged (slower,
 * still correct), and pdfjs-thread.test.ts fails on the packed text and the kept operators.
 */
const THREAD_SOURCE = `
const { workerData } = require('node:worker_threads');
const unavailable = new Error('DecompressionStream is not used in the pdf.js thread');
globalThis.DecompressionStream = class { constructor() { throw unavailable; } };
const natives = [[Array.prototype, 'push'], [JSON, 'stringify'], [JSON, 'parse']].map(
  ([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)],
);
const { port, url, keptOperators } = workerData;
// pdf.js listens on the port once per open document; a server reading a dozen uploads at once is
// not a leak, and Node's warning about it would be noise in the log.
require('node:events').setMaxListeners(0, port);
const kept = new Set(keptOperators);
const ENQUEUE = 4;

function keptOperatorsOf(chunk) {
  const fnArray = [];
  const argsArray = [];
  for (let i = 0; i < chunk.length; i++) {
    if (kept.has(chunk.fnArray[i])) {
      fnArray.push(chunk.fnArray[i]);
      argsArray.push(chunk.argsArray[i]);
    }
  }
  return { ...chunk, fnArray, argsArray, length: fnArray.length };
}

function packedText(chunk) {
  const { items } = chunk;
  const str = new Array(items.length);
  const num = new Float64Array(items.length * 6);
  for (let i = 0; i < items.length; i++) {
    const { str: text, width, height, transform: t } = items[i];
    if (typeof text !== 'string' || typeof width !== 'number' || typeof height !== 'number') return null;
    if (!Array.isArray(t) || t.length !== 6) return null;
    str[i] = text;
    num[i * 6] = width;
    num[i * 6 + 1] = height;
    num[i * 6 + 2] = t[2];
    num[i * 6 + 3] = t[3];
    num[i * 6 + 4] = t[4];
    num[i * 6 + 5] = t[5];
  }
  return { items: [], styles: {}, lang: chunk.lang, packed: { str, num } };
}

let batch = null;
function flush() {
  const { messages, transfers } = batch;
  batch = null;
  // Throws if a message cannot be copied (pdf.js sends none such): uncaught, that ends the thread,
  // and the documents being read reject (acquirePdfjsThread's \`exited\`) instead of waiting for
  // a reply that would never come. A buffer is listed once however many messages name it.
  port.postMessage({ [workerData.batchKey]: messages }, [...new Set(transfers.flat())]);
}
function send(message, transfer) {
  if (batch === null) {
    batch = { messages: [], transfers: [] };
    setImmediate(flush);
  }
  batch.messages.push(message);
  batch.transfers.push(transfer ?? []);
}

const wire = {
  postMessage(message, transfer) {
    const chunk = message.chunk;
    if (message.stream === ENQUEUE && chunk) {
      if (Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray)) {
        send({ ...message, chunk: keptOperatorsOf(chunk) });
        return;
      }
      const packed = Array.isArray(chunk.items) ? packedText(chunk) : null;
      if (packed) {
        send({ ...message, chunk: packed }, [packed.packed.num.buffer]);
        return;
      }
    }
    const data = message.data;
    if (message.action === 'commonobj' && Array.isArray(data) && data[1] === 'Font' && data[2]?.charProcOperatorList) {
      // A fresh object from font.exportData(), made for this message.
      data[2].charProcOperatorList = undefined;
    }
    send(message, transfer);
  },
  addEventListener: (type, listener, options) => port.addEventListener(type, listener, options),
  removeEventListener: (type, listener, options) => port.removeEventListener(type, listener, options),
};

import(url).then(({ WorkerMessageHandler }) => {
  for (const [owner, key, descriptor] of natives) Object.defineProperty(owner, key, descriptor);
  WorkerMessageHandler.initializeFromPort(wire);
});
`;

/**
 * A text-content chunk as the pdf.js thread sends it: `str[i]` is item i's text; `num[6i…6i+5]`
 * its width, height and transform[2…5] (the vertical scale column and the origin).
 */
interface PackedTextChunk {
  readonly packed: { readonly str: readonly string[]; readonly num: Float64Array };
}

/** One text run of a text-content chunk, the fields of pdf.js' TextItem that this importer reads. */
export interface RawTextRun {
  readonly str: string;
  readonly width: number;
  readonly height: number;
  /** transform[2…5] of the item (its [a b] column is not needed). */
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

function isPacked(chunk: unknown): chunk is PackedTextChunk {
  const packed = (chunk as Partial<PackedTextChunk> | null)?.packed;
  return packed !== undefined && Array.isArray(packed.str) && packed.num instanceof Float64Array;
}

/**
 * The text runs of one chunk of `page.streamTextContent()`: packed by the pdf.js thread, or
 * pdf.js' own `{ items }` when the thread let it through unchanged.
 */
export function textRunsOf(chunk: unknown): RawTextRun[] {
  const runs: RawTextRun[] = [];
  if (isPacked(chunk)) {
    const { str, num } = chunk.packed;
    for (let i = 0; i < str.length; i++) {
      const k = i * 6;
      runs.push({
        str: str[i] ?? '',
        width: num[k] ?? 0,
        height: num[k + 1] ?? 0,
        c: num[k + 2] ?? 0,
        d: num[k + 3] ?? 0,
        e: num[k + 4] ?? 0,
        f: num[k + 5] ?? 0,
      });
    }
    return runs;
  }
  const items = (chunk as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return runs;
  for (const item of items as { str?: unknown; width?: unknown; height?: unknown; transform?: unknown }[]) {
    if (typeof item.str !== 'string') continue;
    const t = Array.isArray(item.transform) ? (item.transform as number[]) : [];
    runs.push({
      str: item.str,
      width: typeof item.width === 'number' ? item.width : 0,
      height: typeof item.height === 'number' ? item.height : 0,
      c: t[2] ?? 0,
      d: t[3] ?? 0,
      e: t[4] ?? 0,
      f: t[5] ?? 0,
    });
  }
  return runs;
}

/** The key of the array of messages the pdf.js thread sends in one turn of its event loop. */
const BATCH_KEY = 'jixiaoPdfjsBatch';

/** What pdf.js' main side needs of a worker port: a web Worker's postMessage and message events. */
export interface PdfjsPort {
  postMessage(message: unknown, transfer?: readonly TransferListItem[]): void;
  addEventListener: EventTarget['addEventListener'];
  removeEventListener: EventTarget['removeEventListener'];
}

/**
 * The main side of the thread's port: batches from the thread are dispatched to pdf.js one
 * message at a time, as `message` events with the message as `data`.
 */
function unbatchingPort(port: MessagePort): PdfjsPort {
  const target = new EventTarget();
  // One listener per open document (see THREAD_SOURCE): many at once is not a leak.
  setMaxListeners(0, target);
  port.on('message', (data: unknown) => {
    const batch = (data as Record<string, unknown> | null)?.[BATCH_KEY];
    for (const message of Array.isArray(batch) ? (batch as unknown[]) : [data]) {
      target.dispatchEvent(new MessageEvent('message', { data: message }));
    }
  });
  return {
    postMessage: (message, transfer) => port.postMessage(message, transfer as TransferListItem[] | undefined),
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
  };
}

interface Thread {
  readonly port: MessagePort;
  readonly pdfjsPort: PdfjsPort;
  /** Rejecters of the current holders' `exited` promises, called if the thread exits. */
  readonly holders: Set<(error: Error) => void>;
}

let current: Thread | null = null;

function startThread(keptOperators: readonly number[]): Thread {
  const require = createRequire(import.meta.url);
  const url = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
  const { port1, port2 } = new MessageChannel();
  // execArgv: [] keeps loaders of the parent (tsx) out of a thread that only runs plain JavaScript.
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { port: port2, url, keptOperators, batchKey: BATCH_KEY },
    transferList: [port2],
    execArgv: [],
  });
  // Only documents being read keep the process alive (see acquirePdfjsThread), never the idle thread.
  const thread: Thread = { port: port1, pdfjsPort: unbatchingPort(port1), holders: new Set() };
  worker.unref();
  port1.unref();
  // A thread that failed takes no new document, even before its exit event.
  const retire = (): void => {
    if (current === thread) current = null;
  };
  worker.on('error', retire);
  worker.once('exit', (code) => {
    retire();
    port1.close();
    const error = new Error(`pdf.js worker thread exited (code ${code})`);
    for (const reject of thread.holders) reject(error);
    thread.holders.clear();
  });
  return thread;
}

export interface PdfjsThreadHold {
  /** The port pdf.js' main side talks to the worker through (`PDFWorker.create({ port })`). */
  readonly port: PdfjsPort;
  /** Rejects if the thread exits before `release` (crash, out of memory): pdf.js' pending requests would never settle. */
  readonly exited: Promise<never>;
  readonly release: () => void;
}

/**
 * The shared pdf.js thread, started on first use. While at least one caller holds it (until its
 * `release`), its port keeps the process alive: the main thread may be awaiting nothing but replies.
 * `keptOperators` (pdf.js OPS codes) are the operators operator lists keep on their way to this
 * thread; the thread is started with those of its first caller (every caller passes the same).
 */
export function acquirePdfjsThread(keptOperators: readonly number[]): PdfjsThreadHold {
  current ??= startThread(keptOperators);
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
  return { port: thread.pdfjsPort, exited, release };
}
