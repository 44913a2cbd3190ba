import type { ImportIssue, IssueSeverity } from '../import-result.js';

/** Collects issues for one file; messages are Chinese, codes kebab-case English. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];
  constructor(private readonly file: string) {}

  /** Records one issue; `line` is the 1-based input line it concerns, if any. */
  add(
    code: string,
    severity: IssueSeverity,
    message: string,
    line: number | null,
    raw: string | null,
    extra: { form?: number; path?: string } = {},
  ): void {
    this.issues.push({
      file: this.file,
      code,
      severity,
      message,
      location: line === null ? null : `第${line}行`,
      raw,
      ...extra,
    });
  }
}
