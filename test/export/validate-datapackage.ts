/**
 * A validator for the part of the Frictionless Tabular Data Package spec the export uses, written
 * from the spec (not from the writer): descriptor profile, resource paths, CSV header = schema
 * fields, cell types (integer, number, boolean with its true/false values, ISO date), required
 * constraints, missing values, primary keys unique, foreign keys resolve. Returns problems.
 */
import { strFromU8 } from 'fflate';
import { parseCsv } from '../../src/io/export/csv/parse-csv.js';

interface FieldDescriptor {
  name: string;
  type: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean };
}
interface ResourceDescriptor {
  name: string;
  path: string;
  profile: string;
  schema: {
    fields: FieldDescriptor[];
    missingValues?: string[];
    primaryKey?: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  };
}

function typeProblem(field: FieldDescriptor, value: string): string | null {
  switch (field.type) {
    case 'integer':
      return /^-?\d+$/.test(value) ? null : 'not an integer';
    case 'number':
      return /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value) ? null : 'not a number';
    case 'boolean':
      return [...(field.trueValues ?? ['true']), ...(field.falseValues ?? ['false'])].includes(value)
        ? null
        : 'not a boolean';
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'not a date';
    case 'string':
      return null;
    default:
      return `unknown type ${field.type}`;
  }
}

export function validateTabularPackage(files: Readonly<Record<string, Uint8Array>>): string[] {
  const problems: string[] = [];
  const descriptorBytes = files['datapackage.json'];
  if (descriptorBytes === undefined) return ['datapackage.json missing'];
  const descriptor = JSON.parse(strFromU8(descriptorBytes)) as {
    profile: string;
    name: string;
    resources: ResourceDescriptor[];
  };
  if (descriptor.profile !== 'tabular-data-package') problems.push('package profile');
  if (!/^[a-z0-9._-]+$/.test(descriptor.name)) problems.push('package name');
  const tables = new Map<string, Record<string, string>[]>();
  for (const resource of descriptor.resources) {
    const bytes = files[resource.path];
    if (bytes === undefined) {
      problems.push(`${resource.name}: ${resource.path} missing`);
      continue;
    }
    if (resource.profile !== 'tabular-data-resource') problems.push(`${resource.name}: profile`);
    const [header = [], ...rows] = parseCsv(strFromU8(bytes));
    const names = resource.schema.fields.map((f) => f.name);
    if (JSON.stringify(header) !== JSON.stringify(names)) problems.push(`${resource.name}: header ≠ schema fields`);
    const missing = resource.schema.missingValues ?? [''];
    const records = rows.map((cells) => Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ''])));
    records.forEach((record, r) => {
      for (const field of resource.schema.fields) {
        const value = record[field.name] ?? '';
        if (missing.includes(value)) {
          if (field.constraints?.required === true)
            problems.push(`${resource.name} row ${r + 1}: ${field.name} required`);
          continue;
        }
        const problem = typeProblem(field, value);
        if (problem !== null) problems.push(`${resource.name} row ${r + 1}: ${field.name} ${problem} (${value})`);
      }
    });
    const key = resource.schema.primaryKey ?? [];
    if (key.length > 0) {
      const seen = new Set(records.map((rec) => key.map((k) => rec[k]).join('\u0000')));
      if (seen.size !== records.length) problems.push(`${resource.name}: primary key not unique`);
    }
    tables.set(resource.name, records);
  }
  for (const resource of descriptor.resources) {
    for (const fk of resource.schema.foreignKeys ?? []) {
      const target = tables.get(fk.reference.resource) ?? [];
      const keys = new Set(target.map((rec) => fk.reference.fields.map((k) => rec[k]).join('\u0000')));
      for (const rec of tables.get(resource.name) ?? []) {
        if (!keys.has(fk.fields.map((k) => rec[k]).join('\u0000'))) {
          problems.push(`${resource.name}: foreign key ${fk.fields.join(',')} does not resolve`);
          break;
        }
      }
    }
  }
  return problems;
}
