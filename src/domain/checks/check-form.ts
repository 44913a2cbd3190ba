import type { Form } from '../form/form.schema.js';
import type { Profile } from '../profiles/profile.schema.js';
import type { FormScore } from '../scoring/score.js';
import { checkFunding } from './check-funding.js';
import { checkIndicators } from './check-indicators.js';
import { checkNarrative } from './check-narrative.js';
import { checkFormFields } from './check-form-fields.js';
import type { Finding } from './finding.js';

/**
 * Every finding of one form (scoring.md §4 and docs/findings.md), in a stable order: funding, then
 * indicators in printed order, then form-level fields. `score` must come from scoreForm on the same
 * form and profile: the checker reports what the scorer noticed instead of reading values again.
 */
export function checkForm(form: Form, score: FormScore, profile: Profile): Finding[] {
  return [
    ...checkFunding(form, score, profile),
    ...checkIndicators(form, score, profile),
    ...checkNarrative(form, score),
    ...checkFormFields(form, score),
  ];
}
