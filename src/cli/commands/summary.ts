import { scoreForm, summarizeDepartments, type Form, type FormScore } from '../../domain/index.js';
import {
  rowCells,
  summaryColumns,
  summaryHeading,
  summaryIndicatorColumns,
  summaryRows,
  toSummaryReport,
  type SummaryReport,
  type SummaryRow,
} from '../../domain/report/index.js';
import type { CliIo } from '../cli-io.js';
import type { ReportSpec } from '../output.js';
import { renderTable } from '../render-table.js';
import { readForms } from '../read-forms.js';
import { resolveProfile } from '../resolve-profile.js';
import { openReport, type ReportFlags } from './report-output.js';

export interface SummaryFlags extends ReportFlags {
  readonly profile?: string;
}

/** Human heading plus the recurring-indicator table; CSV/JSON use the flat rows. */
function describeDepartment(s: SummaryReport): string {
  if (s.indicators.length === 0) return `${summaryHeading(s)}\n（没有跨项目重复的指标）`;
  const table = renderTable({
    head: summaryIndicatorColumns.map((c) => c.title),
    rows: s.indicators.map((i) => rowCells(summaryIndicatorColumns, i)),
    maxWidths: summaryIndicatorColumns.map((c) => (c.key === 'indicator' ? 24 : null)),
  });
  return `${summaryHeading(s)}\n重复指标：\n${table.trimEnd()}`;
}

export const summarySpec: ReportSpec<SummaryReport, SummaryRow> = {
  json: (s) => [s],
  rows: summaryRows,
  columns: summaryColumns,
  heading: describeDepartment,
  empty: '',
  maxWidths: { indicator: 24, reason: 30 },
};

/**
 * `jixiao summary FILE...`: one summary per department and year. Unlike score and check, this holds
 * every form and its score in memory, because summarizeDepartments needs the whole department.
 */
export async function runSummary(files: readonly string[], flags: SummaryFlags, io: CliIo): Promise<number> {
  const profile = await resolveProfile(flags.profile);
  const forms: Form[] = [];
  const scores: FormScore[] = [];
  for await (const { form } of readForms(files, io)) {
    forms.push(form);
    scores.push(scoreForm(form, profile));
  }
  const { writer, close } = openReport(
    // Tables show the heading block only (it already holds the indicator table).
    chooseTableRows(summarySpec, flags),
    flags,
    io,
  );
  for (const s of summarizeDepartments(forms, scores, profile)) await writer.add(toSummaryReport(s));
  await writer.end();
  await close();
  return 0;
}

function chooseTableRows(
  spec: ReportSpec<SummaryReport, SummaryRow>,
  flags: ReportFlags,
): ReportSpec<SummaryReport, SummaryRow> {
  return flags.json || flags.csv ? spec : { ...spec, rows: () => [], empty: '' };
}
