import type { Form } from '../../domain/form/form.schema.js';

export type IssueSeverity = 'error' | 'warning' | 'info';

/**
 * Something an importer could not place with confidence, or noticed on the way.
 * `location` is where a person finds it in the input: `第3页 第12行` / `page 3 line 12`,
 * `Sheet1!C7`, `table 1 row 4 col 2`; `raw` is the input text concerned, verbatim.
 */
export interface ImportIssue {
  readonly file: string;
  readonly code: string;
  readonly severity: IssueSeverity;
  /** Chinese, for people; says what to do next. */
  readonly message: string;
  readonly location: string | null;
  readonly raw: string | null;
  /** Which form of the file (0-based), when the issue concerns one. */
  readonly form?: number;
  /** Path into the form (`indicators[3].target`), when the issue concerns a field. */
  readonly path?: string;
}

/** What every importer returns; importers never throw on bad input. */
export interface ImportResult {
  readonly forms: Form[];
  readonly issues: ImportIssue[];
}
