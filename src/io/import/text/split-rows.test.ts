import { describe, expect, it } from 'vitest';
import { placeBeforeRate } from './place-funding-values.js';
import { splitGluedAmounts } from './split-glued-amounts.js';
import { splitGluedRows, splitGluedRun } from './split-glued-row.js';
import { splitLineRows } from './split-line-rows.js';
import type { FundingColumn, IndicatorColumn } from './vocabulary.js';

const SCORED: IndicatorColumn[] = ['target', 'actual', 'weight', 'score', 'note'];
const FAMILY_D: IndicatorColumn[] = ['weight', 'target', 'actual', 'score', 'note'];

/** The rows of a split, as cell texts: [name, col1, col2, …]. */
function rowsOf(texts: string[], columns: IndicatorColumn[]): string[][] | null {
  const rows = splitLineRows(texts, columns, false);
  return (
    rows?.map((r) => [
      r.name.map((i) => texts[i]).join(' '),
      ...r.values.map((c) => c.map((i) => texts[i]).join(' ')),
    ]) ?? null
  );
}

describe('splitLineRows: several rows on one printed line', () => {
  it('cuts a flattened table where 分值/得分 are numbers and names are not values', () => {
    const texts = '补助村(社区)数量 =8个 8 8 8 保障村干部人数 =42个 42 8 8'.split(' ');
    expect(rowsOf(texts, SCORED)).toEqual([
      ['补助村(社区)数量', '=8个', '8', '8', '8'],
      ['保障村干部人数', '=42个', '42', '8', '8'],
    ]);
  });

  it('leaves 分值 blank before a target that cannot be one (family D sub-rows), not in the name', () => {
    expect(rowsOf(['其中桃树种植面积', '1.5亩', '1.5亩'], FAMILY_D)).toEqual([
      ['其中桃树种植面积', '', '1.5亩', '1.5亩'],
    ]);
    // A number where 分值 stands is still the 分值.
    expect(rowsOf(['工程质量合格', '10', '10'], FAMILY_D)).toEqual([['工程质量合格', '10', '10']]);
    // Words are no target: the 分值 is not skipped for them.
    expect(rowsOf(['数量', '指标分值', '记分'], FAMILY_D)).toEqual([['数量 指标分值 记分']]);
  });

  it('starts a row at 指标N: even when the row before lacks values', () => {
    const texts = ['指标4.不合格产品处置率', '指标5:药品不良反应报告数', '≥150', '150'];
    expect(rowsOf(texts, ['target', 'actual'])).toEqual([
      ['指标4.不合格产品处置率'],
      ['指标5:药品不良反应报告数', '≥150', '150'],
    ]);
  });

  it('keeps one row whose name or note was printed with spaces', () => {
    expect(rowsOf('保障 村干部 人数 =42个 42 8 8'.split(' '), SCORED)).toEqual([
      ['保障 村干部 人数', '=42个', '42', '8', '8'],
    ]);
    expect(rowsOf('养护里程 ≥120公里 118公里 20 19 雨季 影响'.split(' '), SCORED)).toEqual([
      ['养护里程', '≥120公里', '118公里', '20', '19', '雨季 影响'],
    ]);
  });
});

describe('splitLineRows: names and notes printed with spaces in a scored table', () => {
  it('keeps a spaced name and a long spaced note in their row, not rows of words without 分值/得分', () => {
    expect(rowsOf('城区 道路 清扫 面积 ≥50万平方米 52万平方米 15 15 无'.split(' '), SCORED)).toEqual([
      ['城区 道路 清扫 面积', '≥50万平方米', '52万平方米', '15', '15', '无'],
    ]);
    expect(rowsOf('道路保洁达标率 ≥95% 90% 15 12 因 部分 路段 施工 未达标'.split(' '), SCORED)).toEqual([
      ['道路保洁达标率', '≥95%', '90%', '15', '12', '因 部分 路段 施工 未达标'],
    ]);
  });

  it('still reads sub-rows printing amounts only, several on one line (family D 其中 rows)', () => {
    const texts = '其中桃树种植面积 1.5亩 1.5亩 其中羊养殖数量 180只 180只'.split(' ');
    expect(rowsOf(texts, FAMILY_D)).toEqual([
      ['其中桃树种植面积', '', '1.5亩', '1.5亩'],
      ['其中羊养殖数量', '', '180只', '180只'],
    ]);
  });
});

