import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, Db } from './database.js';

export interface FormFilter {
  readonly year?: number;
  /** The denormalised department name. */
  readonly department?: string;
  readonly unitId?: string;
  readonly status?: string;
  /** Substring of the project name. */
  readonly q?: string;
  /** Visibility: only forms of this unit or department. */
  readonly scope?: { readonly column: 'unit' | 'department'; readonly orgId: string } | null;
}

export interface FormListItem {
  readonly id: string;
  readonly project: string;
  readonly year: number;
  readonly department: string;
  readonly unitId: string;
  readonly unit: string;
  readonly status: string;
  readonly version: number;
  readonly total: number;
  readonly grade: string;
  readonly provisional: boolean;
  readonly updatedAt: string;
  /** Reviewers' deductions, in hundredths of a point (0 when none). */
  readonly deductedCentipoints: number;
}

/** The filter as one WHERE expression over `forms` (usable with or without the unit join). */
const matching = (f: FormFilter) => (eb: ExpressionBuilder<Database, 'forms'>) => {
  const all: Expression<SqlBool>[] = [];
  if (f.scope) all.push(eb(f.scope.column === 'unit' ? 'forms.unit_id' : 'forms.department_id', '=', f.scope.orgId));
  if (f.year !== undefined) all.push(eb('forms.year', '=', f.year));
  if (f.department !== undefined) all.push(eb('forms.department', '=', f.department));
  if (f.unitId !== undefined) all.push(eb('forms.unit_id', '=', f.unitId));
  if (f.status !== undefined) all.push(eb('forms.status', '=', f.status));
  if (f.q !== undefined && f.q !== '') all.push(eb('forms.project', 'like', `%${escapeLike(f.q)}%`));
  return eb.and(all);
};

function filtered(db: Db, f: FormFilter) {
  return db.selectFrom('forms').innerJoin('orgs', 'orgs.id', 'forms.unit_id').where(matching(f));
}

/** `%` and `_` in a search are literal. Both dialects honour backslash escapes in LIKE only with ESCAPE; we drop them instead. */
function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, '');
}

/** One page of forms (newest change first) and the total count under the same filter. */
export async function listForms(
  db: Db,
  filter: FormFilter,
  page: { readonly offset: number; readonly limit: number },
): Promise<{ items: FormListItem[]; total: number }> {
  const rows = await filtered(db, filter)
    .select([
      'forms.id',
      'forms.project',
      'forms.year',
      'forms.department',
      'forms.unit_id',
      'orgs.name as unit',
      'forms.status',
      'forms.version',
      'forms.total',
      'forms.grade',
      'forms.provisional',
      'forms.updated_at',
      (eb) =>
        eb
          .selectFrom('review_deductions')
          .select((d) => d.fn.sum<number | null>('review_deductions.centipoints').as('c'))
          .whereRef('review_deductions.form_id', '=', 'forms.id')
          .as('deducted'),
    ])
    .orderBy('forms.updated_at', 'desc')
    .orderBy('forms.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  // A page that is not full ends the list, so its end is the count: the count query (a scan of every
  // matching index entry, ~0.6 ms per 10,000 forms) is skipped in the common case of a unit's or a
  // department's few dozen forms. A page past the end (empty, offset > 0) still asks.
  const total =
    rows.length < page.limit && (rows.length > 0 || page.offset === 0)
      ? page.offset + rows.length
      : Number(
          (
            await db
              .selectFrom('forms')
              .where(matching(filter))
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  return {
    items: rows.map((r) => ({
      id: r.id,
      project: r.project,
      year: r.year,
      department: r.department,
      unitId: r.unit_id,
      unit: r.unit,
      status: r.status,
      version: r.version,
      total: r.total,
      grade: r.grade,
      provisional: r.provisional !== 0,
      updatedAt: r.updated_at,
      deductedCentipoints: Number(r.deducted ?? 0),
    })),
    total,
  };
}

/** The canonical JSON of every form under a filter (for summaries), oldest first. */
export async function listFormJson(db: Db, filter: FormFilter): Promise<{ id: string; json: string }[]> {
  return filtered(db, filter)
    .select(['forms.id', 'forms.json'])
    .orderBy('forms.created_at')
    .orderBy('forms.id')
    .execute();
}
