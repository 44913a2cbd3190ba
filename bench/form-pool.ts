import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateForm, type Form } from '../src/domain/index.js';
import { importText } from '../src/io/import/text/import-text.js';

export const repoRoot = new URL('../', import.meta.url).pathname;

/** The seed's six golden forms plus every valid form the text importer recovers from fixtures/real. */
export function baseForms(): Form[] {
  const seed = JSON.parse(
    readFileSync(join(repoRoot, 'fixtures/seed/pingshan-justice-2020.golden.json'), 'utf8'),
  ) as unknown[];
  const forms: Form[] = [];
  for (const value of seed) {
    const v = validateForm(value);
    if (v.ok) forms.push(v.form);
  }
  const realDir = join(repoRoot, 'fixtures/real');
  for (const name of readdirSync(realDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    for (const form of importText(readFileSync(join(realDir, name), 'utf8'), name).forms) {
      if (validateForm(form).ok) forms.push(form);
    }
  }
  return forms;
}

/**
 * `count` distinct variants of the base forms: project names numbered, departments spread over 50
 * names, budgets and actuals nudged, so that nothing is the same object or string twice.
 */
export function formVariants(base: readonly Form[], count: number): Form[] {
  const out: Form[] = [];
  for (let i = 0; i < count; i += 1) {
    const f = structuredClone(base[i % base.length] as Form);
    const k = Math.floor(i / base.length);
    f.project.name = `${f.project.name}-${k}`;
    f.project.department = `${f.project.department ?? '部门'}-${k % 50}`;
    const total = f.funding.lines[0];
    if (total?.budget != null && total.executed != null) {
      const factor = 1 + (k % 7) / 100;
      total.budget = Math.round(total.budget * factor * 100) / 100;
      total.executed = Math.round(total.executed * factor * 100) / 100;
    }
    out.push(f);
  }
  return out;
}
