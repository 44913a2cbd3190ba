/**
 * The text of a Word 97–2003 (.doc) file, read by word-extractor in a worker thread of its own.
 *
 * Why a thread: word-extractor follows the file's sector chains as the file states them, and a
 * chain that loops (a damaged or hostile file) makes it grow an array until V8 aborts the whole
 * process — a server would die on one upload. In a thread with a heap limit that ends as
 * ERR_WORKER_OUT_OF_MEMORY for this file only; a time limit covers loops that allocate nothing.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The text parts of the document; table cells end in a tab, paragraphs and table rows in a line break. */
export interface DocText {
  readonly body: string;
  /** Headers, footers, footnotes, endnotes, comments and text boxes, by Chinese name, when not blank. */
  readonly elsewhere: readonly { readonly part: string; readonly text: string }[];
}

export type DocTextResult =
  | { readonly ok: true; readonly text: DocText }
  | { readonly ok: false; readonly problem: 'unreadable' | 'too-large' | 'too-slow'; readonly detail: string };

/** Heap for one extraction: the text of a form is small; a looping chain reaches this in seconds. */
const HEAP_MB = 256;
/** A .doc of 100 MB is read in well under this on a slow machine. */
const TIME_LIMIT_MS = 30_000;

// CommonJS evaluated in the thread (no file of its own beside the TypeScript sources, as pdfjs-thread.ts).
// getBody keeps curly quotes and dashes as typed (`filterUnicode: false`): the form model keeps text as printed.
const THREAD_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const WordExtractor = require(workerData.library);
const bytes = Buffer.from(workerData.bytes.buffer, workerData.bytes.byteOffset, workerData.bytes.byteLength);
new WordExtractor().extract(bytes).then(
  (doc) => {
    const keep = { filterUnicode: false };
    parentPort.postMessage({
      body: doc.getBody(keep),
      elsewhere: [
        ['页眉', doc.getHeaders({ ...keep, includeFooters: false })],
        ['页脚', doc.getFooters(keep)],
        ['脚注', doc.getFootnotes(keep)],
        ['尾注', doc.getEndnotes(keep)],
        ['批注', doc.getAnnotations(keep)],
        ['文本框', doc.getTextboxes({ ...keep, includeHeadersAndFooters: true, includeBody: true })],
      ].filter(([, text]) => text.trim() !== '').map(([part, text]) => ({ part, text })),
    });
  },
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);
`;

/** Reads the text of a .doc. Never throws: a file word-extractor cannot read is a problem with its detail. */
export function extractDocText(bytes: Uint8Array): Promise<DocTextResult> {
  const library = createRequire(import.meta.url).resolve('word-extractor');
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { bytes, library },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
      execArgv: [],
    });
    const settle = (result: DocTextResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => settle({ ok: false, problem: 'too-slow', detail: `no text after ${TIME_LIMIT_MS} ms` }),
      TIME_LIMIT_MS,
    );
    worker.on('message', (message: { body?: string; elsewhere?: DocText['elsewhere']; error?: string }) => {
      if (typeof message.body === 'string')
        settle({ ok: true, text: { body: message.body, elsewhere: message.elsewhere ?? [] } });
      else settle({ ok: false, problem: 'unreadable', detail: message.error ?? 'no text' });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const tooLarge = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle({ ok: false, problem: tooLarge ? 'too-large' : 'unreadable', detail: error.message });
    });
    worker.on('exit', (code) => settle({ ok: false, problem: 'unreadable', detail: `reader exited (code ${code})` }));
  });
}
