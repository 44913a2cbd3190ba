import { api, ApiError, withQuery } from './client';
import type { Form, FormStatus } from '../lib/core';
import type { SummaryReport } from '../../../src/domain/report/index.js';
import type { ImportIssue } from '../../../src/io/import/import-result.js';
import type { FormList, FormListItem, FormRecord, HistoryEntry, ImportResponse, Review } from './types';

export interface FormFilters {
  readonly year?: number | null;
  readonly department?: string | null;
  readonly unit?: string | null;
  readonly status?: FormStatus | null;
  readonly q?: string | null;
}

type Raw = Record<string, unknown>;

/** GET /api/forms, every page (the list filters, sorts and counts on the client). */
export async function listForms(filters: FormFilters = {}): Promise<FormList> {
  const items: FormListItem[] = [];
  const pageSize = 500;
  for (let page = 1; page <= 200; page++) {
    const raw = await api<unknown>('GET', withQuery('/api/forms', { ...filters, page, pageSize }));
    const batch = (Array.isArray(raw) ? raw : ((raw as Raw)['items'] ?? [])) as Raw[];
    items.push(...batch.map(toListItem));
    if (batch.length < pageSize) break;
  }
  return { items, total: items.length };
}

function toListItem(r: Raw): FormListItem {
  return {
    id: String(r['id']),
    project: String(r['project'] ?? ''),
    year: Number(r['year']),
    department: String(r['department'] ?? ''),
    unit: String(r['unit'] ?? r['unitName'] ?? ''),
    status: r['status'] as FormStatus,
    version: Number(r['version']),
    total: Number(r['total']),
    reviewedTotal: typeof r['reviewedTotal'] === 'number' ? r['reviewedTotal'] : null,
    grade: r['grade'] as FormListItem['grade'],
    provisional: Boolean(r['provisional']),
    ...(typeof r['findings'] === 'number' ? { findings: r['findings'] } : {}),
    ...(typeof r['updatedAt'] === 'string' ? { updatedAt: r['updatedAt'] } : {}),
  };
}

function toComment(c: Raw) {
  return {
    id: String(c['id']),
    indicatorIndex: (c['indicatorIndex'] ?? null) as number | null,
    body: String(c['body'] ?? ''),
    author: String(c['author'] ?? c['authorName'] ?? ''),
    formVersion: Number(c['formVersion'] ?? 0),
    createdAt: String(c['createdAt'] ?? ''),
  };
}

/**
 * GET /api/forms/:id/review: the reviewers' side (comments on the form and per indicator, ratings,
 * deductions), which the server keeps apart from the unit's self-evaluation.
 */
export async function getReview(id: string): Promise<Review> {
  return toReview(await api<unknown>('GET', `/api/forms/${encodeURIComponent(id)}/review`));
}

function toReview(raw: unknown): Review {
  const r = (raw ?? {}) as Raw;
  const indicators = (Array.isArray(r['indicators']) ? r['indicators'] : []) as Raw[];
  const comments = [
    ...((r['comments'] ?? []) as Raw[]).map(toComment),
    ...indicators.flatMap((ind) => ((ind['comments'] ?? []) as Raw[]).map(toComment)),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const ratings: Record<string, number> = {};
  for (const ind of indicators) {
    const rating = ind['rating'] as Raw | null | undefined;
    if (rating && typeof rating['rating'] === 'number') ratings[String(ind['index'])] = rating['rating'];
  }
  const deductions = ((r['deductions'] ?? []) as Raw[]).map((d) => ({
    id: String(d['id']),
    points: Number(d['points'] ?? Number(d['centipoints'] ?? 0) / 100),
    reason: String(d['reason'] ?? ''),
    author: String(d['author'] ?? ''),
    createdAt: String(d['createdAt'] ?? ''),
  }));
  return { comments, ratings, deductions };
}

function toRecord(raw: unknown): FormRecord {
  const r = raw as Raw;
  return {
    id: String(r['id']),
    status: r['status'] as FormStatus,
    version: Number(r['version']),
    form: r['form'] as Form,
  };
}

export async function getForm(id: string, signal?: AbortSignal): Promise<FormRecord> {
  return toRecord(await api<unknown>('GET', `/api/forms/${encodeURIComponent(id)}`, undefined, signal));
}

/** PUT /api/forms/:id. Resolves with the new version; rejects with ApiError (409 = someone saved first). */
export async function saveForm(id: string, version: number, form: Form): Promise<number> {
  const raw = await api<Raw | undefined>('PUT', `/api/forms/${encodeURIComponent(id)}`, { version, form });
  return Number(raw?.['version'] ?? version + 1);
}

/** The record a 409 carries (`error.current`: the version the server holds now), or null. */
export function conflictOf(err: unknown): FormRecord | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const current = ((err.body as Raw | null)?.['error'] as Raw | undefined)?.['current'];
  return current && typeof current === 'object' ? toRecord(current) : null;
}

