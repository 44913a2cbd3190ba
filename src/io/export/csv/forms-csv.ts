/**
 * The flat CSV export: one row per indicator and one per funding line, each with all of its form's
 * columns, so that one sheet holds everything (a pivot table in Excel works on it directly).
 * `record` says which kind a row is (`funding` rows first, then `indicator` rows, per form) and
 * `index` its 0-based position in the form's list. UTF-8 with BOM, CRLF (domain/report/csv.ts).
 */
import type { Form } from '../../../domain/form/form.schema.js';
import { csvBom, toCsv, type Cell } from '../../../domain/report/index.js';
import { formFields, fundingFields, indicatorFields, type Field } from './form-fields.js';
import { csvRecords } from './parse-csv.js';
import { recordsToForm, type CsvRecord } from './records-to-form.js';

/** The per-record columns, in order; a row fills those of its kind and leaves the rest empty. */
const RECORD_KEYS = [
  'level1',
  'level2',
  'name',
  'target',
  'actual',
  'note',
  'initialBudget',
  'budget',
  'executed',
  'rate',
  'weight',
  'score',
] as const;

/** Header of the flat CSV. */
export const formsCsvHeader: readonly string[] = [...formFields.map((f) => f.key), 'record', 'index', ...RECORD_KEYS];

function pick<Row>(fields: readonly Field<Row>[], row: Row): Cell[] {
  return RECORD_KEYS.map((key) => {
    const field = fields.find((f) => f.key === key);
    return field === undefined ? null : field.value(row);
  });
}

/** The flat CSV text of `forms`, BOM included. */
export function formsToCsv(forms: readonly Form[]): string {
  const rows: Cell[][] = [];
  forms.forEach((form, i) => {
    const id = i + 1;
    const head = formFields.map((f) => f.value({ id, form }));
    form.funding.lines.forEach((line, index) =>
      rows.push([...head, 'funding', index, ...pick(fundingFields, { id, index, line })]),
    );
    form.indicators.forEach((indicator, index) =>
      rows.push([...head, 'indicator', index, ...pick(indicatorFields, { id, index, indicator })]),
    );
  });
  return csvBom + toCsv(formsCsvHeader, rows);
}

/**
 * Reads a flat CSV written by formsToCsv back into forms. Throws an Error when the text is not
 * such a CSV (unknown `record`, unreadable cell, invalid form).
 */
export function csvToForms(text: string): Form[] {
  const groups = new Map<string, { form: CsvRecord; lines: CsvRecord[]; indicators: CsvRecord[] }>();
  for (const record of csvRecords(text)) {
    const key = record['form'] ?? '';
    const group = groups.get(key) ?? { form: record, lines: [], indicators: [] };
    groups.set(key, group);
    if (record['record'] === 'funding') group.lines.push(record);
    else if (record['record'] === 'indicator') group.indicators.push(record);
    else throw new Error(`form ${key}: unknown record "${record['record'] ?? ''}"`);
  }
  const byIndex = (a: CsvRecord, b: CsvRecord): number => Number(a['index']) - Number(b['index']);
  return [...groups.values()].map((g) => recordsToForm(g.form, g.lines.sort(byIndex), g.indicators.sort(byIndex)));
}
