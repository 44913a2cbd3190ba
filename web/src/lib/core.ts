/**
 * The pure domain core, as the browser uses it: the same scoring, checking, value reading and
 * workflow rules the server and CLI run (src/domain), never a second copy. Everything the web app
 * needs from src/ goes through this file, so that the seam stays visible.
 */
export {
  scoreForm,
  checkForm,
  parseValue,
  formatValue,
  validateForm,
  summarizeDepartments,
  centipointsOf,
  totalAfterDeductions,
  builtinProfiles,
  defaultProfileName,
  type Form,
  type FundingLine,
  type Indicator,
  type FormScore,
  type IndicatorScore,
  type Finding,
  type Grade,
  type Profile,
  type DepartmentSummary,
  type IndicatorAggregate,
  type ParsedValue,
} from '../../../src/domain/index.js';
export type { FormStatus, Role } from '../../../src/domain/workflow/index.js';
