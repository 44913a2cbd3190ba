export type Severity = 'error' | 'warning' | 'info';

/** One problem a reviewer can act on. Codes are stable (docs/spec/scoring.md §4 and docs/findings.md). */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly project: string;
  /** The 三级指标 name, or null for form-level findings. */
  readonly indicator: string | null;
  /** Position in form.indicators, or null for form-level findings; names are not unique. */
  readonly indicatorIndex: number | null;
  /** Which field the finding concerns, as a path into the form (`funding.lines[2].rate`). */
  readonly field: string | null;
  /** Chinese, for people: what is wrong and what to do. */
  readonly message: string;
  /** English, for logs. */
  readonly messageEn: string;
}
