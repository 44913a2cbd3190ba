import { describe, expect, it } from 'vitest';
import { importText } from './import-text.js';
import { tokenizeLines } from './tokenize-lines.js';

/**
 * Small forms in the shapes pdf.js gives (fixtures/text/pdfjs): a Word table printed by
 * LibreOffice (a024-long-word.txt: cells apart by one space, long cells wrapped onto the next line,
 * a gap between CJK and Latin text), a table printed by Chromium (a024-long.txt: each wrapped
 * piece of a cell on a line of its own, a row's values on one line).
 */
const head = `项目支出绩效自评表
(2021年度)
项目名称 禁毒经费
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标
数量指标
`;

const rowsOf = (text: string): unknown[][] =>
  (importText(text, 'word.txt').forms[0]?.indicators ?? []).map((i) => [
    i.name,
    i.target,
    i.actual,
    i.note,
    i.weight,
    i.score,
  ]);

describe('importText on a Word table as pdf.js gives it', () => {
  it('gives a line after a note ending in a comma to the note, though the name above filled its column', () => {
    const text = `${head}指标1:开展禁毒宣传教育
进社区、进学校、进企业活动并建立台账的场次 ≥1场 2场 2 1.5 受疫情影响部分活动延期,
下年度加强统筹安排
指标2:开展宣传的场次 ≥2场 3场 2 2
`;
    expect(rowsOf(text)).toEqual([
      [
        '指标1:开展禁毒宣传教育进社区、进学校、进企业活动并建立台账的场次',
        '≥1场',
        '2场',
        '受疫情影响部分活动延期,下年度加强统筹安排',
        2,
        1.5,
      ],
      ['指标2:开展宣传的场次', '≥2场', '3场', null, 2, 2],
    ]);
  });
});

describe('importText on a table printed by Chromium as pdf.js gives it', () => {
  const rows = (after: string): string => `${head}指标1:开展禁毒宣传教育进社区、
进学校活动的场次
≥1场 2场 2 1.5
${after}
指标2:开展禁毒宣传教育进社区、
进企业活动的场次
≥2场 3场 2 2
`;

  it('gives unnumbered lines without values after a numbered row to its note, not to a row of their own', () => {
    expect(rowsOf(rows('受疫情影响部分活\n动延期,下年度加强\n统筹安排'))).toEqual([
      [
        '指标1:开展禁毒宣传教育进社区、进学校活动的场次',
        '≥1场',
        '2场',
        '受疫情影响部分活动延期,下年度加强统筹安排',
        2,
        1.5,
      ],
      ['指标2:开展禁毒宣传教育进社区、进企业活动的场次', '≥2场', '3场', null, 2, 2],
    ]);
  });

  it('keeps lines holding values a row of their own', () => {
    expect(rowsOf(rows('群众满意度\n≥90%\n95%'))[1]).toEqual(['群众满意度', '≥90%', '95%', null, null, null]);
  });
});

describe('tokenizeLines on a points label wrapped at a narrow column (Chromium prints through pdf.js)', () => {
  const cells = (text: string): (readonly string[])[] => tokenizeLines(text).map((l) => l.cells);

  it('joins `(90` / `分)` and `产出指标(40` / `分)` into one cell', () => {
    expect(cells('绩效\n指标\n(90\n分)\n一级')).toEqual([['绩效'], ['指标'], ['(90分)'], ['一级']]);
    expect(cells('产出指标(40\n分)')).toEqual([['产出指标(40分)']]);
  });

  it('keeps lines apart when the second is not `分)` alone, or a blank line or another cell stands between', () => {
    expect(cells('(90\n分钟)')).toEqual([['(90'], ['分钟)']]);
    expect(cells('(90\n\n分)')).toEqual([['(90'], ['分)']]);
    expect(cells('质量 (90\n分)')).toEqual([['质量', '(90'], ['分)']]);
  });
});

