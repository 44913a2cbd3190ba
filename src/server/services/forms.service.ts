import type { Form } from '../../domain/index.js';
import {
  canEditForm,
  canSee,
  findTransition,
  isFormStatus,
  type Actor,
  type FormPlace,
  type FormStatus,
} from '../../domain/workflow/index.js';
import type { Db } from '../../store/database.js';
import { insertEvent } from '../../store/events.repository.js';
import { findForm, updateForm, type FormRecord } from '../../store/forms.repository.js';
import { findOrg } from '../../store/orgs.repository.js';
import { insertComment, ratingsByForm } from '../../store/reviews.repository.js';
import type { AppContext } from '../context.js';
import { AppError, forbidden, notFound, validationFailed } from '../errors.js';
import { factsOf, scoreWithRatings } from './form-facts.js';

/** The acting user: id, role and organisation. */
export interface ActingUser extends Actor {
  readonly id: string;
}

/** The form if the actor may see it; otherwise 404 (never 403: ids of others' forms reveal nothing). */
export function seenBy<F extends FormPlace>(actor: Actor, form: F | null): F {
  if (!form || !canSee(actor, form)) throw notFound();
  return form;
}

/** The stored form if the actor may see it; otherwise 404 (seenBy). */
export async function visibleForm(db: Db, actor: Actor, id: string): Promise<FormRecord> {
  return seenBy(actor, await findForm(db, id));
}

export const parseStored = (record: Pick<FormRecord, 'json'>): Form => JSON.parse(record.json) as Form;

export const statusOf = (record: Pick<FormRecord, 'status'>): FormStatus => {
  if (!isFormStatus(record.status)) throw new Error(`stored form has unknown status ${record.status}`);
  return record.status;
};

type FormHead = Pick<FormRecord, 'id' | 'status' | 'version'>;

/** `{"id":…,"status":…,"version":…,"form":` — the response up to the stored form JSON. */
const responseHead = (f: FormHead): string =>
  `{"id":${JSON.stringify(f.id)},"status":${JSON.stringify(f.status)},"version":${f.version},"form":`;

/** `{ id, status, version, form }` as JSON text, splicing the stored form text in without re-encoding. */
export function formResponseText(record: FormRecord): string {
  return `${responseHead(record)}${record.json}}`;
}

const closingBrace = Buffer.from('}');

/**
 * Responses already built, by the JSON bytes they wrap: the store hands out the same Buffer for an
 * unchanged form (its JSON cache), so a form read again is sent without building it again. Weak:
 * an entry lives as long as the store keeps the JSON (as much memory again as that cache).
 */
const built = new WeakMap<Buffer, FormHead & { readonly bytes: Buffer }>();

/** formResponseText as UTF-8 bytes, around form JSON that is already bytes (no decoding, no re-encoding). */
export function formResponseBytes(head: FormHead, json: Buffer): Buffer {
  const known = built.get(json);
  if (known && known.id === head.id && known.status === head.status && known.version === head.version)
    return known.bytes;
  const bytes = Buffer.concat([Buffer.from(responseHead(head)), json, closingBrace]);
  built.set(json, { id: head.id, status: head.status, version: head.version, bytes });
  return bytes;
}

/** The 409 for a stale write: the current version and content, so the client can reload and redo. */
export function versionConflict(current: FormRecord): AppError {
  return new AppError('version-conflict', undefined, undefined, {
    current: { id: current.id, status: current.status, version: current.version, form: parseStored(current) },
  });
}

export async function ratingsOf(db: Db, formId: string): Promise<Map<number, number>> {
  return (await ratingsByForm(db, [formId])).get(formId) ?? new Map();
}

/**
 * Replace a form's content (the unit's self-evaluation) if `expectedVersion` is still current. The
 * check, the write, the version row and the event are one transaction; a stale version → 409 and
 * nothing written.
 */