describe('splitLineRows: a printed none is a whole cell', () => {
  const PLAIN: IndicatorColumn[] = ['target', 'actual', 'note'];

  it('does not continue a note past a `/`: the words after it open the next row', () => {
    const texts = ['提升服务质量', '显著提升', '90%', '促进普法宣传', '显著促进', '90%', '无错证', '/', '全年无错证'];
    expect(rowsOf(texts, PLAIN)).toEqual([
      ['提升服务质量', '显著提升', '90%'],
      ['促进普法宣传', '显著促进', '90%'],
      ['无错证', '/', '全年无错证'],
    ]);
  });

  it('still lets a note of several words, or of several dashes, span cells', () => {
    expect(rowsOf(['培训人数', '≥5人', '6人', '因疫情', '延期'], PLAIN)).toEqual([
      ['培训人数', '≥5人', '6人', '因疫情 延期'],
    ]);
    expect(rowsOf(['培训人数', '≥5人', '6人', '-', '-'], PLAIN)).toEqual([['培训人数', '≥5人', '6人', '- -']]);
  });
});

describe('splitLineRows: templates that number names without punctuation (104)', () => {
  it('starts a row at 指标N followed by the name, and at a bare 指标N left unfilled', () => {
    const texts = ['指标1工程完工率', '100', '100', '10', '10', '指标2工程验收合格率', '100', '100', '10', '10'];
    expect(rowsOf(texts, SCORED)).toEqual([
      ['指标1工程完工率', '100', '100', '10', '10'],
      ['指标2工程验收合格率', '100', '100', '10', '10'],
    ]);
    expect(rowsOf(['指标1工程资金金额', '43.2', '37.24', '10', '9', '已完工。', '指标2'], SCORED)).toEqual([
      ['指标1工程资金金额', '43.2', '37.24', '10', '9', '已完工。'],
      ['指标2'],
    ]);
  });

  it('does not start a row at a number that goes on as a number (指标3.5, 指标30%)', () => {
    expect(rowsOf(['完成', '指标30%', '30%'], ['target', 'actual'])).toEqual([['完成', '指标30%', '30%']]);
  });

  it('reads a lone 0 after 得分 as the note, not as a 得分 shifted by a name that swallowed a number', () => {
    expect(rowsOf(['指标1安全率', '100', '100', '10', '10', '0', '指标2'], SCORED)).toEqual([
      ['指标1安全率', '100', '100', '10', '10', '0'],
      ['指标2'],
    ]);
  });
});

describe('splitGluedRun: a name does not end inside a number (106)', () => {
  it('leaves a run whole rather than cut 100% into a name ending in 10 and values 0%10', () => {
    expect(splitGluedRun('渔船补贴发放率100%100%10', ['target', 'actual'])).toBeNull();
    expect(splitGluedRun('渔船补贴发放率100%100%10', ['target', 'actual', 'score'])).toEqual([
      ['渔船补贴发放率', '100%', '100%', '10'],
    ]);
  });
});

describe('splitGluedRun: a name does not end with a comparator (docx text glued)', () => {
  it('gives the comparator to the target: ≧90% | 90%, not a name ending in ≧ and 90% | 90%', () => {
    expect(splitGluedRun('社矫功能场所设置合理程度≧90%90%', ['target', 'actual', 'note'])).toEqual([
      ['社矫功能场所设置合理程度', '≧90%', '90%'],
    ]);
    expect(
      splitGluedRun('资产系统报送数据准确率≥99%100%内控和财务报告通过率≥99%100%', ['target', 'actual', 'note']),
    ).toEqual([
      ['资产系统报送数据准确率', '≥99%', '100%'],
      ['内控和财务报告通过率', '≥99%', '100%'],
    ]);
  });
});

