import { scoreForm } from '../../domain/index.js';
import {
  scoreColumns,
  scoreHeading,
  scoreRows,
  toScoreReport,
  type ScoreReport,
  type ScoreRow,
} from '../../domain/report/index.js';
import type { CliIo } from '../cli-io.js';
import type { ReportSpec } from '../output.js';
import { readForms } from '../read-forms.js';
import { resolveProfile } from '../resolve-profile.js';
import { openReport, type ReportFlags } from './report-output.js';

export interface ScoreFlags extends ReportFlags {
  readonly profile?: string;
}

export const scoreSpec: ReportSpec<ScoreReport, ScoreRow> = {
  json: (report) => [report],
  rows: scoreRows,
  columns: scoreColumns,
  heading: scoreHeading,
  empty: '（没有绩效指标）',
  maxWidths: { level2: 12, indicator: 24, target: 16, actual: 16 },
};

/** `jixiao score FILE...`: one score per form, streamed. Returns the exit code (0). */
export async function runScore(files: readonly string[], flags: ScoreFlags, io: CliIo): Promise<number> {
  const profile = await resolveProfile(flags.profile);
  const { writer, close } = openReport(scoreSpec, flags, io);
  for await (const { form } of readForms(files, io)) {
    await writer.add(toScoreReport(scoreForm(form, profile)));
  }
  await writer.end();
  await close();
  return 0;
}