/** POST /api/forms/:id/transitions. */
export async function transitionForm(
  id: string,
  to: FormStatus,
  comment: string | null,
  version?: number,
): Promise<void> {
  await api('POST', `/api/forms/${encodeURIComponent(id)}/transitions`, {
    to,
    ...(comment ? { comment } : {}),
    ...(version === undefined ? {} : { version }),
  });
}

/** POST /api/forms/:id/comments: a reviewer's comment on the form or one indicator. */
export async function addComment(id: string, indicatorIndex: number | null, body: string): Promise<void> {
  await api('POST', `/api/forms/${encodeURIComponent(id)}/comments`, { indicatorIndex, body });
}

/** PUT /api/forms/:id/ratings: r in [0, 1] for a needs-rating indicator; null clears it. */
export async function rateIndicator(id: string, indicatorIndex: number, rating: number | null): Promise<void> {
  await api('PUT', `/api/forms/${encodeURIComponent(id)}/ratings`, { indicatorIndex, rating });
}

/** POST /api/forms/:id/deductions: points taken off the total, with the reason. */
export async function addDeduction(id: string, points: number, reason: string): Promise<void> {
  await api('POST', `/api/forms/${encodeURIComponent(id)}/deductions`, { points, reason });
}

export async function getHistory(id: string): Promise<HistoryEntry[]> {
  const raw = await api<unknown>('GET', `/api/forms/${encodeURIComponent(id)}/history`);
  const list = (Array.isArray(raw) ? raw : ((raw as Raw)['items'] ?? (raw as Raw)['history'] ?? [])) as Raw[];
  return list.map((e) => ({
    version: Number(e['version'] ?? 0),
    action: String(e['action'] ?? ''),
    user: userName(e['user']),
    at: String(e['at'] ?? e['createdAt'] ?? ''),
    fromStatus: (e['fromStatus'] ?? e['from'] ?? null) as FormStatus | null,
    toStatus: (e['toStatus'] ?? e['to'] ?? null) as FormStatus | null,
    comment: commentOf(e['detail']),
    changes: (Array.isArray(e['changes']) ? e['changes'] : []) as HistoryEntry['changes'],
  }));
}

function userName(u: unknown): string {
  if (typeof u === 'string') return u;
  const r = (u ?? {}) as Raw;
  return String(r['displayName'] ?? r['username'] ?? '');
}

function commentOf(detail: unknown): string | null {
  const d = (detail ?? {}) as Raw;
  const c = d['comment'] ?? d['body'] ?? d['reason'];
  return typeof c === 'string' && c !== '' ? c : null;
}

/**
 * POST /api/imports (multipart): the files become drafts, all or nothing. `unit` (an org id) is
 * required for finance, which imports on behalf of a unit; fillers import into their own unit.
 */
export async function importFiles(files: readonly File[], unit: string | null): Promise<ImportResponse> {
  const body = new FormData();
  if (unit !== null) body.append('unit', unit);
  for (const f of files) body.append('file', f, f.name);
  return api<ImportResponse>('POST', '/api/imports', body);
}

/** One file of POST /api/imports/preview: what the import would read from it, nothing stored. */
export interface ServerPreview {
  readonly file: string;
  /** The importer's format key (`pdf`, `docx` …); null when the file could not be read. */
  readonly format: string | null;
  readonly forms: readonly Form[];
  readonly issues: readonly ImportIssue[];
}

/** POST /api/imports/preview with one file: the server reads the formats the browser does not. */
export async function previewOnServer(file: File): Promise<ServerPreview> {
  const body = new FormData();
  body.append('file', file, file.name);
  const { files } = await api<{ files: ServerPreview[] }>('POST', '/api/imports/preview', body);
  const [one] = files;
  if (one === undefined) throw new ApiError(500, null, 'preview answered no file');
  return one;
}

/** One organisation of GET /api/orgs (the bureau, departments, units). */
export interface Org {
  readonly id: string;
  readonly kind: 'bureau' | 'department' | 'unit';
  readonly name: string;
  readonly parentId: string | null;
}

export async function listOrgs(): Promise<Org[]> {
  return api<Org[]>('GET', '/api/orgs');
}

/** GET /api/summary: one DepartmentSummary per department and year the user may see. */
export async function getSummary(department: string | null, year: number | null): Promise<SummaryReport[]> {
  const raw = await api<unknown>('GET', withQuery('/api/summary', { department, year }));
  return (Array.isArray(raw) ? raw : []) as SummaryReport[];
}

/** GET /api/forms/:id/score: the server's score report; the web app takes the profile name from it. */
export async function getScoreProfile(id: string): Promise<string | null> {
  const raw = await api<Raw>('GET', `/api/forms/${encodeURIComponent(id)}/score`);
  return typeof raw['profile'] === 'string' ? raw['profile'] : null;
}