describe('splitGluedRun: cells served with no separator', () => {
  it('cuts family D rows (分值 first) where target and actual agree', () => {
    expect(splitGluedRun('指标1免费发放原原种8550万粒550万粒8', FAMILY_D)).toEqual([
      ['指标1免费发放原原种', '8', '550万粒', '550万粒', '8'],
    ]);
    expect(splitGluedRun('指标1种薯采购价格不高于市场价8是是8', FAMILY_D)).toEqual([
      ['指标1种薯采购价格不高于市场价', '8', '是', '是', '8'],
    ]);
  });

  it('cuts several rows of one run, amounts of one unit agreeing', () => {
    expect(
      splitGluedRun('保证专款专用专款专用专款专用10每年补助1000万元1000万元1000万元10', ['target', 'actual', 'score']),
    ).toEqual([
      ['保证专款专用', '专款专用', '专款专用', '10'],
      ['每年补助1000万元', '1000万元', '1000万元', '10'],
    ]);
    expect(splitGluedRun('医疗收入达到5亿元5亿元6.47亿元10', ['target', 'actual', 'score'])).toEqual([
      ['医疗收入达到5亿元', '5亿元', '6.47亿元', '10'],
    ]);
  });

  it('keeps OCR debris in the score as printed, and leaves untrustworthy runs whole', () => {
    expect(splitGluedRun('保障人数102370人2370人IO', FAMILY_D)).toEqual([['保障人数', '10', '2370人', '2370人', 'IO']]);
    expect(splitGluedRun('一级种薯繁育基地8000亩', FAMILY_D)).toBeNull();
  });

  it('cuts a yes/no target before a worded actual that says otherwise (008), not words opening with 是否', () => {
    expect(splitGluedRun('持续完善繁育体系8是基本达到7加强技术指导', FAMILY_D)).toEqual([
      ['持续完善繁育体系', '8', '是', '基本达到', '7', '加强技术指导'],
    ]);
    expect(splitGluedRun('持续完善繁育体系8是否按时7', FAMILY_D)).toBeNull();
  });

  it('cuts rubric rows (013): `一` for no target, the worded actual running to its 得分', () => {
    const RUBRIC = ['weight', 'target', 'actual', 'score', 'note'] as const;
    expect(splitGluedRun('项目目标完整性4一目标明确、内容细化、目标量化4', RUBRIC)).toEqual([
      ['项目目标完整性', '4', '一', '目标明确、内容细化、目标量化', '4'],
    ]);
    // In a run of rubric rows, a row whose `一` the host dropped keeps its target blank.
    expect(splitGluedRun('项目立项相关性2一按照学校管理标准对学校进行管理2可行性2实际工作需求2', RUBRIC)).toEqual([
      ['项目立项相关性', '2', '一', '按照学校管理标准对学校进行管理', '2'],
      ['可行性', '2', '', '实际工作需求', '2'],
    ]);
    // Without a rubric row in the run, one worded value is not made the actual.
    expect(splitGluedRun('可行性2实际工作需求2', RUBRIC)).toBeNull();
    // `指标1一级…`: the 一 after a row number is a word's, not a rubric mark.
    expect(splitGluedRun('指标1一级种薯繁育基地1', RUBRIC)).toBeNull();
  });

  it('gives a note shaped like a row (name, numbers, a closing 得分) a row of its own, left whole', () => {
    const RUBRIC = ['weight', 'target', 'actual', 'score', 'note'] as const;
    expect(splitGluedRun('维修所需成本335万元35万元3绿化等成本3M.8万元14.8万元3', RUBRIC)).toEqual([
      ['维修所需成本', '3', '35万元', '35万元', '3'],
      ['绿化等成本3M.8万元14.8万元3'],
    ]);
    // A note in words stays the note.
    expect(splitGluedRun('维修所需成本335万元35万元3因疫情影响完成率为95', RUBRIC)).toEqual([
      ['维修所需成本', '3', '35万元', '35万元', '3', '因疫情影响完成率为95'],
    ]);
  });

  it('cuts two equal bare numbers only where they cannot be 分值/得分 (103, 106)', () => {
    const B = ['target', 'actual', 'note'] as const;
    // No 分值/得分 in the table: the pair closing its digits is the target and the actual.
    expect(splitGluedRun('储备粮管理专户管理率100%100%库存粮食明显变质比例00', B)).toEqual([
      ['储备粮管理专户管理率', '100%', '100%'],
      ['库存粮食明显变质比例', '0', '0'],
    ]);
    // With 得分 after the actual, the pair is read when the 得分 follows it.
    expect(splitGluedRun('补贴渔船数6620', ['target', 'actual', 'score'])).toEqual([['补贴渔船数', '6', '6', '20']]);
    // `1010` alone in a scored table may be 分值 and 得分: left whole.
    expect(splitGluedRun('工程质量合格1010', ['target', 'actual', 'weight', 'score', 'note'])).toBeNull();
    // Digits going on after the pair in a table without points are not a pair (`0012`).
    expect(splitGluedRun('库存粮食明显变质比例0012', B)).toBeNull();
    // A pair after another number (分值 printed first) is not trusted: `10` + `55` or `105` + `5`…
    expect(splitGluedRun('补贴渔船数105510', FAMILY_D)).toBeNull();
  });

  it('splits a run at its 指标N starts, not inside a year', () => {
    expect(splitGluedRows('指标1甲8是是8指标2乙8否否8')).toEqual(['指标1甲8是是8', '指标2乙8否否8']);
    expect(splitGluedRows('指标12021年11月30日前完成')).toEqual(['指标12021年11月30日前完成']);
  });
});

