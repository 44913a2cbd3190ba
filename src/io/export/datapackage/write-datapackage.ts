/**
 * Forms → a Frictionless Tabular Data Package (https://specs.frictionlessdata.io/): datapackage.json
 * with a Table Schema per CSV, and the CSVs of forms, funding lines, indicators (as printed) and of
 * scores, indicator scores and findings (as jixiao computed them under one rule profile). Tables are
 * linked by `form` (1-based position in the export) with primary and foreign keys. CSVs are UTF-8
 * without BOM (the spec's default, what data tools expect), CRLF, header row.
 */
import { strToU8, zipSync } from 'fflate';
import { checkForm, scoreForm, type Form, type Profile } from '../../../domain/index.js';
import { toCsv, type Cell } from '../../../domain/report/index.js';
import { childKeyFields, formFields, fundingFields, indicatorFields, type Field } from '../csv/form-fields.js';
import { findingFields, indicatorScoreFields, scoreFields } from './score-fields.js';

export const DESCRIPTOR = 'datapackage.json';

interface Table<Row> {
  readonly name: string;
  readonly title: string;
  readonly fields: readonly Field<Row>[];
  readonly rows: readonly Row[];
  readonly primaryKey: readonly string[];
  /** Child tables point at forms.csv. */
  readonly child: boolean;
}

function schemaOf<Row>(table: Table<Row>): object {
  return {
    fields: table.fields.map((f) => ({
      name: f.key,
      title: f.title,
      type: f.type,
      ...(f.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
      ...(f.required === true ? { constraints: { required: true } } : {}),
    })),
    missingValues: [''],
    ...(table.primaryKey.length > 0 ? { primaryKey: table.primaryKey } : {}),
    ...(table.child ? { foreignKeys: [{ fields: ['form'], reference: { resource: 'forms', fields: ['form'] } }] } : {}),
  };
}

const resourceOf = <Row>(table: Table<Row>): object => ({
  name: table.name,
  title: table.title,
  path: `${table.name}.csv`,
  profile: 'tabular-data-resource',
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8',
  dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
  schema: schemaOf(table),
});

const csvOf = <Row>(table: Table<Row>): string =>
  toCsv(
    table.fields.map((f) => f.key),
    table.rows.map((row): Cell[] => table.fields.map((f) => f.value(row))),
  );

/**
 * The files of the data package, by path (`datapackage.json`, `forms.csv`, …). `profile` is the
 * rule profile of the scores and findings tables.
 */
export function datapackageFiles(forms: readonly Form[], profile: Profile): Record<string, Uint8Array> {
  const ids = forms.map((form, i) => ({ id: i + 1, form }));
  const scores = ids.map(({ id, form }) => ({ id, form, score: scoreForm(form, profile) }));
  const tables: Table<never>[] = [];
  const add = <Row>(table: Table<Row>): void => void tables.push(table as unknown as Table<never>);
  add({ name: 'forms', title: '自评表', fields: formFields, rows: ids, primaryKey: ['form'], child: false });
  add({
    name: 'funding-lines',
    title: '项目资金',
    fields: [...childKeyFields('资金'), ...fundingFields],
    rows: ids.flatMap(({ id, form }) => form.funding.lines.map((line, index) => ({ id, index, line }))),
    primaryKey: ['form', 'index'],
    child: true,
  });
  add({
    name: 'indicators',
    title: '绩效指标',
    fields: [...childKeyFields('指标'), ...indicatorFields],
    rows: ids.flatMap(({ id, form }) => form.indicators.map((indicator, index) => ({ id, index, indicator }))),
    primaryKey: ['form', 'index'],
    child: true,
  });
  add({
    name: 'scores',
    title: `评分（${profile.name}）`,
    fields: scoreFields,
    rows: scores,
    primaryKey: ['form'],
    child: true,
  });
  add({
    name: 'indicator-scores',
    title: `指标得分（${profile.name}）`,
    fields: indicatorScoreFields,
    rows: scores.flatMap(({ id, score }) => score.indicators.map((indicator) => ({ id, indicator }))),
    primaryKey: ['form', 'index'],
    child: true,
  });
  add({
    name: 'findings',
    title: `检查发现的问题（${profile.name}）`,
    fields: findingFields,
    rows: scores.flatMap(({ id, form, score }) => checkForm(form, score, profile).map((finding) => ({ id, finding }))),
    primaryKey: [],
    child: true,
  });
  const descriptor = {
    profile: 'tabular-data-package',
    name: 'jixiao-self-evaluations',
    title: '项目支出绩效自评表',
    description: `项目支出绩效自评表 ${forms.length} 张，及按评分规则 ${profile.name}（${profile.title}）计算的得分和检查结果。由 jixiao 导出。`,
    resources: tables.map(resourceOf),
  };
  const files: Record<string, Uint8Array> = { [DESCRIPTOR]: strToU8(`${JSON.stringify(descriptor, null, 2)}\n`) };
  for (const table of tables) files[`${table.name}.csv`] = strToU8(csvOf(table));
  return files;
}

/** The data package as one .zip (files at the top level of the archive). */
export function datapackageZip(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  return zipSync({ ...files }, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
