import { randomUUID } from 'node:crypto';
import { validateForm, type Form } from '../../domain/index.js';
import { canImport } from '../../domain/workflow/index.js';
import { importBytes } from '../../io/import/import-file.js';
import type { InputFormat } from '../../io/import/detect-format.js';
import type { ImportIssue } from '../../io/import/import-result.js';
import { insertEvent } from '../../store/events.repository.js';
import { insertForm } from '../../store/forms.repository.js';
import { findOrg, type Org } from '../../store/orgs.repository.js';
import type { AppContext } from '../context.js';
import { AppError, forbidden, validationFailed } from '../errors.js';
import { factsOf, scoreWithRatings } from './form-facts.js';
import type { ActingUser } from './forms.service.js';

export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ImportOutcome {
  readonly forms: { id: string; project: string; status: 'draft' }[];
  readonly issues: ImportIssue[];
}

function requireImporter(actor: ActingUser): void {
  if (!canImport(actor.role))
    throw forbidden('只有实施单位填报人或财政局可以导入表单。', `role ${actor.role} may not import`);
}

/** The unit the forms go to: a filler's own unit; finance names one (`unit` id). */
async function targetUnit(ctx: AppContext, actor: ActingUser, unitId: string | undefined): Promise<Org> {
  requireImporter(actor);
  const id = actor.role === 'filler' ? actor.orgId : unitId;
  if (id == null)
    throw validationFailed([
      {
        path: 'body.unit',
        message: '请指定导入到哪个实施单位（unit）。',
        messageEn: 'body.unit: required for finance',
      },
    ]);
  const unit = await findOrg(ctx.store.db, id);
  if (!unit || unit.kind !== 'unit')
    throw validationFailed([
      { path: 'body.unit', message: `实施单位 ${id} 不存在。`, messageEn: `body.unit: no unit with id ${id}` },
    ]);
  return unit;
}

/** One uploaded file as the importers read it: the forms that validate, and every issue. */
export interface ReadUpload {
  readonly file: string;
  /** The format the content showed (null when the file could not be read at all). */
  readonly format: InputFormat | null;
  readonly forms: Form[];
  readonly issues: ImportIssue[];
}

export interface PreviewOutcome {
  readonly files: ReadUpload[];
}

/** A file the import refuses: any error issue (no form found and invalid forms are reported as such). */
const refuses = (upload: ReadUpload): boolean => upload.issues.some((i) => i.severity === 'error');

function requireFiles(files: readonly UploadedFile[]): void {
  if (files.length === 0)
    throw validationFailed([
      { path: 'body.files', message: '请至少上传一个文件。', messageEn: 'body.files: no file uploaded' },
    ]);
}

/**
 * Reads every file with the importers and validates its forms. A file with no form gets a
 * `no-forms` error, an invalid form an `invalid-form` error per problem, so that `refuses` is the
 * one rule the import and its preview share.
 */
async function readUploads(ctx: AppContext, files: readonly UploadedFile[]): Promise<ReadUpload[]> {
  const out: ReadUpload[] = [];
  for (const file of files) {
    const result = await importBytes(file.bytes, file.name, { maxBytes: ctx.config.maxUploadBytes });
    const issues = [...result.issues];
    const forms: Form[] = [];
    if (result.forms.length === 0 && !issues.some((i) => i.severity === 'error'))
      issues.push({
        file: file.name,
        code: 'no-forms',
        severity: 'error',
        message: '文件中没有找到自评表。请确认上传的是项目支出绩效自评表。',
        location: null,
        raw: null,
      });
    result.forms.forEach((form, index) => {
      const checked = validateForm(form);
      if (checked.ok) forms.push(checked.form);
      else
        for (const p of checked.problems)
          issues.push({
            file: file.name,
            code: 'invalid-form',
            severity: 'error',
            message: p.message,
            location: null,
            raw: null,
            form: index,
            path: p.path,
          });
    });
    out.push({ file: file.name, format: result.format, forms, issues });
  }
  return out;
}

/**
 * What importing these files would give, with nothing stored: the web app shows PDF, Word, Excel
 * and HTML files this way before the filler saves them (the browser reads only text and JSON).
 * Needs the right to import, not a unit.
 */
export async function previewImport(
  ctx: AppContext,
  actor: ActingUser,
  files: readonly UploadedFile[],
): Promise<PreviewOutcome> {
  requireImporter(actor);
  requireFiles(files);
  return { files: await readUploads(ctx, files) };
}

/**
 * Import a batch of files as drafts of one unit, all or nothing: every file must yield at least one
 * valid form and no error issue, otherwise 422 import-failed lists every issue and nothing is
 * stored. The inserts of the whole batch are one transaction.
 */
export async function importForms(
  ctx: AppContext,
  actor: ActingUser,
  files: readonly UploadedFile[],
  unitId: string | undefined,
): Promise<ImportOutcome> {
  const unit = await targetUnit(ctx, actor, unitId);
  requireFiles(files);
  const read = await readUploads(ctx, files);
  const issues = read.flatMap((r) => r.issues);
  if (read.some(refuses)) throw new AppError('import-failed', undefined, undefined, { issues });
  const forms = read.flatMap((r) => r.forms.map((form) => ({ form, file: r.file })));

  const department = await findOrg(ctx.store.db, unit.parentId ?? '');
  const at = ctx.now().toISOString();
  const created = await ctx.store.transaction(async (trx) => {
    const out: ImportOutcome['forms'] = [];
    for (const { form, file } of forms) {
      const id = randomUUID();
      const score = scoreWithRatings(form, ctx.profile, new Map());
      await insertForm(trx, {
        id,
        unitId: unit.id,
        departmentId: unit.parentId ?? unit.id,
        status: 'draft',
        json: JSON.stringify(form),
        facts: factsOf(form, score, department?.name ?? ''),
        userId: actor.id,
        at,
      });
      await insertEvent(trx, {
        formId: id,
        version: 1,
        action: 'import',
        userId: actor.id,
        at,
        toStatus: 'draft',
        detail: { file },
      });
      out.push({ id, project: form.project.name, status: 'draft' });
    }
    return out;
  });
  return { forms: created, issues };
}
