import type { Db } from './database.js';
import { sortableId } from './ids.js';

/** Reviewer input, kept apart from the unit's self-evaluation (the form JSON). */
export interface ReviewComment {
  readonly id: string;
  /** null: about the whole form. */
  readonly indicatorIndex: number | null;
  readonly body: string;
  readonly author: string;
  readonly formVersion: number;
  readonly createdAt: string;
}

export interface ReviewRating {
  readonly indicatorIndex: number;
  /** r in [0, 1]. */
  readonly rating: number;
  readonly author: string;
  readonly updatedAt: string;
}

export interface ReviewDeduction {
  readonly id: string;
  /** Points, exact to the hundredth (stored as integer hundredths). */
  readonly points: number;
  readonly reason: string;
  readonly author: string;
  readonly createdAt: string;
}

export async function insertComment(
  db: Db,
  c: { formId: string; indicatorIndex: number | null; body: string; authorId: string; formVersion: number; at: string },
): Promise<string> {
  const id = sortableId();
  await db
    .insertInto('review_comments')
    .values({
      id,
      form_id: c.formId,
      indicator_index: c.indicatorIndex,
      body: c.body,
      author_id: c.authorId,
      form_version: c.formVersion,
      created_at: c.at,
    })
    .execute();
  return id;
}

export async function listComments(db: Db, formId: string): Promise<ReviewComment[]> {
  const rows = await db
    .selectFrom('review_comments')
    .innerJoin('users', 'users.id', 'review_comments.author_id')
    .select([
      'review_comments.id',
      'review_comments.indicator_index',
      'review_comments.body',
      'users.username',
      'review_comments.form_version',
      'review_comments.created_at',
    ])
    .where('review_comments.form_id', '=', formId)
    .orderBy('review_comments.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    indicatorIndex: r.indicator_index,
    body: r.body,
    author: r.username,
    formVersion: r.form_version,
    createdAt: r.created_at,
  }));
}

/** Set (or with rating null, clear) a reviewer rating. Returns the previous rating, or null. */
export async function setRating(
  db: Db,
  r: { formId: string; indicatorIndex: number; rating: number | null; authorId: string; at: string },
): Promise<number | null> {
  const previous = await db
    .selectFrom('review_ratings')
    .select('rating')
    .where('form_id', '=', r.formId)
    .where('indicator_index', '=', r.indicatorIndex)
    .executeTakeFirst();
  await db
    .deleteFrom('review_ratings')
    .where('form_id', '=', r.formId)
    .where('indicator_index', '=', r.indicatorIndex)
    .execute();
  if (r.rating !== null)
    await db
      .insertInto('review_ratings')
      .values({
        form_id: r.formId,
        indicator_index: r.indicatorIndex,
        rating: r.rating,
        author_id: r.authorId,
        updated_at: r.at,
      })
      .execute();
  return previous?.rating ?? null;
}

export async function listRatings(db: Db, formId: string): Promise<ReviewRating[]> {
  const rows = await db
    .selectFrom('review_ratings')
    .innerJoin('users', 'users.id', 'review_ratings.author_id')
    .select(['review_ratings.indicator_index', 'review_ratings.rating', 'users.username', 'review_ratings.updated_at'])
    .where('review_ratings.form_id', '=', formId)
    .orderBy('review_ratings.indicator_index')
    .execute();
  return rows.map((r) => ({
    indicatorIndex: r.indicator_index,
    rating: r.rating,
    author: r.username,
    updatedAt: r.updated_at,
  }));
}

/** Ratings of many forms at once (summaries): form id → (indicator index → r). */
export async function ratingsByForm(db: Db, formIds: readonly string[]): Promise<Map<string, Map<number, number>>> {
  const out = new Map<string, Map<number, number>>();
  for (let i = 0; i < formIds.length; i += 500) {
    const chunk = formIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('review_ratings')
      .select(['form_id', 'indicator_index', 'rating'])
      .where('form_id', 'in', chunk)
      .execute();
    for (const r of rows) {
      const m = out.get(r.form_id) ?? new Map<number, number>();
      m.set(r.indicator_index, r.rating);
      out.set(r.form_id, m);
    }
  }
  return out;
}

export async function insertDeduction(
  db: Db,
  d: { formId: string; points: number; reason: string; authorId: string; at: string },
): Promise<string> {
  const id = sortableId();
  await db
    .insertInto('review_deductions')
    .values({
      id,
      form_id: d.formId,
      centipoints: Math.round(d.points * 100),
      reason: d.reason,
      author_id: d.authorId,
      created_at: d.at,
    })
    .execute();
  return id;
}

export async function listDeductions(db: Db, formId: string): Promise<ReviewDeduction[]> {
  const rows = await db
    .selectFrom('review_deductions')
    .innerJoin('users', 'users.id', 'review_deductions.author_id')
    .select([
      'review_deductions.id',
      'review_deductions.centipoints',
      'review_deductions.reason',
      'users.username',
      'review_deductions.created_at',
    ])
    .where('review_deductions.form_id', '=', formId)
    .orderBy('review_deductions.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    points: r.centipoints / 100,
    reason: r.reason,
    author: r.username,
    createdAt: r.created_at,
  }));
}
