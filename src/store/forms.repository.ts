import type { Db, FormsTable } from './database.js';
import { prepared } from './prepared.js';

/** A stored form: the canonical JSON text plus the denormalised columns used for listing. */
export interface FormRecord {
  readonly id: string;
  readonly unitId: string;
  readonly departmentId: string;
  readonly project: string;
  readonly year: number;
  readonly department: string;
  readonly status: string;
  readonly version: number;
  readonly total: number;
  readonly grade: string;
  readonly provisional: boolean;
  readonly budgetFen: number | null;
  readonly executedFen: number | null;
  /** Canonical form JSON text, exactly as stored. */
  readonly json: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** The columns derived from a form's content (scoring, money). */
export interface FormFacts {
  readonly project: string;
  readonly year: number;
  readonly department: string;
  readonly total: number;
  readonly grade: string;
  readonly provisional: boolean;
  readonly budgetFen: number | null;
  readonly executedFen: number | null;
}

const toRecord = (r: FormsTable): FormRecord => ({
  id: r.id,
  unitId: r.unit_id,
  departmentId: r.department_id,
  project: r.project,
  year: r.year,
  department: r.department,
  status: r.status,
  version: r.version,
  total: r.total,
  grade: r.grade,
  provisional: r.provisional !== 0,
  budgetFen: r.budget_fen,
  executedFen: r.executed_fen,
  json: r.json,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

const factColumns = (f: FormFacts) => ({
  project: f.project,
  year: f.year,
  department: f.department,
  total: f.total,
  grade: f.grade,
  provisional: f.provisional ? 1 : 0,
  budget_fen: f.budgetFen,
  executed_fen: f.executedFen,
});

const formQuery = prepared((db, param) => db.selectFrom('forms').selectAll().where('id', '=', param(0)));

export async function findForm(db: Db, id: string): Promise<FormRecord | null> {
  const [row] = await formQuery(db, id);
  return row ? toRecord(row) : null;
}

export interface NewForm {
  readonly id: string;
  readonly unitId: string;
  readonly departmentId: string;
  readonly status: string;
  readonly json: string;
  readonly facts: FormFacts;
  readonly userId: string;
  readonly at: string;
}

const toRow = (f: NewForm): FormsTable => ({
  id: f.id,
  unit_id: f.unitId,
  department_id: f.departmentId,
  status: f.status,
  version: 1,
  json: f.json,
  ...factColumns(f.facts),
  created_by: f.userId,
  created_at: f.at,
  updated_by: f.userId,
  updated_at: f.at,
});

/** Insert a form at version 1 with its first version row. Call inside a transaction with the event. */
export async function insertForm(db: Db, f: NewForm): Promise<FormRecord> {
  const row = toRow(f);
  await db.insertInto('forms').values(row).execute();
  await insertVersion(db, row);
  return toRecord(row);
}

/** Insert many new forms (version 1 each) in chunks: bulk loads and benchmarks. Use inside a transaction. */
export async function insertForms(db: Db, forms: readonly NewForm[]): Promise<void> {
  for (let i = 0; i < forms.length; i += 200) {
    const rows = forms.slice(i, i + 200).map(toRow);
    await db.insertInto('forms').values(rows).execute();
    await db
      .insertInto('form_versions')
      .values(
        rows.map((r) => ({
          form_id: r.id,
          version: 1,
          status: r.status,
          json: r.json,
          created_by: r.updated_by,
          created_at: r.updated_at,
        })),
      )
      .execute();
  }
}

async function insertVersion(db: Db, row: FormsTable): Promise<void> {
  await db
    .insertInto('form_versions')
    .values({
      form_id: row.id,
      version: row.version,
      status: row.status,
      json: row.json,
      created_by: row.updated_by,
      created_at: row.updated_at,
    })
    .execute();
}

export interface FormChangeSet {
  readonly status?: string;
  readonly json?: string;
  readonly facts?: FormFacts;
  readonly userId: string;
  readonly at: string;
}

/**
 * Write a new version if the stored one is still `expectedVersion` (optimistic lock: the WHERE makes
 * the check and the write one statement). Returns the new record, or null when stale or absent —
 * nothing is written then. Stores the new version's JSON in form_versions.
 */
export async function updateForm(
  db: Db,
  id: string,
  expectedVersion: number,
  change: FormChangeSet,
): Promise<FormRecord | null> {
  // RETURNING (SQLite ≥ 3.35, PostgreSQL): the new row without a second query.
  const row = await db
    .updateTable('forms')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_by: change.userId,
      updated_at: change.at,
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.json !== undefined ? { json: change.json } : {}),
      ...(change.facts !== undefined ? factColumns(change.facts) : {}),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  await insertVersion(db, row);
  return toRecord(row);
}

/** Update only the derived columns (a reviewer rating changed the score); no new version. */
export async function updateFacts(db: Db, id: string, facts: FormFacts): Promise<void> {
  await db.updateTable('forms').set(factColumns(facts)).where('id', '=', id).execute();
}

export interface FormVersion {
  readonly version: number;
  readonly status: string;
  readonly json: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export async function listVersions(db: Db, formId: string): Promise<FormVersion[]> {
  const rows = await db
    .selectFrom('form_versions')
    .selectAll()
    .where('form_id', '=', formId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    json: r.json,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}
