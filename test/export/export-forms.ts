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

/** A form of a template that prints scores, in 元, with extras and blanks. */
export const scoredForm: Form = {
  kind: 'project-self-evaluation',
  year: 2021,
  title: '示范项目支出绩效自评表',
  project: {
    name: '示范项目',
    period: null,
    department: '某某局',
    implementer: null,
    isKeyProject: true,
    attribute: null,
  },
  funding: {
    unit: '元',
    lines: [
      {
        name: '年度资金总额',
        initialBudget: 1000000,
        budget: 1200000.5,
        executed: 1150000,
        rate: 95.83,
        weight: 10,
        score: 9.58,
      },
      { name: '其他资金', initialBudget: null, budget: null, executed: null, rate: null, weight: null, score: null },
    ],
  },
  objectives: { planned: '完成建设', actual: null },
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '培训人数',
      target: '≥100人',
      actual: '120人',
      note: null,
      weight: 20,
      score: 19.5,
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '满意度',
      target: '≥90%',
      actual: '0',
      note: '无',
      weight: 10,
      score: 0,
    },
  ],
  remarks: null,
  preparer: { name: '李四', phone: null },
  selfScore: { total: 95.58, grade: '优' },
  extras: { 项目负责人: '张三', 填报日期: '2022-01-05' },
};

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