describe('importText on a 得分计算方法 column after a blank 未完成原因 (family H printed by Word)', () => {
  const form = (rule: string): string => `项目支出绩效自评表
(2019年度)
项目名称 商品和服务支出
一级指标 二级指标 三级指标 预期指标值 实际完成指标值 分值 得分 未完成原因 得分计算方法
产出指标
数量指标 全年免费开放 100% 100% 12.5 12.5 ${rule}
成本指标 实际成本与工作内容的匹配程度 45万 45万 12.5 12.5
`;

  it('puts the rule printed after the score in its own column, the reason left blank', () => {
    const result = importText(form('定量指标计算:完成值达到指标值记满分。'), 'h.txt');
    expect(result.forms[0]?.indicators[0]?.note).toBeNull();
    expect(result.forms[0]?.extras).toEqual({ '全年免费开放(得分计算方法)': '定量指标计算:完成值达到指标值记满分。' });
  });

  it("reads the rule wrapped over lines, cut at Word's CJK–Latin gaps, into that column, not into rows", () => {
    const wrapped = form('定量指标计算:完成值达到指标值,').replace(
      '\n成本指标',
      '\n记满分;未达到指标值,按 B/A 或\nA/B*该指标分值记分。\n定性指标计算:分别按照指标分值的 100-80%(含\n80%)来记分。\n成本指标',
    );
    const result = importText(wrapped, 'h.txt');
    expect(result.forms[0]?.indicators.map((i) => i.name)).toEqual(['全年免费开放', '实际成本与工作内容的匹配程度']);
    expect(result.forms[0]?.extras).toEqual({
      '全年免费开放(得分计算方法)':
        '定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。定性指标计算:分别按照指标分值的100-80%(含80%)来记分。',
    });
  });

  it('keeps a text that is no scoring rule in the reason column', () => {
    expect(importText(form('受疫情影响延期'), 'h.txt').forms[0]?.indicators[0]?.note).toBe('受疫情影响延期');
  });
});

describe('importText on a numbered name wrapped onto a word that is also a category', () => {
  const form = (end: string): string => `项目支出绩效自评表
(2021年度)
项目名称 禁毒经费
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指
标
(50分)
数量指
标
指标1:禁毒舞台剧宣
传的场次 ≥1场 1场 12 12
指标2:毛发检查试剂
${end}
`;
  const levelsAndRows = (text: string): unknown[][] =>
    (importText(text, 'c.txt').forms[0]?.indicators ?? []).map((i) => [i.level2, i.name, i.target, i.score]);

  it('reads `数量` before the values as the end of the name, not as a level', () => {
    expect(levelsAndRows(form('数量 ≥2400份 3200份 12 12'))[1]).toEqual([
      '数量指标',
      '指标2:毛发检查试剂数量',
      '≥2400份',
      12,
    ]);
  });

  it('keeps a category before a numbered row a category', () => {
    expect(levelsAndRows(form('质量指标 指标3:检查合格率 ≥95% 98% 12 12'))).toEqual([
      ['数量指标', '指标1:禁毒舞台剧宣传的场次', '≥1场', 12],
      ['数量指标', '指标2:毛发检查试剂', null, null],
      ['质量指标', '指标3:检查合格率', '≥95%', 12],
    ]);
  });
});

describe('importText on a level 1 printed again on the next page', () => {
  it('stores its points once', () => {
    const text = `${head.replace('产出指标\n数量指标\n', '')}产出指标(50分)
数量指标
指标1:开展宣传的场次 ≥1场 2场 2 2
产出指标(50分)
质量指标
指标2:宣传覆盖率 ≥90% 95% 2 2
`;
    const form = importText(text, 'word.txt').forms[0];
    expect(form?.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
    ]);
    expect(form?.extras?.['产出指标(分值)']).toBe('50分');
  });
});

describe('importText on a funding row whose 说明 cell wraps', () => {
  it('joins the wrapped pieces as one text', () => {
    const text = `项目支出绩效自评表
(2019年度)
项目名称 商品和服务支出
项目预算执行情况 年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分 得分计算方法
年度资金总额 45 45 10 100% 10 执行率*该指标分值,最高不得超过
分值上限。
其中:财政拨款 45 45 - - -
一级指标 二级指标 三级指标 预期指标值 实际完成指标值 分值 得分
产出指标
数量指标 全年免费开放 100% 100% 12.5 12.5
`;
    expect(importText(text, 'h.txt').forms[0]?.extras).toEqual({
      '年度资金总额(说明)': '执行率*该指标分值,最高不得超过分值上限。',
    });
  });
});

describe('importText on objectives whose planned text wraps and whose actual sits beside its last line', () => {
  const form = (block: string): string => `项目支出绩效自评表
(2023年度)
项目名称 工资性支出
年度总体目标
项目年度目标 年度目标完成情况
${block}
一级指标 二级指标 三级指标 年度指标值 实际完成值
产出指标 数量指标 发放覆盖率 100% 100%
`;

  it("reads the last line's second cell as the actual", () => {
    const block =
      '严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编\n制科学合理,减少结余资金。 全部完成。';
    expect(importText(form(block), 'c.txt').forms[0]?.objectives).toEqual({
      planned: '严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。',
      actual: '全部完成。',
    });
  });

  it('leaves a block whose lines are not all one cell to the paragraph split', () => {
    const block = '保障工资及时 足额发放\n全部完成。 按时发放';
    // No paragraph end tells where the actual begins: read as one planned text, as before.
    expect(importText(form(block), 'c.txt').forms[0]?.objectives).toEqual({
      planned: '保障工资及时足额发放全部完成。按时发放',
      actual: null,
    });
  });
});
