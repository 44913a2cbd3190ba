/**
 * The workbook stream of an .xls (or WPS .et): the `Workbook` stream (BIFF8) or `Book` (BIFF5,
 * Excel 5/95) of the compound file, read by cfb in a worker thread (kept for the next file). cfb follows a
 * stream's sector chain without checking for a loop (get_sector_list), so a crafted allocation
 * table grows an array until V8 aborts; run-in-thread.ts bounds that to this file.
 */
import { createRequire } from 'node:module';
import { threadReader, type ThreadReader, type ThreadResult } from '../run-in-thread.js';

export interface WorkbookStream {
  /** The stream's bytes; null when the compound file holds no workbook stream. */
  readonly bytes: Uint8Array | null;
  /** `Workbook` or `Book`, as stored; null with no workbook stream. */
  readonly name: string | null;
  /** Names of every stream in the file, for the message when none is a workbook. */
  readonly streams: readonly string[];
}

/** The container of a form is a few hundred KB; a looping chain reaches this in a second or two. */
const HEAP_MB = 256;
/** A 100 MB .xls is split into its streams in well under this on a slow machine. */
const TIME_LIMIT_MS = 30_000;

// CommonJS evaluated in the thread (no file of its own beside the TypeScript sources, as pdfjs-thread.ts).
// `Workbook` wins over `Book` (Excel 97 keeps a BIFF5 `Book` beside it in "5.0/95 and 97" dual files).
const THREAD_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const CFB = require(workerData.library);
parentPort.on('message', ({ id, input }) => {
  try {
    const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const container = CFB.read(bytes, { type: 'buffer' });
    const streams = container.FileIndex.filter((e) => e.type === 2);
    const top = (name) => streams.find((e, i) => e.name.toLowerCase() === name && container.FullPaths[container.FileIndex.indexOf(e)].split('/').length === 2);
    const entry = top('workbook') || top('book');
    const names = streams.map((e) => e.name);
    if (!entry) parentPort.postMessage({ id, value: { bytes: null, name: null, streams: names } });
    else {
      const content = Uint8Array.from(entry.content || []);
      parentPort.postMessage({ id, value: { bytes: content, name: entry.name, streams: names } }, [content.buffer]);
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

let reader: ThreadReader<WorkbookStream> | null = null;

/** Splits the compound file and returns its workbook stream. Never throws. */
export function readWorkbookStream(bytes: Uint8Array): Promise<ThreadResult<WorkbookStream>> {
  reader ??= threadReader<WorkbookStream>(
    THREAD_SOURCE,
    { library: createRequire(import.meta.url).resolve('cfb') },
    { heapMb: HEAP_MB, timeLimitMs: TIME_LIMIT_MS },
  );
  return reader(bytes);
}
