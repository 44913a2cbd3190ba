/**
 * The form workflow: `draft → submitted → returned | approved → accepted → published`, and which role
 * may move a form along which edge. Pure: the server enforces it, the web app uses it to show buttons.
 */

export const formStatuses = ['draft', 'submitted', 'returned', 'approved', 'accepted', 'published'] as const;
export type FormStatus = (typeof formStatuses)[number];

export const roles = ['filler', 'reviewer', 'finance', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const statusLabels: Readonly<Record<FormStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '主管部门已审核',
  accepted: '财政已验收',
  published: '已公开',
};

export const roleLabels: Readonly<Record<Role, string>> = {
  filler: '填报人（实施单位）',
  reviewer: '审核人（主管部门）',
  finance: '财政局',
  auditor: '审计（只读）',
  admin: '管理员',
};

export interface Transition {
  readonly from: FormStatus;
  readonly to: FormStatus;
  /** The role that may take this edge (within its own unit / department / the bureau). */
  readonly role: Role;
  /** Sending a form back must say why. */
  readonly commentRequired: boolean;
}

export const transitions: readonly Transition[] = [
  { from: 'draft', to: 'submitted', role: 'filler', commentRequired: false },
  { from: 'returned', to: 'submitted', role: 'filler', commentRequired: false },
  { from: 'submitted', to: 'returned', role: 'reviewer', commentRequired: true },
  { from: 'submitted', to: 'approved', role: 'reviewer', commentRequired: false },
  { from: 'approved', to: 'returned', role: 'finance', commentRequired: true },
  { from: 'approved', to: 'accepted', role: 'finance', commentRequired: false },
  { from: 'accepted', to: 'published', role: 'finance', commentRequired: false },
];

/** The edge from → to, or null when the workflow has none. */
export function findTransition(from: FormStatus, to: FormStatus): Transition | null {
  return transitions.find((t) => t.from === from && t.to === to) ?? null;
}

/** Statuses a role may move a form in `from` to (empty for auditor and admin). */
export function nextStatuses(role: Role, from: FormStatus): FormStatus[] {
  return transitions.filter((t) => t.from === from && t.role === role).map((t) => t.to);
}

/** The unit edits its self-evaluation while it holds the form: as a draft or after a return. */
export function canEditForm(role: Role, status: FormStatus): boolean {
  return role === 'filler' && (status === 'draft' || status === 'returned');
}

/** Reviewers comment, rate and deduct while the form waits for them: the department on `submitted`, finance on `approved`. */
export function canReview(role: Role, status: FormStatus): boolean {
  return (role === 'reviewer' && status === 'submitted') || (role === 'finance' && status === 'approved');
}

/** Who may create forms by import: fillers into their unit, finance into any unit. */
export function canImport(role: Role): boolean {
  return role === 'filler' || role === 'finance';
}

export function isFormStatus(s: string): s is FormStatus {
  return (formStatuses as readonly string[]).includes(s);
}
