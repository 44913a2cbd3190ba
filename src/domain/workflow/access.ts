import type { Role } from './workflow.js';

/** Who is asking: a role and the organisation it belongs to (unit, department or bureau). */
export interface Actor {
  readonly role: Role;
  readonly orgId: string | null;
}

/** Where a form lives in the organisation tree. */
export interface FormPlace {
  readonly unitId: string;
  readonly departmentId: string;
}

/**
 * Whether an actor may see a form at all: a filler its unit's forms, a reviewer its department's,
 * finance, auditor and admin every form. Forms an actor may not see must look absent (404), never
 * forbidden, so that ids of other units' forms reveal nothing.
 */
export function canSee(actor: Actor, form: FormPlace): boolean {
  switch (actor.role) {
    case 'filler':
      return actor.orgId !== null && actor.orgId === form.unitId;
    case 'reviewer':
      return actor.orgId !== null && actor.orgId === form.departmentId;
    case 'finance':
    case 'auditor':
    case 'admin':
      return true;
  }
}

/** The listing scope of an actor: which column must equal which org id, or null for everything. */
export function visibilityScope(
  actor: Actor,
): { readonly column: 'unit' | 'department'; readonly orgId: string } | null {
  if (actor.role === 'filler') return { column: 'unit', orgId: actor.orgId ?? '' };
  if (actor.role === 'reviewer') return { column: 'department', orgId: actor.orgId ?? '' };
  return null;
}
