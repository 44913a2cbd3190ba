/**
 * The fields of a form as an importer reads them, before they are checked as a canonical Form.
 * The text importer and the grid mapper each keep their own bookkeeping beside these (the money
 * unit and how they found it, what the parser is waiting for), but fill and assemble the same fields.
 */
import type { Form, FundingLine, Indicator, MoneyUnit } from '../../domain/form/form.schema.js';

export interface FormFields {
  title: string | null;
  year: number | null;
  name: string | null;
  period: Form['project']['period'];
  department: string | null;
  implementer: string | null;
  isKeyProject: boolean | null;
  attribute: string | null;
  fundingLines: FundingLine[];
  planned: string | null;
  actual: string | null;
  indicators: Indicator[];
  remarks: string | null;
  preparerName: string | null;
  phone: string | null;
  /** Undefined while no 总分 / 自评得分 was printed; null when printed but unreadable. */
  total: number | null | undefined;
  grade: string | null | undefined;
  extras: Record<string, string>;
}

export function newFormFields(): FormFields {
  return {
    title: null,
    year: null,
    name: null,
    period: null,
    department: null,
    implementer: null,
    isKeyProject: null,
    attribute: null,
    fundingLines: [],
    planned: null,
    actual: null,
    indicators: [],
    remarks: null,
    preparerName: null,
    phone: null,
    total: undefined,
    grade: undefined,
    extras: {},
  };
}

/**
 * The canonical Form of the fields, with the head each importer settled (its own fallbacks for a
 * missing year, title, name or unit); `selfScore` only when a total or grade was printed.
 */
export function formOf(
  fields: FormFields,
  head: { readonly year: number; readonly title: string; readonly name: string; readonly unit: MoneyUnit },
): Form {
  const form: Form = {
    kind: 'project-self-evaluation',
    year: head.year,
    title: head.title,
    project: {
      name: head.name,
      period: fields.period,
      department: fields.department,
      implementer: fields.implementer,
      isKeyProject: fields.isKeyProject,
      attribute: fields.attribute,
    },
    funding: { unit: head.unit, lines: fields.fundingLines },
    objectives: { planned: fields.planned, actual: fields.actual },
    indicators: fields.indicators,
    remarks: fields.remarks,
    preparer: { name: fields.preparerName, phone: fields.phone },
    extras: fields.extras,
  };
  if (fields.total !== undefined || fields.grade !== undefined)
    form.selfScore = {
      ...(fields.total === undefined ? {} : { total: fields.total }),
      ...(fields.grade === undefined ? {} : { grade: fields.grade }),
    };
  return form;
}
