import type { Form, FormStatus, Grade, Role } from '../lib/core';

/** The person logged in, as GET/POST /api/session return it. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly displayName: string;
  readonly orgId: string | null;
  readonly orgName: string | null;
}

/** One row of GET /api/forms. */
export interface FormListItem {
  readonly id: string;
  readonly project: string;
  readonly year: number;
  readonly department: string;
  readonly unit: string;
  readonly status: FormStatus;
  readonly version: number;
  readonly total: number;
  /** The total after reviewers' deductions; null when there are none. */
  readonly reviewedTotal: number | null;
  readonly grade: Grade;
  readonly provisional: boolean;
  readonly findings?: number;
  readonly updatedAt?: string;
}

export interface FormList {
  readonly items: readonly FormListItem[];
  readonly total: number;
}

/** A reviewer's comment, on the form (indicatorIndex null) or on one indicator. */
export interface ReviewComment {
  readonly id: string;
  readonly indicatorIndex: number | null;
  readonly body: string;
  readonly author: string;
  readonly formVersion: number;
  readonly createdAt: string;
}

export interface ReviewDeduction {
  readonly id: string;
  readonly points: number;
  readonly reason: string;
  readonly author: string;
  readonly createdAt: string;
}

/** The reviewers' side, stored apart from the unit's self-evaluation. */
export interface Review {
  readonly comments: readonly ReviewComment[];
  /** Indicator index → r in [0, 1]. */
  readonly ratings: Readonly<Record<string, number>>;
  readonly deductions: readonly ReviewDeduction[];
}

/** GET /api/forms/:id. */
export interface FormRecord {
  readonly id: string;
  readonly status: FormStatus;
  readonly version: number;
  readonly form: Form;
}

/** One entry of GET /api/forms/:id/history. */
export interface HistoryEntry {
  readonly version: number;
  readonly action: string;
  readonly user: string;
  readonly at: string;
  readonly fromStatus: FormStatus | null;
  readonly toStatus: FormStatus | null;
  readonly comment: string | null;
  /** What changed, when the server lists it: paths with before/after. */
  readonly changes: readonly { readonly path: string; readonly before: unknown; readonly after: unknown }[];
}

/** POST /api/imports. */
export interface ImportIssueDto {
  readonly file?: string;
  readonly path?: string;
  readonly code: string;
  readonly severity?: string;
  readonly message: string;
  readonly raw?: string | null;
}

export interface ImportResponse {
  readonly forms: readonly {
    readonly id?: string;
    readonly project: string;
    readonly status?: FormStatus;
    readonly form?: Form;
  }[];
  readonly issues: readonly ImportIssueDto[];
}
