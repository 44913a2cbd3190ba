import { randomUUID } from 'node:crypto';
import { validateForm, type Form } from '../../domain/index.js';
import { canImport } from '../../domain/workflow/index.js';
import { importBytes } from '../../io/import/import-file.js';
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

/** The unit the forms go to: a filler's own unit; finance names one (`unit` id). */
async function targetUnit(ctx: AppContext, actor: ActingUser, unitId: string | undefined): Promise<Org> {
  if (!canImport(actor.role))
    throw forbidden('只有实施单位填报人或财政局可以导入表单。', `role ${actor.role} may not import`);
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
  if (files.length === 0)
    throw validationFailed([
      { path: 'body.files', message: '请至少上传一个文件。', messageEn: 'body.files: no file uploaded' },
    ]);
  const issues: ImportIssue[] = [];
  const forms: { form: Form; file: string }[] = [];
  let failed = false;
  for (const file of files) {
    const result = await importBytes(file.bytes, file.name, { maxBytes: ctx.config.maxUploadBytes });
    issues.push(...result.issues);
    if (result.issues.some((i) => i.severity === 'error')) failed = true;
    if (result.forms.length === 0) {
      failed = true;
      if (!result.issues.some((i) => i.severity === 'error'))
        issues.push({
          file: file.name,
          code: 'no-forms',
          severity: 'error',
          message: '文件中没有找到自评表。请确认上传的是项目支出绩效自评表。',
          location: null,
          raw: null,
        });
    }
    result.forms.forEach((form, index) => {
      const checked = validateForm(form);
      if (checked.ok) forms.push({ form: checked.form, file: file.name });
      else {
        failed = true;
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
      }
    });
  }
  if (failed) throw new AppError('import-failed', undefined, undefined, { issues });

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
