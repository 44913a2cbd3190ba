import { isAbsolute, relative } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Form } from '../../domain/index.js';
import { formatLabel } from '../../io/import/detect-format.js';
import { importFile, type DispatchedImport } from '../../io/import/import-file.js';
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

async function importAll(files: readonly string[], io: CliIo): Promise<FileResult[]> {
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
  const results: FileResult[] = new Array<FileResult>(files.length);
  let next = 0;
  let done = 0;
  // PDFs are parsed in pdf.js' own thread: with several files in flight, one file's grid and forms
  // are built on this thread while the next one is parsed there. Results keep the input order.
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i] as string;
      results[i] = { file, ...(await importFile(file)) };
      done += 1;
      bar?.update(done, { file });
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, files.length) }, worker));
  bar?.update(done, { file: '' });
  bar?.stop();
  return results;
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

const count = (r: FileResult, severity: string): number => r.issues.filter((i) => i.severity === severity).length;

function describe(results: readonly FileResult[]): string {
  const overview = renderTable({
    head: ['文件', '格式', '表单', '指标', '错误', '警告', '提示'],
    rows: results.map((r) => [
      shown(r.file),
      r.format ? formatLabel[r.format] : '—',
      r.forms.length,
      r.forms.reduce((n, f) => n + f.indicators.length, 0),
      count(r, 'error'),
      count(r, 'warning'),
      count(r, 'info'),
    ]),
    maxWidths: [60, null, null, null, null, null, null],
  });
  const details = results
    .map((r) => {
      const issues = r.issues.filter((i) => i.severity !== 'info');
      if (issues.length === 0) return '';
      const rows = issues.map((i) => [
        i.severity === 'error' ? '错误' : '警告',
        i.code,
        i.location ?? '',
        i.raw === null ? i.message : `${i.message}\n原文：${excerpt(i.raw)}`,
      ]);
      return `\n${shown(r.file)}\n${renderTable({ head: ['级别', '代码', '位置', '说明'], rows, maxWidths: [null, null, 24, 60] })}`;
    })
    .join('');
  return overview + details;
}

async function writeForms(sink: TextSink, forms: readonly Form[], ndjson: boolean): Promise<void> {
  if (ndjson) {
    for (const f of forms) await sink.write(`${JSON.stringify(f)}\n`);
  } else await sink.write(`${JSON.stringify(forms, null, 2)}\n`);
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
  const results: FileResult[] = [
    ...missing.map((file) => ({
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
    })),
    ...(await importAll(files, io)),
  ];
  const forms = results.flatMap((r) => r.forms);
  if (flags.output) {
    const sink = fileSink(flags.output);
    await writeForms(sink, forms, Boolean(flags.ndjson) || /\.(ndjson|jsonl)$/i.test(flags.output));
    await sink.close();
  }
  if (flags.json)
    await io.stdout.write(
      `${JSON.stringify(
        results.map((r) => ({ file: r.file, format: r.format, forms: r.forms, issues: r.issues })),
        null,
        2,
      )}\n`,
    );
  else if (flags.ndjson && !flags.output) {
    await writeForms(io.stdout, forms, true);
    await io.stderr.write(describe(results));
  } else await io.stdout.write(describe(results));
  return results.some((r) => count(r, 'error') > 0) ? 1 : 0;
}
