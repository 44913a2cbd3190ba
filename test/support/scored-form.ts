import type { Form } from '../../src/domain/form/form.schema.js';

/** A form exercising what the seed lacks: scores, 年初预算数, money in 元, extras, 总分, blank fields. */
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
