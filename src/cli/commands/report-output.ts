import { createReportWriter, type OutputFormat, type ReportSpec, type ReportWriter } from '../output.js';
import { fileSink, type CliIo, type TextSink } from '../cli-io.js';
import { UserError } from '../user-error.js';

/** Output flags shared by score, check and summary. */
export interface ReportFlags {
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly output?: string;
}

/** The format the flags ask for; both --json and --csv is bad usage. */
export function chooseFormat(flags: ReportFlags): OutputFormat {
  if (flags.json && flags.csv)
    throw new UserError('--json 和 --csv 只能选一个。', '--json and --csv are mutually exclusive');
  return flags.json ? 'json' : flags.csv ? 'csv' : 'table';
}

/** A report writer on stdout or on the `-o` file, and how to finish it. */
export function openReport<Item, Row>(
  spec: ReportSpec<Item, Row>,
  flags: ReportFlags,
  io: CliIo,
): { writer: ReportWriter<Item>; close: () => Promise<void> } {
  const format = chooseFormat(flags);
  let sink: TextSink = io.stdout;
  let close = async (): Promise<void> => {};
  if (flags.output) {
    const file = fileSink(flags.output);
    sink = file;
    close = async () => {
      try {
        await file.close();
      } catch (e) {
        throw new UserError(
          `无法写入 ${flags.output}（${(e as NodeJS.ErrnoException).code ?? ''}）。`,
          `cannot write ${flags.output}: ${(e as Error).message}`,
        );
      }
    };
  }
  const writer = createReportWriter(sink, spec, {
    format,
    color: !flags.output && io.stdoutIsTTY,
    toFile: Boolean(flags.output),
  });
  return { writer, close };
}
