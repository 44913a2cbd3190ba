import { isAbsolute, relative } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Form } from '../../domain/index.js';
import { formatLabel, type InputFormat } from '../../io/import/detect-format.js';
import { importFile, type DispatchedImport } from '../../io/import/import-file.js';
import type { ImportIssue } from '../../io/import/import-result.js';
import { walkInputs } from '../../io/import/walk-inputs.js';
import { fileSink, type CliIo, type TextSink } from '../cli-io.js';
import { renderTable } from '../render-table.js';
import { UserError } from '../user-error.js';

export interface ParseFlags {
  readonly json?: boolean;
  readonly ndjson?: boolean;
  readonly output?: string;
}

interface FileResult extends DispatchedImport {
  readonly file: string;
}

/** Files read at the same time (see importAll). */
const FILES_IN_FLIGHT = 4;

/** Show a progress bar from this many files on (and only on a terminal). */
const progressFrom = 3;

/**
 * Imports `files`, FILES_IN_FLIGHT at a time, and hands each result to `use` in the input order as
 * soon as the files before it are done: forms and issues are written out as they come instead of
 * all being held to the end (a folder of 100,000 files would not fit in memory). PDFs are parsed in
 * pdf.js' own thread: with several files in flight, one file's grid and forms are built on this
 * thread while the next one is parsed there.
 */
async function importAll(
  files: readonly string[],
  io: CliIo,
  use: (result: FileResult) => Promise<void>,
): Promise<void> {
  const bar =
    io.stderrIsTTY && io.progressStream && files.length >= progressFrom
      ? new SingleBar({
          stream: io.progressStream,
          format: '解析 {bar} {value}/{total} {file}',
          hideCursor: true,
          clearOnComplete: true,
        })
      : null;
  bar?.start(files.length, 0, { file: '' });
  // Results done ahead of an earlier file wait here for it (a few, unless one file is very slow).
  const ready = new Map<number, FileResult>();
  let delivered = 0;
  let delivering: Promise<void> = Promise.resolve();
  const deliver = (): Promise<void> => {
    delivering = delivering.then(async () => {
      for (let r = ready.get(delivered); r !== undefined; r = ready.get(delivered)) {
        ready.delete(delivered);
        delivered += 1;
        await use(r);
      }
    });
    return delivering;
  };
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i] as string;
      ready.set(i, { file, ...(await importFile(file)) });
      done += 1;
      bar?.update(done, { file });
      await deliver();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, files.length) }, worker));
    await deliver();
  } finally {
    bar?.update(done, { file: '' });
    bar?.stop();
  }
}

type Severity = ImportIssue['severity'];

/** What the tables show of a file, kept while its forms and issues are written out. */
interface FileSummary {
  readonly file: string;
  readonly format: InputFormat | null;
  readonly forms: number;
  readonly indicators: number;
  readonly counts: Readonly<Record<Severity, number>>;
  /** Its errors and warnings, with the excerpt of `raw` the table shows. */
  readonly shown: readonly {
    readonly severity: Severity;
    readonly code: string;
    readonly location: string;
    readonly text: string;
  }[];
}

function summaryOf(r: FileResult): FileSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of r.issues) counts[i.severity] += 1;
  return {
    file: r.file,
    format: r.format,
    forms: r.forms.length,
    indicators: r.forms.reduce((n, f) => n + f.indicators.length, 0),
    counts,
    shown: r.issues
      .filter((i) => i.severity !== 'info')
      .map((i) => ({
        severity: i.severity,
        code: i.code,
        location: i.location ?? '',
        text: i.raw === null ? i.message : `${i.message}\n原文：${excerpt(i.raw)}`,
      })),
  };
}

/**
 * A JSON array written element by element, formatted as `JSON.stringify(array, null, 2)` formats it
 * (strings never hold a raw line break, so indenting every line indents the element).
 */
function jsonArrayWriter(sink: TextSink): { add(value: unknown): Promise<void>; end(): Promise<void> } {
  let count = 0;
  return {
    add: (value) =>
      sink.write(`${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(value, null, 2).replace(/^/gm, '  ')}`),
    end: () => sink.write(count === 0 ? '[]\n' : '\n]\n'),
  };
}

