import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { builtinProfiles, checkForm, scoreForm, type Form } from '../../src/domain/index.js';
import {
  csvToForms,
  datapackageFiles,
  datapackageToForms,
  exportForms,
  unzipDatapackage,
} from '../../src/io/export/index.js';
import { parseCsv } from '../../src/io/export/csv/parse-csv.js';
import { importBytes } from '../../src/io/import/import-file.js';
import { awkwardForm, goldenForms, scoredForm } from './export-forms.js';
import { validateTabularPackage } from './validate-datapackage.js';

const profile = builtinProfiles['central-2020'];
if (profile === undefined) throw new Error('central-2020 missing');
const golden = goldenForms();
const forms = [...golden, scoredForm, awkwardForm];

describe('exportForms(…, "csv")', () => {
  it('writes UTF-8 with BOM, one row per funding line and per indicator, each with its form keys', async () => {
    const result = await exportForms(golden, 'csv');
    expect(result.contentType).toBe('text/csv; charset=utf-8');
    expect([...result.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(strFromU8(result.bytes));
    const col = (key: string): number => (header as string[]).indexOf(key);
    const expected = golden.reduce((n, f) => n + f.funding.lines.length + f.indicators.length, 0);
    expect(rows).toHaveLength(expected);
    expect(rows.filter((r) => r[col('record')] === 'indicator')).toHaveLength(
      golden.reduce((n, f) => n + f.indicators.length, 0),
    );
    for (const row of rows) expect(row[col('project')]).not.toBe('');
  });

  it('reads back equal to the forms, quotes, commas, line breaks, scores and extras included', async () => {
    const text = strFromU8((await exportForms(forms, 'csv')).bytes);
    expect(csvToForms(text)).toEqual(forms);
  });
});

describe('exportForms(…, "json")', () => {
  it('writes the canonical forms, which the importer reads back equal', async () => {
    const result = await exportForms(forms, 'json');
    expect(JSON.parse(strFromU8(result.bytes))).toEqual(forms);
    const imported = await importBytes(result.bytes, result.fileName);
    expect(imported.forms).toEqual(forms);
  });
});

describe('exportForms(…, "html")', () => {
  it('escapes form text and loads nothing', async () => {
    const html = strFromU8((await exportForms([awkwardForm], 'html')).bytes);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 完成');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).toContain('（2021年度）');
  });
});

describe('exportForms(…, "datapackage")', () => {
  const files = datapackageFiles(forms, profile);

  it('is a valid tabular data package: schemas match the CSVs, types, required, keys', () => {
    expect(validateTabularPackage(files)).toEqual([]);
  });

  it('catches a broken package (the validator can fail)', () => {
    const broken = { ...files, 'indicators.csv': new TextEncoder().encode('form,index\r\n99,x\r\n') };
    expect(validateTabularPackage(broken).length).toBeGreaterThan(0);
  });

  it('reads back equal to the forms, as files and as the .zip', async () => {
    expect(datapackageToForms(files)).toEqual(forms);
    const zip = await exportForms(forms, 'datapackage', { profile });
    expect(zip.contentType).toBe('application/zip');
    expect(datapackageToForms(unzipDatapackage(zip.bytes))).toEqual(forms);
  });

  it('holds the scores and findings jixiao computes', () => {
    const scores = parseCsv(strFromU8(files['scores.csv'] as Uint8Array));
    expect(scores).toHaveLength(forms.length + 1);
    const first = scoreForm(golden[0] as Form, profile);
    expect(Number(scores[1]?.[2])).toBeCloseTo(first.total, 2);
    const findings = parseCsv(strFromU8(files['findings.csv'] as Uint8Array));
    const count = forms.reduce((n, f) => n + checkForm(f, scoreForm(f, profile), profile).length, 0);
    expect(findings).toHaveLength(count + 1);
  });
});
