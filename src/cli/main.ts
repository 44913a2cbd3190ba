import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { runCheck } from './commands/check.js';
import { registerDbCommand } from './commands/db.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { runParse } from './commands/parse.js';
import { runProfiles } from './commands/profiles.js';
import { runScore } from './commands/score.js';
import { registerServeCommand } from './commands/serve.js';
import { runSummary } from './commands/summary.js';
import { registerUserCommand } from './commands/user.js';
import { processIo, type CliIo } from './cli-io.js';
import { UserError, formatUserError } from './user-error.js';

/** Exit codes: 0 success, 1 findings under --strict or parse errors, 2 bad usage or unreadable input, 70 a bug. */
export const exitCodes = { ok: 0, findings: 1, usage: 2, internal: 70 } as const;

function reportOptions(cmd: Command): Command {
  return cmd
    .option('-p, --profile <name|file>', '评分规则：内置名称或 JSON 文件 (rule profile: built-in name or JSON file)')
    .option('--json', '输出 JSON (JSON output)')
    .option('--csv', '输出 CSV (CSV output)')
    .option('-o, --output <file>', '写入文件而非标准输出；CSV 带 BOM (write to a file; CSV gets a BOM)');
}

const inputHelp =
  '表单文件：JSON、NDJSON（.ndjson，或 - 表示标准输入）、PDF、Word、Excel、网页、文本 (form files; - = NDJSON on stdin)';

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('jixiao')
    .description(
      '项目支出绩效自评表：评分、检查、汇总、解析 (score, check, summarize and parse performance self-evaluation forms)',
    )
    .version('0.1.0')
    .showHelpAfterError('（用 --help 查看用法 / see --help）')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });

  reportOptions(
    program.command('score').description('为每张表评分 (score each form)').argument('<files...>', inputHelp),
  ).action(async (files: string[], flags) => setExit(await runScore(files, flags, io)));
  reportOptions(
    program.command('check').description('检查每张表的问题 (check each form)').argument('<files...>', inputHelp),
  )
    .option('--strict', '有错误级问题时退出码为 1 (exit 1 when any error-severity finding exists)')
    .action(async (files: string[], flags) => setExit(await runCheck(files, flags, io)));
  reportOptions(
    program
      .command('summary')
      .description('按主管部门和年度汇总 (summarize per department and year)')
      .argument('<files...>', inputHelp),
  ).action(async (files: string[], flags) => setExit(await runSummary(files, flags, io)));
  program
    .command('parse')
    .description('把 PDF、Word、Excel、网页、文本、JSON 解析为标准表单 (import documents into canonical forms)')
    .argument('<paths...>', '文件或目录 (files or directories)')
    .option('--json', '输出每个文件的表单和问题 JSON (JSON: forms and issues per file)')
    .option('--ndjson', '表单按行输出 NDJSON (forms as NDJSON)')
    .option('-o, --output <file>', '把全部表单写入文件 (write all forms to a file)')
    .action(async (paths: string[], flags) => setExit(await runParse(paths, flags, io)));
  program
    .command('profiles')
    .description('列出内置评分规则 (list built-in rule profiles)')
    .addOption(new Option('--json', '输出 JSON (JSON output)'))
    .action(async (flags) => setExit(await runProfiles(flags, io)));
  registerExport(program, io, setExit);
  registerServeCommand(program, io, setExit);
  registerDbCommand(program, io, setExit);
  registerUserCommand(program, io, setExit);
  registerDemoCommand(program, io, setExit);
  return program;
}

/**
 * Run the CLI with argv (without `node` and the script). Returns the exit code; never throws and
 * never calls process.exit, so tests run it in-process with their own io.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = exitCodes.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    await io.stdout.write(program.helpInformation());
    return exitCodes.ok;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; every other commander error is bad usage (already printed).
      return e.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (e instanceof UserError) {
      await io.stderr.write(formatUserError(e));
      return e.exitCode;
    }
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    await io.stderr.write(`内部错误，请把以下信息反馈给维护者。(internal error)\n${detail}\n`);
    return exitCodes.internal;
  }
}

/** True when this module is the script node was started with (not imported by bin/ or a test). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
