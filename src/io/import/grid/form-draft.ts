/**
 * The form being read from one part of a grid, with the bookkeeping every reader shares: which
 * cells were placed (so that nothing is lost silently), the issues, and setting a labelled field.
 */
import { formSchema, type Form, type MoneyUnit } from '../../../domain/form/form.schema.js';
import { formOf, newFormFields, type FormFields } from '../form-fields.js';
import type { ImportIssue, IssueSeverity } from '../import-result.js';
import { PROJECT_CODE, type FieldKey } from '../text/vocabulary.js';
import type { Grid, GridCell } from './grid.js';
import type { GridMatrix } from './grid-matrix.js';
import { cellText } from './grid-labels.js';
import { parseNumber, parsePeriod, parseYesNo, type Parsed } from './parse-cell-values.js';

/** The fields read so far, with the money unit as this mapper finds it. */
export interface FormDraft extends FormFields {
  /** The unit printed in the funding label (`项目资金（元）`) or beside a value. */
  unit: MoneyUnit | null;
  /** A unit printed outside the funding label (`单位：万元`), used when the label prints none. */
  unitHint: MoneyUnit | null;
}

export interface FormContext {
  readonly grid: Grid;
  readonly matrix: GridMatrix;
  readonly formIndex: number;
  readonly issues: ImportIssue[];
  /** Cells whose text was placed in the form or recognised as a label, header or boilerplate. */
  readonly consumed: Set<GridCell>;
  readonly draft: FormDraft;
  /**
   * The last line of the template's notes while they go on (they are left out), null outside them:
   * what a page prints after them is read again (template-notes.ts).
   */
  notes: string | null;
}

export function newDraft(): FormDraft {
  // Object.assign, not a spread into a literal: V8 copies such a spread on a slow path (see text/form-draft.ts).
  return Object.assign(newFormFields(), { unit: null, unitHint: null });
}

/** Adds an issue about the current form. */
export function report(
  ctx: FormContext,
  code: string,
  severity: IssueSeverity,
  message: string,
  at: { readonly location: string | null; readonly raw: string | null; readonly path?: string },
): void {
  const issue: ImportIssue = {
    file: ctx.grid.file,
    code,
    severity,
    message,
    location: at.location,
    raw: at.raw,
    form: ctx.formIndex,
  };
  ctx.issues.push(at.path === undefined ? issue : { ...issue, path: at.path });
}

/** Marks a cell placed and returns its text joined to one line. */
export function take(ctx: FormContext, cell: GridCell | undefined): string {
  if (cell === undefined) return '';
  ctx.consumed.add(cell);
  return cellText(cell.text);
}

const orNull = (text: string): string | null => (text === '' ? null : text);

/** A parsed value, or null with a warning that keeps the printed text. */
export function readParsed<T>(
  ctx: FormContext,
  parsed: Parsed<T>,
  text: string,
  location: string,
  path: string,
  what: string,
): T | null {
  if (parsed.ok) return parsed.value;
  report(ctx, 'grid-unreadable-value', 'warning', `${what}“${text}”无法识别，已留空。请核对原表后手工填写。`, {
    location,
    raw: text,
    path,
  });
  return null;
}

const FIELD_PATHS: Record<FieldKey, string> = {
  name: 'project.name',
  period: 'project.period',
  department: 'project.department',
  implementer: 'project.implementer',
  isKeyProject: 'project.isKeyProject',
  attribute: 'project.attribute',
  preparer: 'preparer.name',
  phone: 'preparer.phone',
  remarks: 'remarks',
  total: 'selfScore.total',
  grade: 'selfScore.grade',
};

