import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { Form } from '../../domain/index.js';
import {
  datapackageFiles,
  exportForms,
  exportFormats,
  exportSummary,
  openPdfPrinter,
  type PdfPrinter,
} from '../../io/export/index.js';
import type { CliIo } from '../cli-io.js';
import { readForms } from '../read-forms.js';
import { resolveProfile } from '../resolve-profile.js';
import { UserError } from '../user-error.js';

/** `--to` values: the export formats plus `summary`, the department summary workbook. */
export const exportTargets = [...exportFormats, 'summary'] as const;
export type ExportTarget = (typeof exportTargets)[number];

export interface ExportFlags {
  readonly to: ExportTarget;
  readonly output: string;
  readonly scores?: boolean;
  readonly profile?: string;
  readonly notes?: boolean;
}

const inputHelp = '表单文件：JSON、NDJSON、PDF、Word、Excel、网页、文本 (form files, anything `jixiao parse` reads)';

/** Adds `jixiao export` to the program. */
export function registerExport(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('export')
    .description('按官方格式导出自评表或导出开放数据 (export official forms or open data)')
    .argument('<files...>', inputHelp)
    .addOption(
      new Option('-t, --to <format>', '导出格式 (format); summary = 部门汇总工作簿')
        .choices(exportTargets)
        .makeOptionMandatory(),
    )
    .requiredOption(
      '-o, --output <path>',
      '输出文件；datapackage 写成目录，以 .zip 结尾时写成压缩包 (output file; datapackage: directory or .zip)',
    )
    .option('--scores', '加上 jixiao 计算的分值、得分和总分 (add computed 分值/得分 and total; xlsx, pdf, html)')
    .option('--no-notes', '不印表下的备注 (omit the template notes under the table)')
    .option('-p, --profile <name|file>', '评分规则：内置名称或 JSON 文件 (rule profile)')
    .action(async (files: string[], flags: ExportFlags) => setExit(await runExport(files, flags, io)));
}

async function writeOutput(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UserError(
      `无法写入 ${path}（${code}）。请检查目录是否存在、是否有写权限。`,
      `cannot write ${path}: ${code}`,
    );
  }
}

async function openPrinter(): Promise<PdfPrinter> {
  try {
    return await openPdfPrinter();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new UserError(`无法启动 chromium 生成 PDF：${detail}`, `cannot start chromium: ${detail}`);
  }
}

/** Writes the export of `forms` as `target` to `output`; returns what was written, for the message. */
async function writeExport(forms: readonly Form[], flags: ExportFlags, io: CliIo): Promise<string> {
  const profile = await resolveProfile(flags.profile);
  const target = flags.to;
  if (target === 'summary') {
    await writeOutput(flags.output, await exportSummary(forms, profile));
    return flags.output;
  }
  if (target === 'datapackage' && !/\.zip$/i.test(flags.output)) {
    await mkdir(flags.output, { recursive: true });
    const files = datapackageFiles(forms, profile);
    for (const [name, bytes] of Object.entries(files)) await writeOutput(join(flags.output, name), bytes);
    return `${flags.output}/（${Object.keys(files).join('、')}）`;
  }
  const options = { profile, scores: flags.scores === true, notes: flags.notes !== false };
  if (target !== 'pdf') {
    await writeOutput(flags.output, (await exportForms(forms, target, options)).bytes);
    return flags.output;
  }
  await io.stderr.write('正在用 chromium 生成 PDF…\n');
  const printer = await openPrinter();
  try {
    await writeOutput(flags.output, (await exportForms(forms, target, { ...options, printer })).bytes);
  } finally {
    await printer.close();
  }
  return flags.output;
}

/**
 * `jixiao export FILE... --to FORMAT -o PATH`: reads every form of the inputs and writes them in one
 * file (or data package). Returns 0; no form at all is a UserError (exit 2).
 */
export async function runExport(files: readonly string[], flags: ExportFlags, io: CliIo): Promise<number> {
  const forms: Form[] = [];
  for await (const { form } of readForms(files, io)) forms.push(form);
  if (forms.length === 0) {
    throw new UserError('输入中没有任何表单，未导出。请检查输入文件。', 'no form in the inputs; nothing exported');
  }
  const written = await writeExport(forms, flags, io);
  await io.stderr.write(`已导出 ${forms.length} 张表 → ${written}\n`);
  return 0;
}
