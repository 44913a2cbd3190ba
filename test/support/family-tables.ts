/**
 * Template-family tables built from the real forms in fixtures/real, as data: the grid mapper's
 * tests (src/io/import/grid/families.test.ts) read them as a page, a Word file and an Excel sheet;
 * the PDF fixtures of scripts/pdf/make-family-pdfs.ts are printed from them, and the PDF tests
 * compare what the PDF importer reads with what the grid mapper reads from the same table as HTML. Rows are strings: `<` is covered by the cell to the left
 * (colspan), `^` by the cell above (rowspan). `lines` are the paragraphs printed above the table.
 */

import type { Worksheet } from 'exceljs';
import { parse } from 'parse5';
import type { Form } from '../../src/domain/form/form.schema.js';
import { gridToForms } from '../../src/io/import/grid/grid-to-forms.js';
import { htmlToGrid } from '../../src/io/import/html/html-to-grid.js';

export interface FamilyTable {
  readonly lines: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

// Family C (Sichuan system export, fixtures/real/101): 年初预算 / 调整后预算数 / 预算执行数 /
// 预算执行率 / 权重 / 得分 / 原因, a project code before the name, the target split into
// 指标性质 / 指标值 / 度量单位.
export const NOTE_101 =
  '1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.';
export const C_101: FamilyTable = {
  lines: ['报表编号:510000_0013zp', '部门预算项目支出绩效自评表(2023年度)'],
  rows: [
    ['项目名称', '51000021R000000019951-工资性支出', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
    ['主管部门', '青神县发展和改革局本级', '<', '<', '<', '实施单位 (盖章)', '<', '青神县发展和改革局', '<', '<', '<'],
    ['项目基本情况', '1.项目年度目标完成情况', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
    ['^', '项目年度目标', '<', '<', '<', '年度目标完成情况', '<', '<', '<', '<', '<'],
    [
      '^',
      '严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。',
      '<',
      '<',
      '<',
      '全部完成。',
      '<',
      '<',
      '<',
      '<',
      '<',
    ],
    [
      '预算执行情况(10分)',
      '年度预算数(万元)',
      '<',
      '<',
      '年初预算',
      '调整后预算数',
      '预算执行数',
      '预算执行率',
      '权重',
      '得分',
      '原因',
    ],
    ['^', '总额', '<', '<', '238.93', '251.89', '251.89', '100.00%', '10', '10', NOTE_101],
    ['^', '其中:财政资金', '<', '<', '238.93', '251.89', '251.89', '100.00%', '/', '/', '^'],
    ['^', '财政专户管理资金', '<', '<', '0.00', '0.00', '0.00', '0.00%', '/', '/', '^'],
    ['^', '单位资金', '<', '<', '0.00', '0.00', '0.00', '0.00%', '/', '/', '^'],
    ['^', '其他资金', '<', '<', '', '', '', '', '/', '/', '^'],
    [
      '绩效指标(90分)',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标值',
      '度量单位',
      '完成值',
      '权重',
      '得分',
      '未完成原因分析',
    ],
    ['^', '产出指标', '数量指标', '发放(缴纳)覆盖率', '=', '100', '%', '100%', '60', '60', ''],
    ['^', '效益指标', '社会效益指标', '足额保障率(参保率)', '≥', '95', '%', '100%', '30', '30', ''],
    ['合计', '<', '<', '<', '<', '<', '<', '<', '100', '100', ''],
  ],
};

// Family E (Hubei, fixtures/real/022): checkbox rows, 预算数(A) / 执行数(B) / 执行率 / 得分(20分*执行率),
// 年初目标值(A) / 实际完成值(B) / 得分 with no per-indicator 分值, level-1 names with their points.
export const E_022: FamilyTable = {
  lines: ['附表2', '2022年度共享工程项目自评表', '项目单位(盖章):黄石市图书馆 主要领导签字:', '填报日期:2023.6.28'],
  rows: [
    ['项目名称', '共享工程', '<', '<', '<', '<'],
    ['主管部门', '黄石市文化和旅游局', '<', '项目实施单位', '黄石市图书馆', '<'],
    ['项目类别', '1、部门预算项目 ☑ 2、市直专项', '<', '<', '<', '<'],
    ['预算执行情况(万元) (20分)', '预算数(A)', '执行数(B)', '执行率(B/A)', '得分 (20分*执行率)', '<'],
    ['年度财政资金总额', '5', '5', '100%', '20', '<'],
    ['年度绩效目标1 (80分)', '一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
    ['^', '产出指标(40分)', '数量指标', '一个存储备份器', '25TB', '25TB', '10'],
    ['^', '^', '^', 'WIFI布点全覆盖', '100%覆盖', '100%覆盖', '^'],
    ['^', '效益指标(30分)', '社会效益', '使读者更方便快捷查找检阅', '独有数据资源查询', '独有数据资源查询', '10'],
  ],
};

// Family A (Anhui, fixtures/real/024): 年初预算数 / 全年预算数(A) / 全年执行数(B) / 分值 / 执行率 / 得分,
// 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施.
export const A_024: FamilyTable = {
  lines: ['项目支出绩效自评表', '(2021年度)'],
  rows: [
    ['项目名称', '禁毒经费', '<', '<', '<', '<', '<', '<', '<'],
    ['主管部门', '宣城市公安局', '<', '<', '<', '实施单位', '禁毒支队', '<', '<'],
    ['项目资金\n(万元)', '', '<', '年初预算数', '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'],
    ['^', '年度资金总额:', '<', '100', '100', '100', '10', '100%', '10'],
    ['^', '其中:本年财政拨款', '<', '100', '100', '100', '-', '100%', '-'],
    ['^', '上年结转资金', '<', '', '', '', '-', '', '-'],
    ['年度总体目标完成情况', '预期目标', '<', '<', '<', '实际完成情况', '<', '<', '<'],
    ['^', '有效的打击毒品犯罪', '<', '<', '<', '打击了毒品犯罪', '<', '<', '<'],
    [
      '年度绩效指标完成情况',
      '一级\n指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ],
    ['^', '产出指标\n(50分)', '数量指标', '指标1:禁毒舞台剧宣传的场次', '≥1场', '1场', '12', '12', ''],
    ['^', '^', '^', '指标2:毛发检查试剂数量', '≥2400份', '3200份', '12', '12', ''],
    ['总分', '<', '<', '<', '<', '<', '100', '98', ''],
  ],
};

// Family H (Shandong, fixtures/real/023): 得分计算方法 column whose formula text is merged down the
// table, `-` placeholder rows under each indicator, the unit on a line above the table.
export const FORMULA_023 =
  '定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。\n定性指标计算:根据“三档”原则分别按照指标分值的100-80%(含80%)、80-50%(含50%)、50-0%来记分。';
export const H_023: FamilyTable = {
  lines: ['区级部门预算项目支出绩效自评表', '( 2019 年度)', '主管部门(盖章): 单位:万元'],
  rows: [
    ['项目名称', '商品和服务支出', '<', '<', '主管部门', '济南市历城区文化和旅游局', '<', '<', '<'],
    ['项目实施单位', '济南市历城区文化馆', '<', '<', '项目负责人', '田延青', '联系电话', '88894492', '<'],
    ['年度总体目标', '年初设定目标', '<', '<', '年度总体目标完成情况综述', '<', '<', '<', '<'],
    ['^', '历城区文化馆免费开放', '<', '<', '确保我馆全年正常免费开放。', '<', '<', '<', '<'],
    [
      '项目预算\n执行情况\n(10分)',
      '',
      '<',
      '年初预算数(A)',
      '全年执行数(B)',
      '分值',
      '执行率(B/A)',
      '得分',
      '得分计算方法',
    ],
    ['^', '年度资金总额', '<', '45', '45', '10', '100%', '10', '执行率*该指标分值,最高不得超过分值上限。'],
    ['^', '其中:财政拨款', '<', '45', '45', '-', '-', '-', '^'],
    ['^', '其他资金', '<', '', '', '-', '-', '-', '^'],
    [
      '一级\n指标',
      '二级\n指标',
      '三级指标',
      '预期指标值(A)',
      '实际完成指标值(B)',
      '分值',
      '得分',
      '未完成原因',
      '得分计算方法',
    ],
    ['产出指标', '数量指标', '全年免费开放', '100%', '100%', '12.5', '12.5', '', FORMULA_023],
    ['^', '^', '-', '', '', '', '', '', '^'],
    ['^', '成本指标', '实际成本与工作内容的匹配程度', '45万', '45万', '12.5', '12.5', '', '^'],
    ['^', '^', '-', '', '', '', '', '', '^'],
  ],
};

// Family B, central-transfer variant (Sichuan, fixtures/real/026): 专项名称, regional heads, funding
// printed as label/value pairs (`预算数: | 2.38 | 执行数: | 2.38`), values carrying their unit, and
// unlabelled points columns (20, 50, 5) that have no header to say what they are.
export const B_026: FamilyTable = {
  lines: ['食品监管补助资金区域绩效目标自评表', '(2021年度)'],
  rows: [
    ['专项名称', '食品监管补助资金', '<', '中央主管部门', '市场监管总局', '<', '<'],
    ['省级财政部门', '四川省财政厅', '省级主管部门', '四川省市场监管局', '自评得分', '100', '<'],
    ['预算执行情况', '预算数:', '2.38', '执行数:', '2.38', '20', '<'],
    ['^', '其中:中央补助', '2.38 万元', '其中:中央补助', '2.38万元', '', '<'],
    ['^', '地方资金/其他', '万元', '地方资金/其他', '万元', '', '<'],
    ['年度目标完成情况', '预期目标', '<', '目标实际完成情况', '<', '20', '<'],
    ['^', '目标1:深入开展食品风险隐患排查整治。', '<', '目标1:已开展。', '<', '^', '<'],
    ['年度绩效指标完成情况', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成指标值', '50'],
    ['^', '产出指标', '质量指标', '指标1:食品安全监管人员培训', '已完成', '已完成', '5'],
    ['^', '^', '^', '指标2:违法案件查办率', '100%', '100%', '4'],
  ],
};

// Family B, regional variant (Sichuan, fixtures/real/027): no 项目名称 at all, funding as pairs
// spread over two rows (the rate cell merged down), values in `5.8万`.
export const B_027: FamilyTable = {
  lines: ['2021年中央对地方专项转移支付区域绩效目标自评表', '填报类型:整体□  区域√  项目□'],
  rows: [
    ['单位名称', '遂宁市市场监督管理局经开区分局', '<', '联系人及电话', '田苗苗,15881923688'],
    ['预算\n执行\n情况\n(万元)', '转移支付预算数(A)', '5.8万', '预算执行率(B/A)', '100%'],
    ['^', '转移支付执行数(B)', '5.8万', '^', '^'],
    ['年度\n目标\n完成\n情况', '预期目标', '<', '目标实际完成情况', '<'],
    [
      '^',
      '目标1:完成两品一械抽检工作\n目标2:加强两品一械企业监管力度',
      '<',
      '目标1:配合完成抽检148个批次\n目标2:加强了两品一械企业监管力度',
      '<',
    ],
    ['一级\n指标', '二级指标', '三级指标', '指标值', '完成值'],
    ['产出指标', '数量指标', '指标1.药品抽验品种', '≥3', '4'],
    ['^', '^', '指标2.化妆品抽验批次', '≥3', '7'],
    ['^', '质量指标', '指标4.不合格产品处置率', '', ''],
  ],
};

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>');

/** The table as HTML `<table>` markup with its colspans and rowspans; `attrs` go on `<table>`. */
export function tableHtml(rows: FamilyTable['rows'], attrs = ''): string {
  const trs = rows.map((row, r) => {
    const tds = row.flatMap((text, c) => {
      if (text === '<' || text === '^') return [];
      let colSpan = 1;
      while (row[c + colSpan] === '<') colSpan += 1;
      let rowSpan = 1;
      while (rows[r + rowSpan]?.[c] === '^') rowSpan += 1;
      const spans = `${colSpan > 1 ? ` colspan="${colSpan}"` : ''}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ''}`;
      return [`<td${spans}>${escapeHtml(text)}</td>`];
    });
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table${attrs ? ` ${attrs}` : ''}>${trs.join('')}</table>`;
}

/** The lines above the table as paragraphs. */
export const linesHtml = (lines: readonly string[]): string => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');

/** A web page holding the family's lines and table, as families.test.ts builds it. */
export function familyPage(table: FamilyTable): string {
  return `<html><body>${linesHtml(table.lines)}${tableHtml(table.rows)}</body></html>`;
}

/**
 * Family A (024) with `count` indicators instead of two, each with a long name that wraps, so
 * that the indicator table runs over a page break. Names are numbered so that a lost or doubled
 * row shows.
 */
export function longA024(count: number): FamilyTable {
  const head = A_024.rows.slice(0, 9);
  const levels = [
    ['产出指标\n(50分)', '数量指标'],
    ['产出指标\n(50分)', '质量指标'],
    ['效益指标\n(30分)', '社会效益指标'],
    ['满意度指标\n(10分)', '服务对象满意度指标'],
  ] as const;
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const group = Math.min(levels.length - 1, Math.floor((i * levels.length) / count));
    const [level1, level2] = levels[group] ?? levels[0];
    const prevGroup = i === 0 ? -1 : Math.min(levels.length - 1, Math.floor(((i - 1) * levels.length) / count));
    const same = prevGroup === group;
    rows.push([
      '^',
      same ? '^' : level1,
      same ? '^' : level2,
      `指标${i + 1}:开展禁毒宣传教育进社区、进学校、进企业活动并建立台账的场次(第${i + 1}项)`,
      `≥${i + 1}场`,
      `${i + 2}场`,
      '2',
      i % 5 === 4 ? '1.5' : '2',
      i % 5 === 4 ? '受疫情影响部分活动延期,下年度加强统筹安排' : '',
    ]);
  }
  return {
    lines: A_024.lines,
    rows: [...head, ...rows, ['总分', '<', '<', '<', '<', '<', '100', '98', '']],
  };
}

/** What the grid mapper reads from a family table as a web page: the truth other readings of it are held to. */
export const gridReading = (table: FamilyTable): Form[] =>
  gridToForms(htmlToGrid(parse(familyPage(table)), 'family.html').grid).forms;

/**
 * The tables as an Excel sheet: each table's `lines` one cell each above it, `<` and `^` as merged
 * ranges, the tables stacked from the first row down.
 */
export function writeFamilySheet(sheet: Worksheet, tables: readonly FamilyTable[]): void {
  let top = 1;
  for (const { lines, rows } of tables) {
    for (const line of lines) {
      sheet.getCell(top, 1).value = line;
      top += 1;
    }
    rows.forEach((row, r) => {
      row.forEach((text, c) => {
        if (text === '<' || text === '^') return;
        let colSpan = 1;
        while (row[c + colSpan] === '<') colSpan += 1;
        let rowSpan = 1;
        while (rows[r + rowSpan]?.[c] === '^') rowSpan += 1;
        sheet.getCell(top + r, c + 1).value = text;
        if (colSpan > 1 || rowSpan > 1) sheet.mergeCells(top + r, c + 1, top + r + rowSpan - 1, c + colSpan);
      });
    });
    top += rows.length;
  }
}