/** Sets a labelled field from its printed value; a second, different value is reported, not lost. */
export function setField(ctx: FormContext, key: FieldKey, label: string, text: string, location: string): void {
  const d = ctx.draft;
  const path = FIELD_PATHS[key];
  const current = currentText(d, key);
  if (current !== null && text !== '' && current !== text) {
    report(ctx, 'grid-duplicate-field', 'warning', `“${label}”出现了两次，保留第一次的值“${current}”。请核对。`, {
      location,
      raw: text,
      path,
    });
    return;
  }
  if (current !== null && text === '') return;
  switch (key) {
    case 'name': {
      // Sichuan system exports print the project code before the name; the code is kept apart.
      const coded = PROJECT_CODE.exec(text);
      if (coded?.[1] !== undefined && coded[2] !== undefined) {
        setExtra(ctx, '项目编码', coded[1], location);
        d.name = coded[2];
      } else d.name = orNull(text);
      break;
    }
    case 'period':
      d.period = readParsed(ctx, parsePeriod(text), text, location, path, '项目起止时间');
      break;
    case 'department':
      d.department = orNull(text);
      break;
    case 'implementer':
      d.implementer = orNull(text);
      break;
    case 'isKeyProject':
      d.isKeyProject = readParsed(ctx, parseYesNo(text), text, location, path, '是否重点绩效项目');
      break;
    case 'attribute':
      d.attribute = orNull(text);
      break;
    case 'preparer':
      // Forms space out two-character names (`赵 益`); cellText already joined CJK without spaces.
      d.preparerName = orNull(text);
      break;
    case 'phone':
      d.phone = orNull(text);
      break;
    case 'remarks':
      d.remarks = orNull(text);
      break;
    case 'total':
      d.total = readParsed(ctx, parseNumber(text), text, location, path, '总分');
      break;
    case 'grade':
      d.grade = orNull(text);
      break;
  }
}

function currentText(d: FormDraft, key: FieldKey): string | null {
  const values: Record<FieldKey, unknown> = {
    name: d.name,
    period: d.period,
    department: d.department,
    implementer: d.implementer,
    isKeyProject: d.isKeyProject,
    attribute: d.attribute,
    preparer: d.preparerName,
    phone: d.phone,
    remarks: d.remarks,
    total: d.total ?? null,
    grade: d.grade ?? null,
  };
  const v = values[key];
  if (v === null || v === undefined) return null;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Keeps a labelled field the model has no place for in `extras`. */
export function setExtra(ctx: FormContext, label: string, text: string, location: string): void {
  const key = label.replace(/[：:]+$/, '');
  const existing = ctx.draft.extras[key];
  if (existing !== undefined && existing !== text) {
    report(ctx, 'grid-duplicate-field', 'warning', `“${key}”出现了两次，保留第一次的值“${existing}”。请核对。`, {
      location,
      raw: text,
      path: `extras.${key}`,
    });
    return;
  }
  ctx.draft.extras[key] = text;
}

/**
 * The finished form, or null (with an error issue that keeps what was read) when a field the model
 * requires — year, project name, a funding line — was not found.
 */
export function finishForm(ctx: FormContext, location: string | null): Form | null {
  const d = ctx.draft;
  let year = d.year;
  if (year === null && d.period !== null) {
    year = Number(d.period.start.slice(0, 4));
    report(
      ctx,
      'grid-year-from-period',
      'warning',
      `标题下没有找到“（××××年度）”，年度按项目起止时间取为 ${year}。请核对。`,
      { location, raw: null, path: 'year' },
    );
  }
  if (d.title === null)
    report(ctx, 'grid-no-title', 'warning', '没有找到表名（“……绩效自评表”），表名留空。请核对。', {
      location,
      raw: null,
      path: 'title',
    });
  const unit = d.unit ?? d.unitHint;
  if (unit === null && d.fundingLines.length > 0) {
    report(ctx, 'grid-no-unit', 'warning', '项目资金没有注明单位，按“万元”读取。请核对。', {
      location,
      raw: null,
      path: 'funding.unit',
    });
  }
  const form = formOf(d, { year: year ?? 0, title: d.title ?? '', name: d.name ?? '', unit: unit ?? '万元' });
  const checked = formSchema.safeParse(form);
  if (checked.success) return checked.data;
  const missing = [
    year === null ? '年度' : null,
    d.name === null ? '项目名称' : null,
    d.fundingLines.length === 0 ? '项目资金' : null,
  ].filter((m) => m !== null);
  const why =
    missing.length > 0
      ? `缺少${missing.join('、')}`
      : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  report(
    ctx,
    'grid-incomplete-form',
    'error',
    `这张表不完整（${why}），未导入；已读到的内容见 raw。请补全后重新导入。`,
    {
      location,
      raw: JSON.stringify(form),
    },
  );
  return null;
}