export async function updateFormContent(
  ctx: AppContext,
  actor: ActingUser,
  id: string,
  expectedVersion: number,
  form: Form,
): Promise<FormRecord> {
  // Checks and scoring happen before the transaction, which then holds its connection (SQLite: the
  // only one) for just the write. Safe: the write's WHERE version = expected fails if anything
  // (an edit, a transition) happened since the checks, and then nothing is written.
  const db = ctx.store.db;
  const record = await visibleForm(db, actor, id);
  if (!canEditForm(actor.role, statusOf(record)))
    throw forbidden(
      '只有实施单位可以修改草稿或被退回的表单。',
      `role ${actor.role} may not edit a ${record.status} form`,
    );
  if (record.version !== expectedVersion) throw versionConflict(record);
  const department = await findOrg(db, record.departmentId);
  const score = scoreWithRatings(form, ctx.profile, await ratingsOf(db, id));
  const at = ctx.now().toISOString();
  const updated = await ctx.store.transaction(async (trx) => {
    const written = await updateForm(trx, id, expectedVersion, {
      json: JSON.stringify(form),
      facts: factsOf(form, score, department?.name ?? ''),
      userId: actor.id,
      at,
    });
    if (written) await insertEvent(trx, { formId: id, version: written.version, action: 'edit', userId: actor.id, at });
    return written;
  });
  if (!updated) throw versionConflict((await findForm(db, id)) ?? record);
  return updated;
}

/**
 * Move a form along the workflow. 404 when invisible, 409 invalid-transition when the workflow has
 * no such edge, 403 when the edge belongs to another role, 400 when a return has no comment, 409
 * version-conflict when `expectedVersion` is stale. The comment is stored as a form-level review
 * comment.
 */
export async function transitionForm(
  ctx: AppContext,
  actor: ActingUser,
  id: string,
  to: FormStatus,
  comment: string | undefined,
  expectedVersion: number | undefined,
): Promise<FormRecord> {
  return ctx.store.transaction((trx) => transitionIn(trx, ctx, actor, id, to, comment, expectedVersion));
}

/**
 * Move several forms to `to` in one transaction: all of them or none. The first refusal aborts the
 * batch; its error names the form (`error.formId`).
 */
export async function transitionForms(
  ctx: AppContext,
  actor: ActingUser,
  forms: readonly { readonly id: string; readonly version?: number | undefined }[],
  to: FormStatus,
  comment: string | undefined,
): Promise<FormRecord[]> {
  return ctx.store.transaction(async (trx) => {
    const done: FormRecord[] = [];
    for (const f of forms) {
      try {
        done.push(await transitionIn(trx, ctx, actor, f.id, to, comment, f.version));
      } catch (e) {
        if (e instanceof AppError) throw new AppError(e.code, e.zh, e.en, { ...e.details, formId: f.id });
        throw e;
      }
    }
    return done;
  });
}

async function transitionIn(
  trx: Db,
  ctx: AppContext,
  actor: ActingUser,
  id: string,
  to: FormStatus,
  comment: string | undefined,
  expectedVersion: number | undefined,
): Promise<FormRecord> {
  const record = await visibleForm(trx, actor, id);
  const from = statusOf(record);
  const edge = findTransition(from, to);
  if (!edge)
    throw new AppError(
      'invalid-transition',
      `表单当前状态为「${from}」，不能流转为「${to}」。`,
      `no transition ${from} → ${to}`,
      { current: { version: record.version, status: record.status } },
    );
  if (edge.role !== actor.role)
    throw forbidden(`此流转（${from} → ${to}）不属于您的角色。`, `transition ${from} → ${to} is for ${edge.role}`);
  const text = comment?.trim() ?? '';
  if (edge.commentRequired && text === '')
    throw validationFailed([
      {
        path: 'body.comment',
        message: '退回时必须填写意见（comment）。',
        messageEn: 'body.comment: required when returning a form',
      },
    ]);
  if (expectedVersion !== undefined && expectedVersion !== record.version) throw versionConflict(record);
  const at = ctx.now().toISOString();
  const updated = await updateForm(trx, id, record.version, { status: to, userId: actor.id, at });
  if (!updated) throw versionConflict((await findForm(trx, id)) ?? record);
  if (text !== '')
    await insertComment(trx, {
      formId: id,
      indicatorIndex: null,
      body: text,
      authorId: actor.id,
      formVersion: updated.version,
      at,
    });
  await insertEvent(trx, {
    formId: id,
    version: updated.version,
    action: 'transition',
    userId: actor.id,
    at,
    fromStatus: from,
    toStatus: to,
    detail: text === '' ? {} : { comment: text },
  });
  return updated;
}
