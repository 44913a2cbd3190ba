/**
 * The public API of the pure core. Everything here takes values and returns values: no I/O, no clock.
 */
export { formSchema, type Form, type FundingLine, type Indicator, type MoneyUnit } from './form/form.schema.js';
export { validateForm, type Problem } from './form/validate-form.js';
export type { Value, ParsedValue, Quantity, Comparator, UnitFamily, Leniency } from './values/value.js';
export { parseValue } from './values/parse-value.js';
export { formatValue } from './values/format-value.js';
export type {
  FormScore,
  IndicatorScore,
  CategoryScore,
  BudgetScore,
  Grade,
  IndicatorStatus,
  RuleName,
} from './scoring/score.js';
export { scoreForm } from './scoring/score-form.js';
export { centipointsOf, totalAfterDeductions } from './scoring/deductions.js';
export type { Finding, Severity } from './checks/finding.js';
export { checkForm } from './checks/check-form.js';
export type { DepartmentSummary, IndicatorAggregate, FundingAggregate, AggregateKind } from './summary/summary.js';
export { summarizeDepartments } from './summary/summarize-departments.js';
export { profileSchema, type Profile, type ProfileInput } from './profiles/profile.schema.js';
export { builtinProfiles, defaultProfileName } from './profiles/builtin-profiles.js';
export { loadProfile } from './profiles/load-profile.js';
