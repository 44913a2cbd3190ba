import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importJsonText } from './import-json.js';

const golden = readFileSync(
  new URL('../../../fixtures/seed/pingshan-justice-2020.golden.json', import.meta.url),
  'utf8',
);
const forms = JSON.parse(golden) as Record<string, unknown>[];

describe('importJsonText', () => {
  it('reads the golden array of six forms without issues', () => {
    const r = importJsonText(golden, 'golden.json', 'json');
    expect(r.issues).toEqual([]);
    expect(r.forms.map((f) => f.project.name)).toEqual(forms.map((f) => (f.project as { name: string }).name));
  });

  it('reads a single form object', () => {
    const r = importJsonText(JSON.stringify(forms[0]), 'one.json', 'json');
    expect(r.forms).toHaveLength(1);
  });

  it('reports a syntax error with its line and column', () => {
    const r = importJsonText('[\n  {"kind": }\n]', 'bad.json', 'json');
    expect(r.forms).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'json-syntax', severity: 'error', file: 'bad.json' });
    expect(r.issues[0]?.location).toContain('line 2, column 12');
  });

  it('keeps the valid forms and reports each invalid one with its index and path', () => {
    const broken = { ...forms[1], year: 'twenty' };
    const r = importJsonText(JSON.stringify([forms[0], broken, forms[2]]), 'mixed.json', 'json');
    expect(r.forms).toHaveLength(2);
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.every((i) => i.code === 'invalid-form' && i.form === 1)).toBe(true);
    expect(r.issues.map((i) => i.path)).toContain('year');
  });

  it('reads NDJSON line by line, naming the line of a bad one', () => {
    const text = [JSON.stringify(forms[0]), '', '{"kind": oops}', JSON.stringify(forms[3])].join('\n');
    const r = importJsonText(text, 'forms.ndjson', 'ndjson');
    expect(r.forms.map((f) => f.project.name)).toEqual([
      (forms[0]?.project as { name: string }).name,
      (forms[3]?.project as { name: string }).name,
    ]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.location).toContain('line 3, column 10');
  });
});
