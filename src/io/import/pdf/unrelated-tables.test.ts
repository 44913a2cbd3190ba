import { describe, expect, it } from 'vitest';
import { isUnrelatedTable } from './unrelated-tables.js';

describe('isUnrelatedTable', () => {
  it('takes the money tables of a 决算 document, 合计 included, for no form', () => {
    expect(
      isUnrelatedTable(['收入', '支出', '项目', '决算数', '一、一般公共预算财政拨款收入', '1,523.46', '总计']),
    ).toBe(true);
    expect(isUnrelatedTable(['采购项目', '采购方式', '预算金额', '合计', '155.00'])).toBe(true);
  });

  it('keeps any table with a label, a column header or a category of the template', () => {
    expect(isUnrelatedTable(['项目名称', '禁毒经费'])).toBe(false);
    expect(isUnrelatedTable(['项目资金\n(万元)', '年初预算数', '100'])).toBe(false);
    expect(isUnrelatedTable(['三级指标', '年度指标值'])).toBe(false);
    // A continuation holding only indicators: their categories mark it.
    expect(isUnrelatedTable(['产出指标\n(50分)', '数量指标', '指标3', '≥3场'])).toBe(false);
  });
});
