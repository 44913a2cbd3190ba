import type { Finding, Severity } from '../checks/finding.js';
import type { Column } from './columns.js';

/** One finding (`jixiao check --json` emits an array of these). `indicator` is null for form-level findings. */
export interface FindingReport {
  readonly project: string;
  readonly code: string;
  readonly severity: Severity;
  readonly indicator: string | null;
  readonly indicatorIndex: number | null;
  /** Path into the form (`funding.lines[2].rate`), or null. */
  readonly field: string | null;
  /** Chinese, for people. */
  readonly message: string;
  /** English, for logs. */
  readonly messageEn: string;
}

/** The JSON shape of a finding. */
export function toFindingReport(f: Finding): FindingReport {
  return {
    project: f.project,
    code: f.code,
    severity: f.severity,
    indicator: f.indicator,
    indicatorIndex: f.indicatorIndex,
    field: f.field,
    message: f.message,
    messageEn: f.messageEn,
  };
}

/** Chinese label of a severity, for tables. */
export const severityLabel: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

/** Columns of the check CSV (one row per finding) and human table. */
export const checkColumns: readonly Column<FindingReport>[] = [
  { key: 'project', title: '项目', value: (f) => f.project, table: false },
  { key: 'severity', title: '级别', value: (f) => severityLabel[f.severity] },
  { key: 'code', title: '代码', value: (f) => f.code },
  { key: 'indicator', title: '指标', value: (f) => f.indicator ?? '（全表）' },
  { key: 'field', title: '字段', value: (f) => f.field, table: false },
  { key: 'message', title: '说明', value: (f) => f.message },
  { key: 'messageEn', title: 'Message', value: (f) => f.messageEn, table: false },
];

/** Counts of findings per severity. */
export function countSeverities(findings: readonly { readonly severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
