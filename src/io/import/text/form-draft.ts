import type { Form } from '../../../domain/form/form.schema.js';
import { newFormFields, type FormFields } from '../form-fields.js';
import type { IssueLog } from './issues.js';

/** A form being filled by the section parsers; `finishForm` turns it into a canonical Form. */
export interface FormDraft extends FormFields {
  /** Text after the title's `(2022年度)` in the same cell, most often the project name a PDF put there. */
  titleTail: { readonly text: string; readonly cell: string } | null;
  unit: Form['funding']['unit'];
  /** True once any table section (funding, objectives, indicators) was seen. */
  hasBody: boolean;
  /** True after a 自评得分 label printed with no value beside it (one cell per line layouts). */
  awaitingTotal: boolean;
  /** True when the funding table prints 分值 or 得分: the template scores its indicators too. */
  scoredFunding: boolean;
}

/** What every section parser gets: the draft, the issue log and which form of the file this is. */
export interface ParseContext {
  readonly draft: FormDraft;
  readonly log: IssueLog;
  readonly form: number;
}

export function newDraft(): FormDraft {
  // Object.assign, not a spread into a literal: V8 copies that spread (18 fields, then 5 more) on a
  // slow path, ~20 µs per form against ~0.4 µs; the importer makes a draft per form.
  return Object.assign(newFormFields(), {
    titleTail: null,
    unit: '万元' as const,
    hasBody: false,
    scoredFunding: false,
    awaitingTotal: false,
  });
}

/** Adds a printed field the model has no place for; a repeated key keeps both values. */
export function addExtra(draft: FormDraft, key: string, value: string): void {
  if (value === '') return;
  const old = draft.extras[key];
  draft.extras[key] = old === undefined ? value : `${old}；${value}`;
}
