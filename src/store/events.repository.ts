import type { Db } from './database.js';

/** One recorded change to a form: who, when, what (action + detail with before/after). */
export interface FormEvent {
  readonly id: number;
  readonly formId: string;
  readonly version: number;
  readonly action: string;
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly at: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly detail: unknown;
}

export interface NewEvent {
  readonly formId: string;
  readonly version: number;
  readonly action: string;
  readonly userId: string;
  readonly at: string;
  readonly fromStatus?: string | null;
  readonly toStatus?: string | null;
  readonly detail?: unknown;
}

export async function insertEvent(db: Db, e: NewEvent): Promise<void> {
  await db
    .insertInto('form_events')
    .values({
      form_id: e.formId,
      version: e.version,
      action: e.action,
      user_id: e.userId,
      at: e.at,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}

/** A form's events in the order they happened, with the user names. */
export async function listEvents(db: Db, formId: string): Promise<FormEvent[]> {
  const rows = await db
    .selectFrom('form_events')
    .innerJoin('users', 'users.id', 'form_events.user_id')
    .select([
      'form_events.id',
      'form_events.form_id',
      'form_events.version',
      'form_events.action',
      'form_events.user_id',
      'users.username',
      'users.display_name',
      'form_events.at',
      'form_events.from_status',
      'form_events.to_status',
      'form_events.detail',
    ])
    .where('form_events.form_id', '=', formId)
    .orderBy('form_events.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    formId: r.form_id,
    version: r.version,
    action: r.action,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    at: r.at,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    detail: JSON.parse(r.detail) as unknown,
  }));
}
