import type { Form, Indicator } from '../../src/domain/form/form.schema.js';

/**
 * Small forms for table tests of the domain: one funding line, the given indicators. Pure, so the
 * domain's tests need no fixtures on disk.
 */
export function makeForm(indicators: Partial<Indicator>[], overrides: Partial<Form> = {}): Form {
  return {
    kind: 'project-self-evaluation',
    year: 2021,
    title: '测试项目支出绩效自评表',
    project: {
      name: '测试项目',
      period: null,
      department: '测试局',
      implementer: '测试局',
      isKeyProject: null,
      attribute: null,
    },
    funding: {
      unit: '万元',
      lines: [{ name: '年度资金总额', initialBudget: null, budget: 100, executed: 100, rate: 100 }],
    },
    objectives: { planned: null, actual: null },
    indicators: indicators.map((i, n) => ({
      level1: '产出指标',
      level2: '数量指标',
      name: `指标${String.fromCharCode(0x4e00 + n)}`,
      target: null,
      actual: null,
      note: null,
      ...i,
    })),
    remarks: '无',
    preparer: { name: '张三', phone: '0755-12345678' },
    extras: {},
    ...overrides,
  };
}