/** Where the forms go: NDJSON, one per line, or one JSON array. */
function formsWriter(sink: TextSink, ndjson: boolean): { add(form: Form): Promise<void>; end(): Promise<void> } {
  if (ndjson) return { add: (form) => sink.write(`${JSON.stringify(form)}\n`), end: async () => undefined };
  return jsonArrayWriter(sink);
}

/** Paths for people: relative to the working directory when inside it. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Longest excerpt of an issue's raw text shown in the table; --json carries it whole. */
const MAX_EXCERPT = 60;

/**
 * The text an issue is about (`raw`), on one line and cut short: enough to find it in the file.
 * Without it a message like "原文见本条" would point at nothing in the table.
 */
function excerpt(raw: string | null): string {
  if (raw === null) return '';
  const line = raw.replace(/\s+/g, ' ').trim();
  return line.length > MAX_EXCERPT ? `${line.slice(0, MAX_EXCERPT)}…` : line;
}

function describe(results: readonly FileSummary[]): string {
  const overview = renderTable({
    head: ['文件', '格式', '表单', '指标', '错误', '警告', '提示'],
    rows: results.map((r) => [
      shown(r.file),
      r.format ? formatLabel[r.format] : '—',
      r.forms,
      r.indicators,
      r.counts.error,
      r.counts.warning,
      r.counts.info,
    ]),
    maxWidths: [60, null, null, null, null, null, null],
  });
  const details = results
    .map((r) => {
      if (r.shown.length === 0) return '';
      const rows = r.shown.map((i) => [i.severity === 'error' ? '错误' : '警告', i.code, i.location, i.text]);
      return `\n${shown(r.file)}\n${renderTable({ head: ['级别', '代码', '位置', '说明'], rows, maxWidths: [null, null, 24, 60] })}`;
    })
    .join('');
  return overview + details;
}

/**
 * `jixiao parse FILE|DIR...`: import every file through the dispatcher. stdout gets a table per
 * file (or `--json`: `[{ file, format, forms, issues }]`, or `--ndjson`: the forms one per line, with
 * the table on stderr); `-o FILE` also writes all forms (a JSON array, NDJSON with --ndjson or a
 * .ndjson name). Returns 1 when some file had an error issue, else 0.
 */
export async function runParse(paths: readonly string[], flags: ParseFlags, io: CliIo): Promise<number> {
  if (flags.json && flags.ndjson && !flags.output) {
    throw new UserError(
      '--json 与 --ndjson 同时使用时需要 -o 指定表单的输出文件。',
      '--json with --ndjson needs -o for the forms',
    );
  }
  const { files, missing } = await walkInputs(paths);
  if (files.length === 0 && missing.length > 0) {
    throw new UserError(`找不到输入：${missing.join('、')}。请检查路径。`, `no such input: ${missing.join(', ')}`);
  }
  if (files.length === 0)
    throw new UserError(
      '目录中没有可解析的文件（.pdf .docx .doc .xlsx .xls .et .html .json .ndjson .txt 等）。',
      'no importable files found',
    );
  const missingResults: FileResult[] = missing.map((file) => ({
    file,
    forms: [],
    issues: [
      {
        file,
        code: 'unreadable-file',
        severity: 'error' as const,
        message: '文件不存在或无法读取。',
        location: null,
        raw: null,
      },
    ],
    format: null,
  }));
  const output = flags.output ? fileSink(flags.output) : null;
  const formsOut =
    output !== null
      ? formsWriter(output, Boolean(flags.ndjson) || /\.(ndjson|jsonl)$/i.test(flags.output ?? ''))
      : flags.ndjson && !flags.json
        ? formsWriter(io.stdout, true)
        : null;
  const resultsOut = flags.json ? jsonArrayWriter(io.stdout) : null;
  const summaries: FileSummary[] = [];
  const use = async (r: FileResult): Promise<void> => {
    summaries.push(summaryOf(r));
    if (formsOut !== null) for (const form of r.forms) await formsOut.add(form);
    await resultsOut?.add({ file: r.file, format: r.format, forms: r.forms, issues: r.issues });
  };
  for (const r of missingResults) await use(r);
  await importAll(files, io, use);
  await formsOut?.end();
  await output?.close();
  await resultsOut?.end();
  if (!flags.json) await (formsOut !== null && output === null ? io.stderr : io.stdout).write(describe(summaries));
  return summaries.some((r) => r.counts.error > 0) ? 1 : 0;
}
