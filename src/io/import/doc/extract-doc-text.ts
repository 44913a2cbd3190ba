/**
 * The text of a Word 97–2003 (.doc) file, read by word-extractor in a worker thread
 * (run-in-thread.ts says why: a looping sector chain would otherwise abort the process).
 */
import { createRequire } from 'node:module';
import { threadReader, type ThreadReader, type ThreadResult } from '../run-in-thread.js';

/** The text parts of the document; table cells end in a tab, paragraphs and table rows in a line break. */
export interface DocText {
  readonly body: string;
  /** Headers, footers, footnotes, endnotes, comments and text boxes, by Chinese name, when not blank. */
  readonly elsewhere: readonly { readonly part: string; readonly text: string }[];
}

export type DocTextResult = ThreadResult<DocText>;

/** Heap for one extraction: the text of a form is small; a looping chain reaches this in seconds. */
const HEAP_MB = 256;
/** A .doc of 100 MB is read in well under this on a slow machine. */
const TIME_LIMIT_MS = 30_000;

// CommonJS evaluated in the thread (no file of its own beside the TypeScript sources, as pdfjs-thread.ts).
// getBody keeps curly quotes and dashes as typed (`filterUnicode: false`): the form model keeps text as printed.
const THREAD_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const WordExtractor = require(workerData.library);
parentPort.on('message', ({ id, input }) => {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  new WordExtractor().extract(bytes).then(
    (doc) => {
      const keep = { filterUnicode: false };
      parentPort.postMessage({ id, value: {
        body: doc.getBody(keep),
        elsewhere: [
          ['页眉', doc.getHeaders({ ...keep, includeFooters: false })],
          ['页脚', doc.getFooters(keep)],
          ['脚注', doc.getFootnotes(keep)],
          ['尾注', doc.getEndnotes(keep)],
          ['批注', doc.getAnnotations(keep)],
          ['文本框', doc.getTextboxes({ ...keep, includeHeadersAndFooters: true, includeBody: true })],
        ].filter(([, text]) => text.trim() !== '').map(([part, text]) => ({ part, text })),
      } });
    },
    (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});
`;

let reader: ThreadReader<DocText> | null = null;

/** Reads the text of a .doc. Never throws: a file word-extractor cannot read is a problem with its detail. */
export function extractDocText(bytes: Uint8Array): Promise<DocTextResult> {
  reader ??= threadReader<DocText>(
    THREAD_SOURCE,
    { library: createRequire(import.meta.url).resolve('word-extractor') },
    { heapMb: HEAP_MB, timeLimitMs: TIME_LIMIT_MS },
  );
  return reader(bytes);
}
