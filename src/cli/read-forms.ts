import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Form } from '../domain/index.js';
import { importFile } from '../io/import/import-file.js';
import { checkFormValue } from '../io/import/import-json.js';
import type { ImportIssue } from '../io/import/import-result.js';
import { parseJson } from '../io/import/parse-json.js';
import type { CliIo } from './cli-io.js';
import { UserError } from './user-error.js';

/** A form read from an input, with where it came from. */
export interface FormInput {
  readonly form: Form;
  readonly file: string;
  /** 1-based NDJSON line, or null. */
  readonly line: number | null;
}

const stdinName = '<stdin>';
const isNdjson = (file: string): boolean => /\.(ndjson|jsonl)$/i.test(file);

function describeIssues(issues: readonly ImportIssue[]): { zh: string; en: string } {
  const shown = issues.slice(0, 20);
  const more = issues.length > shown.length ? issues.length - shown.length : 0;
  const zh =
    shown.map((i) => `  - ${i.location ? `${i.location}：` : ''}${i.message}`).join('\n') +
    (more ? `\n  ……另有 ${more} 个问题` : '');
  const en =
    shown
      .map((i) => `  - ${i.code}${i.path ? ` at ${i.path}` : ''}${i.location ? ` (${i.location})` : ''}`)
      .join('\n') + (more ? `\n  … and ${more} more` : '');
  return { zh, en };
}

/**
 * Stream NDJSON forms line by line (flat memory however long the input). A line that is not JSON, or
 * not a valid form, stops the run with a UserError naming the file, line and column.
 */
async function* readNdjson(input: Readable, file: string): AsyncGenerator<FormInput> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n += 1;
    const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const parsed = parseJson(text);
    if (!parsed.ok) {
      throw new UserError(
        `${file} 第 ${n} 行 第 ${parsed.column} 列不是合法的 JSON（${parsed.reason}）。NDJSON 每行应是一张完整的表单。`,
        `${file}:${n}:${parsed.column}: invalid JSON (${parsed.reason})`,
      );
    }
    const checked = checkFormValue(parsed.value, file, n - 1, `第 ${n} 行 (line ${n})`);
    if (!checked.ok) {
      const d = describeIssues(checked.issues);
      throw new UserError(`${file} 第 ${n} 行的表单不符合格式：\n${d.zh}`, `${file}:${n}: not a valid form:\n${d.en}`);
    }
    yield { form: checked.form, file, line: n };
  }
}

/**
 * Every form of the inputs, in order. `-` is NDJSON on stdin; `.ndjson`/`.jsonl` files stream; other
 * files go through the import dispatcher (JSON, PDF, Word, Excel, text). Canonical JSON must be
 * entirely valid (any problem → UserError with its position); for documents, importer errors are
 * reported on stderr and the forms found are used, and a document with no form is a UserError.
 */
export async function* readForms(inputs: readonly string[], io: CliIo): AsyncGenerator<FormInput> {
  for (const input of inputs) {
    if (input === '-') {
      yield* readNdjson(Readable.from(io.stdin), stdinName);
      continue;
    }
    if (isNdjson(input)) {
      try {
        const info = await stat(input);
        if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
        throw new UserError(`无法读取 ${input}（${code}）。请检查路径。`, `cannot read ${input}: ${code}`);
      }
      const stream = createReadStream(input, { encoding: 'utf8' });
      yield* readNdjson(stream, input);
      continue;
    }
    const result = await importFile(input);
    const errors = result.issues.filter((i) => i.severity === 'error');
    const canonical = result.format === 'json' || result.format === 'ndjson' || result.format === null;
    if (errors.length > 0 && (canonical || result.forms.length === 0)) {
      const d = describeIssues(errors);
      throw new UserError(`无法读取 ${input}：\n${d.zh}`, `cannot read ${input}:\n${d.en}`);
    }
    if (errors.length > 0) {
      const d = describeIssues(errors);
      await io.stderr.write(
        `警告：${input} 导入时有 ${errors.length} 个问题，已使用识别出的 ${result.forms.length} 张表：\n${d.zh}\n`,
      );
    }
    for (const form of result.forms) yield { form, file: input, line: null };
  }
}
