/**
 * The workflow rules (statuses, roles, who may move a form where), straight from the pure core. Kept
 * apart from lib/core.ts so that the first page does not load the scoring code and its schemas.
 */
export {
  statusLabels,
  roleLabels,
  nextStatuses,
  canEditForm,
  canReview,
  canImport,
  findTransition,
  formStatuses,
  type FormStatus,
  type Role,
} from '../../../src/domain/workflow/index.js';
