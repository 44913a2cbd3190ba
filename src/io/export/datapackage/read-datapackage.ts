/**
 * Reads the forms back out of a data package written by datapackageFiles (as files or as its
 * .zip), from its forms, funding-lines and indicators tables. The derived tables (scores,
 * findings) are not needed: jixiao computes them again from the forms.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Form } from '../../../domain/form/form.schema.js';
import { csvRecords } from '../csv/parse-csv.js';
import { recordsToForm, type CsvRecord } from '../csv/records-to-form.js';
import { DESCRIPTOR } from './write-datapackage.js';

interface Descriptor {
  readonly resources?: readonly { readonly name?: string; readonly path?: string }[];
}

/** The files of a data package .zip, by path. Throws when the bytes are not a zip. */
export function unzipDatapackage(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

/**
 * The forms of a data package, in `form` order. Throws an Error when datapackage.json or one of
 * the three tables is missing, or a row cannot be read back into a valid form.
 */
export function datapackageToForms(files: Readonly<Record<string, Uint8Array>>): Form[] {
  const descriptorBytes = files[DESCRIPTOR];
  if (descriptorBytes === undefined) throw new Error(`${DESCRIPTOR} is missing`);
  const descriptor = JSON.parse(strFromU8(descriptorBytes)) as Descriptor;
  const table = (name: string): CsvRecord[] => {
    const path = descriptor.resources?.find((r) => r.name === name)?.path;
    const bytes = path === undefined ? undefined : files[path];
    if (bytes === undefined) throw new Error(`resource ${name} is missing`);
    return csvRecords(strFromU8(bytes));
  };
  const byForm = (records: CsvRecord[]): Map<string, CsvRecord[]> => {
    const map = new Map<string, CsvRecord[]>();
    for (const r of records) {
      const key = r['form'] ?? '';
      const list = map.get(key) ?? [];
      list.push(r);
      map.set(key, list);
    }
    for (const list of map.values()) list.sort((a, b) => Number(a['index']) - Number(b['index']));
    return map;
  };
  const lines = byForm(table('funding-lines'));
  const indicators = byForm(table('indicators'));
  return table('forms')
    .sort((a, b) => Number(a['form']) - Number(b['form']))
    .map((f) => recordsToForm(f, lines.get(f['form'] ?? '') ?? [], indicators.get(f['form'] ?? '') ?? []));
}
