import pc from 'picocolors';
import { checkForm, scoreForm, type Severity } from '../../domain/index.js';
import { checkColumns, countSeverities, toFindingReport, type FindingReport } from '../../domain/report/index.js';
import type { CliIo } from '../cli-io.js';
import type { ReportSpec } from '../output.js';
import { readForms } from '../read-forms.js';
import { resolveProfile } from '../resolve-profile.js';
import { openReport, type ReportFlags } from './report-output.js';

export interface CheckFlags extends ReportFlags {
  readonly profile?: string;
  readonly strict?: boolean;
}

/** The findings of one form, the unit of streaming. */
interface FormFindings {
  readonly project: string;
  readonly department: string | null;
  readonly findings: readonly FindingReport[];
}

const severityColor: Readonly<Record<Severity, (s: string) => string>> = {
  error: pc.red,
  warning: pc.yellow,
  info: pc.cyan,
};

export const checkSpec: ReportSpec<FormFindings, FindingReport> = {
  json: (item) => item.findings,
  rows: (item) => item.findings,
  columns: checkColumns,
  heading: (item) => {
    const c = countSeverities(item.findings);
    return `${item.project}${item.department ? ` · ${item.department}` : ''}  错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`;
  },
  empty: '没有发现问题。',
  maxWidths: { indicator: 24, message: 56 },
  style: (text, row, key) => (key === 'severity' ? severityColor[row.severity](text) : text),
};

/**
 * `jixiao check FILE...`: findings per form, streamed. Returns 1 under --strict when any finding is
 * an error, else 0.
 */
export async function runCheck(files: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
  const profile = await resolveProfile(flags.profile);
  const { writer, close } = openReport(checkSpec, flags, io);
  let errors = 0;
  for await (const { form } of readForms(files, io)) {
    const findings = checkForm(form, scoreForm(form, profile), profile).map(toFindingReport);
    errors += countSeverities(findings).error;
    await writer.add({ project: form.project.name, department: form.project.department, findings });
  }
  await writer.end();
  await close();
  return flags.strict && errors > 0 ? 1 : 0;
}