describe('splitGluedAmounts: a funding row glued', () => {
  it('cuts by column shapes and the rate that 执行数/预算数 must give', () => {
    expect(splitGluedAmounts('202010100.00%10', ['budget', 'executed', 'weight', 'rate', 'score'])).toEqual([
      '20',
      '20',
      '10',
      '100.00%',
      '10',
    ]);
    expect(splitGluedAmounts('10001000100%20', ['budget', 'executed', 'rate', 'score'])).toEqual([
      '1000',
      '1000',
      '100%',
      '20',
    ]);
  });

  it('leaves runs without a rate, or with a rate no cut agrees with, whole', () => {
    expect(splitGluedAmounts('2010', ['budget', 'executed', 'rate'])).toBeNull();
    expect(splitGluedAmounts('2010100%', ['budget', 'executed', 'rate'])).toBeNull();
  });
});

describe('splitGluedAmounts: a source row printing its 分值 blank (family A)', () => {
  const FAMILY_A: FundingColumn[] = ['initialBudget', 'budget', 'executed', 'weight', 'rate', 'score'];

  it('leaves the 分值 blank rather than take the last digit of an amount for it', () => {
    // Read with a 分值 of 6 the spending is 528.6, which gives 99.7377%: within the slack, not as printed.
    expect(splitGluedAmounts('529.99529.99528.6699.75%', FAMILY_A)).toEqual([
      '529.99',
      '529.99',
      '528.66',
      '',
      '99.75%',
    ]);
  });

  it('leaves a run whole when a blank and a printed 分值 both give the rate as printed', () => {
    // 63 | 63 | 63 | blank | 100% and 6 | 36 | 36 | 3 | 100%.
    expect(splitGluedAmounts('636363100%', FAMILY_A)).toBeNull();
    // 528.66 | 10 and 528.661 | 0 both round to 99.75%.
    expect(splitGluedAmounts('529.99529.99528.661099.75%9.98', FAMILY_A)).toBeNull();
  });
});

describe('placeBeforeRate: blank funding cells before the rate', () => {
  const family: FundingColumn[] = ['initialBudget', 'budget', 'executed', 'weight', 'rate', 'score'];

  it('leaves blank the column that makes 执行数/预算数 the printed rate and 分值 points', () => {
    expect(placeBeforeRate(['30', '30', '10', '100%', '99'], family)).toEqual(['', '30', '30', '10', '100%', '99']);
    expect(placeBeforeRate(['30', '30', '100%'], family)).toEqual(['', '30', '30', '', '100%']);
  });

  it('keeps full rows and rows without a rate as printed', () => {
    expect(placeBeforeRate(['40', '40', '38.6', '10', '96.5%', '9.65'], family)).toEqual([
      '40',
      '40',
      '38.6',
      '10',
      '96.5%',
      '9.65',
    ]);
    expect(placeBeforeRate(['30', '30'], family)).toEqual(['30', '30']);
  });
});
