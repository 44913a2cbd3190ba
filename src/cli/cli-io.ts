import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

/** Where the CLI writes text. `write` resolves when the sink can take more (back-pressure). */
export interface TextSink {
  write(chunk: string): Promise<void>;
}

/** Everything the CLI touches outside itself, injectable for in-process tests. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Read by `-` inputs (NDJSON). */
  readonly stdin: AsyncIterable<Buffer | string>;
  /** stdout is a terminal: colours and tables for people. */
  readonly stdoutIsTTY: boolean;
  /** stderr is a terminal: progress bars. */
  readonly stderrIsTTY: boolean;
  /** The raw stream for progress bars (cli-progress draws on it); only used when stderrIsTTY. */
  readonly progressStream: NodeJS.WritableStream | null;
}

/** Wrap a Node stream so that writes wait for 'drain' instead of buffering without bound. */
export function streamSink(stream: Writable | NodeJS.WriteStream): TextSink {
  return {
    async write(chunk) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
  };
}

/** The real process streams. */
export function processIo(): CliIo {
  // `jixiao score … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return {
    stdout: streamSink(process.stdout),
    stderr: streamSink(process.stderr),
    stdin: process.stdin,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    progressStream: process.stderr,
  };
}

/** A file sink for `-o FILE`; `close` flushes and reports write errors. */
export function fileSink(path: string): TextSink & { close(): Promise<void> } {
  const stream = createWriteStream(path);
  let failure: Error | null = null;
  stream.on('error', (e) => {
    failure = e;
  });
  return {
    async write(chunk) {
      if (failure) throw failure;
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
    },
    async close() {
      if (failure) throw failure;
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      });
    },
  };
}
