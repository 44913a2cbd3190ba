/**
 * Forms the export tests round-trip: the seed's golden forms, and forms with what the seed lacks
 * (printed scores, 年初预算数, money in 元, extras, 总分, blank fields, text that CSV, HTML and
 * sheet names must escape).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formSchema, type Form } from '../../src/domain/index.js';

export const repoRoot = process.cwd();

/** Where tests keep artifacts for people to look at (git-ignored). */
export function outputDir(): string {
  const dir = join(repoRoot, 'test-output/export');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function goldenForms(): Form[] {
  const text = readFileSync(join(repoRoot, 'fixtures/seed/pingshan-justice-2020.golden.json'), 'utf8');
  return formSchema.array().parse(JSON.parse(text));
}

import { scoredForm } from '../support/scored-form.js';

export { scoredForm };

/** Text with CSV quotes, commas and line breaks, HTML markup and sheet-name characters. */
export const awkwardForm: Form = {
  ...scoredForm,
  project: { ...scoredForm.project, name: '城市/乡村[道路]:养护*工程?第二期——很长很长很长的项目名称' },
  objectives: { planned: '目标一，"重点"\n目标二', actual: '<script>alert(1)</script> & 完成' },
  indicators: [
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '合格率, "抽检"',
      target: '≥95%',
      actual: '98%',
      note: '第一行\r\n第二行',
      weight: 30,
      score: 30,
    },
  ],
  extras: {},
};
