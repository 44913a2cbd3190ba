import { describe, expect, it } from 'vitest';
import type { Form } from '../../../domain/form/form.schema.js';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { parse } from 'parse5';
import { importDocx } from '../docx/import-docx.js';
import { htmlToGrid } from '../html/html-to-grid.js';
import { importXlsx } from '../xlsx/import-xlsx.js';
import { findLostText } from './find-lost-text.js';
import { gridAsText } from './grid-as-text.js';
import { importText } from '../text/import-text.js';
import { gridToForms } from './grid-to-forms.js';
import * as TABLE from '../../../../test/support/family-tables.js';

/**
 * A web page holding one table, from rows of strings: `<` is covered by the cell to the left
 * (colspan), `^` by the cell above (rowspan). `lines` are paragraphs above the table.
 */
const page = (lines: readonly string[], rows: readonly (readonly string[])[]): string =>
  TABLE.familyPage({ lines, rows });

/**
 * The same table as a Word file: `w:gridSpan` for colspan, `w:vMerge` for rowspan. Several tables
 * are printed one after another, each under its lines, as a 决算 document prints its forms.
 */
function wordFile(lines: readonly string[], rows: readonly (readonly string[])[]): Uint8Array {
  return wordDocument([{ lines, rows }]);
}

function wordDocument(tables: readonly TABLE.FamilyTable[]): Uint8Array {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const para = (text: string): string =>
    `<w:p>${text
      .split('\n')
      .map((t, i) => `<w:r>${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`)
      .join('')}</w:p>`;
  const table = (rows: TABLE.FamilyTable['rows']): string =>
    rows
      .map((row, r) => {
        const tcs = row.flatMap((text, c) => {
          if (text === '<') return [];
          let colSpan = 1;
          while (row[c + colSpan] === '<') colSpan += 1;
          const merged = text === '^' ? '<w:vMerge/>' : rows[r + 1]?.[c] === '^' ? '<w:vMerge w:val="restart"/>' : '';
          const props = `<w:tcPr>${colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : ''}${merged}</w:tcPr>`;
          return [`<w:tc>${props}${para(text === '^' ? '' : text)}</w:tc>`];
        });
        return `<w:tr>${tcs.join('')}</w:tr>`;
      })
      .join('');
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = tables.map((t) => `${t.lines.map(para).join('')}<w:tbl>${table(t.rows)}</w:tbl>`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
}

/** The grid mapper's reading of the page (not the text fallback), and whether it lost any text. */
function read(html: string): { forms: Form[]; issues: [string, string | null][]; lost: string[] } {
  const grid = htmlToGrid(parse(html), 'family.html').grid;
  const result = gridToForms(grid);
  const issues = result.issues.map((i): [string, string | null] => [i.code, i.raw]);
  return { forms: result.forms, issues, lost: findLostText(grid, result) };
}

// The tables of families C (101), E (022), A (024), H (023), B (026, 027) are shared with the PDF
// tests, which print them (test/support/family-tables.ts says what each family shows).
const { lines: C_101_LINES, rows: C_101_ROWS } = TABLE.C_101;
const { lines: E_022_LINES, rows: E_022_ROWS } = TABLE.E_022;
const { lines: A_024_LINES, rows: A_024_ROWS } = TABLE.A_024;
const { lines: H_023_LINES, rows: H_023_ROWS } = TABLE.H_023;
const { lines: B_026_LINES, rows: B_026_ROWS } = TABLE.B_026;
const { lines: B_027_LINES, rows: B_027_ROWS } = TABLE.B_027;
const { NOTE_101, FORMULA_023 } = TABLE;
const C_101 = page(C_101_LINES, C_101_ROWS);
const E_022 = page(E_022_LINES, E_022_ROWS);
const A_024 = page(A_024_LINES, A_024_ROWS);
const H_023 = page(H_023_LINES, H_023_ROWS);
const B_026 = page(B_026_LINES, B_026_ROWS);
const B_027 = page(B_027_LINES, B_027_ROWS);

const C_101_FORM: Form = {
  kind: 'project-self-evaluation',
  year: 2023,
  title: '部门预算项目支出绩效自评表',
  project: {
    name: '工资性支出',
    period: null,
    department: '青神县发展和改革局本级',
    implementer: '青神县发展和改革局',
    isKeyProject: null,
    attribute: null,
  },
  funding: {
    unit: '万元',
    lines: [
      {
        name: '总额',
        initialBudget: 238.93,
        budget: 251.89,
        executed: 251.89,
        rate: 100,
        weight: 10,
        score: 10,
      },
      {
        name: '财政资金',
        initialBudget: 238.93,
        budget: 251.89,
        executed: 251.89,
        rate: 100,
        weight: null,
        score: null,
      },
      {
        name: '财政专户管理资金',
        initialBudget: 0,
        budget: 0,
        executed: 0,
        rate: 0,
        weight: null,
        score: null,
      },
      {
        name: '单位资金',
        initialBudget: 0,
        budget: 0,
        executed: 0,
        rate: 0,
        weight: null,
        score: null,
      },
      {
        name: '其他资金',
        initialBudget: null,
        budget: null,
        executed: null,
        rate: null,
        weight: null,
        score: null,
      },
    ],
  },
  objectives: {
    planned: '严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。',
    actual: '全部完成。',
  },
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '发放(缴纳)覆盖率',
      target: '=100%',
      actual: '100%',
      note: null,
      weight: 60,
      score: 60,
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '足额保障率(参保率)',
      target: '≥95%',
      actual: '100%',
      note: null,
      weight: 30,
      score: 30,
    },
  ],
  remarks: null,
  preparer: {
    name: null,
    phone: null,
  },
  extras: {
    报表编号: '510000_0013zp',
    项目编码: '51000021R000000019951',
    '预算执行情况(分值)': '10分',
    // The 原因 column (template instructions here, merged down the block) under the line it starts on,
    // keyed as the text importer keys it.
    '总额(说明)': NOTE_101,
    '绩效指标(分值)': '90分',
    '合计(权重)': '100',
    '合计(得分)': '100',
  },
};

const E_022_FORM: Form = {
  kind: 'project-self-evaluation',
  year: 2022,
  title: '2022年度共享工程项目自评表',
  project: {
    name: '共享工程',
    period: null,
    department: '黄石市文化和旅游局',
    implementer: '黄石市图书馆',
    isKeyProject: null,
    attribute: null,
  },
  funding: {
    unit: '万元',
    lines: [
      {
        name: '年度财政资金总额',
        initialBudget: null,
        budget: 5,
        executed: 5,
        rate: 100,
        score: 20,
      },
    ],
  },
  objectives: {
    planned: null,
    actual: null,
  },
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '一个存储备份器',
      target: '25TB',
      actual: '25TB',
      note: null,
      score: 10,
    },
    {
      level1: '产出指标',
      level2: '数量指标',
      name: 'WIFI布点全覆盖',
      target: '100%覆盖',
      actual: '100%覆盖',
      note: null,
      score: null,
    },
    {
      level1: '效益指标',
      level2: '社会效益',
      name: '使读者更方便快捷查找检阅',
      target: '独有数据资源查询',
      actual: '独有数据资源查询',
      note: null,
      score: 10,
    },
  ],
  remarks: null,
  preparer: {
    name: null,
    phone: null,
  },
  extras: {
    '项目单位(盖章)': '黄石市图书馆',
    主要领导签字: '',
    填报日期: '2023.6.28',
    项目类别: '1、部门预算项目☑2、市直专项',
    '预算执行情况(万元)(分值)': '20分',
    '年度绩效目标(分值)': '80分',
    '产出指标(分值)': '40分',
    '效益指标(分值)': '30分',
  },
};

const H_023_FORM: Form = {
  kind: 'project-self-evaluation',
  year: 2019,
  title: '区级部门预算项目支出绩效自评表',
  project: {
    name: '商品和服务支出',
    period: null,
    department: '济南市历城区文化和旅游局',
    implementer: '济南市历城区文化馆',
    isKeyProject: null,
    attribute: null,
  },
  funding: {
    unit: '万元',
    lines: [
      {
        name: '年度资金总额',
        initialBudget: 45,
        budget: null,
        executed: 45,
        rate: 100,
        weight: 10,
        score: 10,
      },
      {
        name: '财政拨款',
        initialBudget: 45,
        budget: null,
        executed: 45,
        rate: null,
        weight: null,
        score: null,
      },
      {
        name: '其他资金',
        initialBudget: null,
        budget: null,
        executed: null,
        rate: null,
        weight: null,
        score: null,
      },
    ],
  },
  objectives: {
    planned: '历城区文化馆免费开放',
    actual: '确保我馆全年正常免费开放。',
  },
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '全年免费开放',
      target: '100%',
      actual: '100%',
      note: null,
      weight: 12.5,
      score: 12.5,
    },
    {
      level1: '产出指标',
      level2: '成本指标',
      name: '实际成本与工作内容的匹配程度',
      target: '45万',
      actual: '45万',
      note: null,
      weight: 12.5,
      score: 12.5,
    },
  ],
  remarks: null,
  preparer: {
    name: null,
    phone: '88894492',
  },
  extras: {
    项目负责人: '田延青',
    '项目预算执行情况(分值)': '10分',
    // The 得分计算方法 cells, each merged down its block, kept once, as the text importer keeps them.
    '年度资金总额(说明)': '执行率*该指标分值,最高不得超过分值上限。',
    '全年免费开放(得分计算方法)': FORMULA_023.replace('\n', ''),
  },
};

const A_024_FORM: Form = {
  kind: 'project-self-evaluation',
  year: 2021,
  title: '项目支出绩效自评表',
  project: {
    name: '禁毒经费',
    period: null,
    department: '宣城市公安局',
    implementer: '禁毒支队',
    isKeyProject: null,
    attribute: null,
  },
  funding: {
    unit: '万元',
    lines: [
      {
        name: '年度资金总额',
        initialBudget: 100,
        budget: 100,
        executed: 100,
        rate: 100,
        weight: 10,
        score: 10,
      },
      {
        name: '本年财政拨款',
        initialBudget: 100,
        budget: 100,
        executed: 100,
        rate: 100,
        weight: null,
        score: null,
      },
      {
        name: '上年结转资金',
        initialBudget: null,
        budget: null,
        executed: null,
        rate: null,
        weight: null,
        score: null,
      },
    ],
  },
  objectives: {
    planned: '有效的打击毒品犯罪',
    actual: '打击了毒品犯罪',
  },
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '指标1:禁毒舞台剧宣传的场次',
      target: '≥1场',
      actual: '1场',
      note: null,
      weight: 12,
      score: 12,
    },
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '指标2:毛发检查试剂数量',
      target: '≥2400份',
      actual: '3200份',
      note: null,
      weight: 12,
      score: 12,
    },
  ],
  remarks: null,
  preparer: {
    name: null,
    phone: null,
  },
  selfScore: {
    total: 98,
  },
  extras: {
    '产出指标(分值)': '50分',
    '总分(分值)': '100',
  },
};

const B_026_FORM: Form = {
  kind: 'project-self-evaluation',
  year: 2021,
  title: '食品监管补助资金区域绩效目标自评表',
  project: {
    name: '食品监管补助资金',
    period: null,
    department: null,
    implementer: null,
    isKeyProject: null,
    attribute: null,
  },
  funding: {
    unit: '万元',
    lines: [
      {
        name: '年度资金总额',
        initialBudget: null,
        budget: 2.38,
        executed: 2.38,
        rate: null,
      },
      {
        name: '中央补助',
        initialBudget: null,
        budget: 2.38,
        executed: 2.38,
        rate: null,
      },
      {
        name: '地方资金/其他',
        initialBudget: null,
        budget: null,
        executed: null,
        rate: null,
      },
    ],
  },
  objectives: {
    planned: '目标1:深入开展食品风险隐患排查整治。',
    actual: '目标1:已开展。',
  },
  indicators: [
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '指标1:食品安全监管人员培训',
      target: '已完成',
      actual: '已完成',
      note: null,
      score: 5,
    },
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '指标2:违法案件查办率',
      target: '100%',
      actual: '100%',
      note: null,
      score: 4,
    },
  ],
  remarks: null,
  preparer: {
    name: null,
    phone: null,
  },
  selfScore: {
    total: 100,
  },
  extras: {
    中央主管部门: '市场监管总局',
    省级财政部门: '四川省财政厅',
    省级主管部门: '四川省市场监管局',
    // The points printed with no header at the end of each section's first row, keyed by the
    // section's anchor as the text importer keys them.
    '预算执行情况(分值)': '20',
    '年度目标完成情况(分值)': '20',
    '年度绩效指标完成情况(分值)': '50',
  },
};

const B_027_FORM: Form = {
  kind: 'project-self-evaluation',
  year: 2021,
  title: '2021年中央对地方专项转移支付区域绩效目标自评表',
  project: {
    name: '2021年中央对地方专项转移支付区域绩效目标自评表',
    period: null,
    department: null,
    implementer: null,
    isKeyProject: null,
    attribute: null,
  },
  funding: {
    unit: '万元',
    lines: [
      {
        name: '年度资金总额',
        initialBudget: null,
        budget: 5.8,
        executed: 5.8,
        rate: 100,
      },
    ],
  },
  objectives: {
    planned: '目标1:完成两品一械抽检工作目标2:加强两品一械企业监管力度',
    actual: '目标1:配合完成抽检148个批次目标2:加强了两品一械企业监管力度',
  },
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '指标1.药品抽验品种',
      target: '≥3',
      actual: '4',
      note: null,
    },
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '指标2.化妆品抽验批次',
      target: '≥3',
      actual: '7',
      note: null,
    },
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '指标4.不合格产品处置率',
      target: null,
      actual: null,
      note: null,
    },
  ],
  remarks: null,
  preparer: {
    name: null,
    phone: null,
  },
  extras: {
    填报类型: '整体□区域√项目□',
    单位名称: '遂宁市市场监督管理局经开区分局',
    联系人及电话: '田苗苗,15881923688',
  },
};

describe('gridToForms on the template families of fixtures/real', () => {
  it('family C (101): 年初预算/调整后预算数/权重/原因, a project code, 指标性质|指标值|度量单位 as one target', () => {
    const { forms, issues, lost } = read(C_101);
    expect(forms).toEqual([C_101_FORM]);
    expect(issues).toEqual([]);
    expect(lost).toEqual([]);
  });

  it('family E (022): 得分(20分*执行率), level-1 points, a 得分 cell merged over two indicators counted once', () => {
    const { forms, issues, lost } = read(E_022);
    expect(forms).toEqual([E_022_FORM]);
    expect(issues).toEqual([]);
    expect(lost).toEqual([]);
    const scores = forms[0]?.indicators.map((i) => i.score);
    expect(scores).toEqual([10, null, 10]);
  });

  it('family H (023): the formula column merged down is kept once in extras, `-` rows give no indicator', () => {
    const { forms, issues, lost } = read(H_023);
    expect(forms).toEqual([H_023_FORM]);
    expect(issues).toEqual([]);
    expect(lost).toEqual([]);
  });

  it('family A (024): 总分 under 分值/得分 gives the total from 得分, the 分值 sum in extras', () => {
    const { forms, issues, lost } = read(A_024);
    expect(forms).toEqual([A_024_FORM]);
    expect(issues).toEqual([]);
    expect(lost).toEqual([]);
  });

  it('family A as a Word file with money in 元, thousands separators in some cells only, a unit in one', async () => {
    const money = (t: string): string => (t === '100' ? '1,000,000' : t);
    const rows = A_024_ROWS.map((row, r) =>
      row.map((t, c) =>
        t === '项目资金\n(万元)' ? '项目资金\n(元)' : r >= 3 && r <= 5 && c >= 3 && c <= 5 ? money(t) : t,
      ),
    );
    rows[4] = rows[4]?.map((t, c) => (c === 3 ? '1000000元' : t === '1,000,000' ? '1000000' : t)) ?? [];
    const result = await importDocx(wordFile(A_024_LINES, rows), 'family.docx');
    const lines = A_024_FORM.funding.lines.map((l) => ({
      ...l,
      ...Object.fromEntries(
        (['initialBudget', 'budget', 'executed'] as const).map((k) => [k, l[k] === null ? null : l[k] * 10000]),
      ),
    }));
    expect(result.issues).toEqual([]);
    expect(result.forms).toEqual([{ ...A_024_FORM, funding: { unit: '元', lines } }]);
  });

  it('a money value whose unit contradicts the table unit is left blank with a warning, not converted', () => {
    const rows = A_024_ROWS.map((row, r) => (r === 4 ? row.map((t, c) => (c === 3 ? '100元' : t)) : row));
    const { forms, issues } = read(page(A_024_LINES, rows));
    expect(forms[0]?.funding.unit).toBe('万元');
    expect(forms[0]?.funding.lines[1]?.initialBudget).toBeNull();
    expect(issues).toEqual([['grid-unreadable-value', '100元']]);
  });

  it('family B, central transfer (026): funding as label/value pairs, values with their unit', () => {
    const { forms, issues, lost } = read(B_026);
    expect(forms).toEqual([B_026_FORM]);
    // The unlabelled column is read as the text importer reads it: the sections' points, then 得分
    // on the indicator rows, which an info issue says.
    expect(issues).toEqual([
      ['grid-funding-total-named', null],
      ['grid-score-unlabelled', null],
    ]);
    expect(lost).toEqual([]);
  });

  it('family B (026): an unlabelled number on one indicator row only is not taken for 得分', () => {
    // The row of 指标2 without its trailing 4: the number stands on one indicator row only.
    const rows = B_026_ROWS.map((row) => (row[3] === '指标2:违法案件查办率' ? row.slice(0, -1) : row));
    expect(rows).not.toEqual(B_026_ROWS);
    const { forms, issues, lost } = read(page(B_026_LINES, rows));
    expect(forms[0]?.indicators.map((i) => i.score)).toEqual([undefined, undefined]);
    expect(issues).toEqual([
      ['grid-funding-total-named', null],
      ['grid-unplaced-cell', '5'],
    ]);
    expect(lost).toEqual([]);
  });

  it('family D (008 layout): 分值 printed before 年度指标值 is read by its header', () => {
    // Columns 4..6 of the indicator rows of 024 reordered to 分值 | 年度指标值 | 实际完成值.
    const rows = A_024_ROWS.slice(0, 11).map((row, r) =>
      r >= 8 ? [...row.slice(0, 4), row[6] ?? '', row[4] ?? '', row[5] ?? '', ...row.slice(7)] : row,
    );
    const { forms, issues, lost } = read(page(A_024_LINES, rows));
    const { selfScore: _, ...expected } = A_024_FORM;
    expect(forms).toEqual([{ ...expected, extras: { '产出指标(分值)': '50分' } }]);
    expect(issues).toEqual([]);
    expect(lost).toEqual([]);
  });

  it('family B, regional (027): no 项目名称, the title stands for the name with a warning', () => {
    const { forms, issues, lost } = read(B_027);
    expect(forms).toEqual([B_027_FORM]);
    expect(issues).toEqual([
      ['grid-funding-total-named', null],
      ['grid-name-from-title', '2021年中央对地方专项转移支付区域绩效目标自评表'],
    ]);
    expect(lost).toEqual([]);
  });

  it('without 项目名称 and without a title, no form (the text importer gets it); two titles, two forms', () => {
    const { forms, issues } = read(B_027.replace('<p>2021年中央对地方专项转移支付区域绩效目标自评表</p>', ''));
    expect(forms).toEqual([]);
    expect(issues.map(([code]) => code)).toEqual(['grid-no-form']);
    // Two such forms one after the other: each title starts its own.
    const twice = B_027.replace('</body>', `${B_027.slice(B_027.indexOf('<p>'), B_027.indexOf('</body>'))}</body>`);
    const both = read(twice);
    expect(both.forms).toEqual([B_027_FORM, B_027_FORM]);
    expect(both.lost).toEqual([]);
  });
});

/**
 * The same table as an Excel sheet: `lines` one cell each above it, `<` and `^` as merged ranges.
 * Several tables are stacked in the one sheet, each under its lines.
 */
async function excelFile(lines: readonly string[], rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  return excelSheet([{ lines, rows }]);
}

async function excelSheet(tables: readonly TABLE.FamilyTable[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  TABLE.writeFamilySheet(book.addWorksheet('自评表'), tables);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

type Reading = { forms: Form[]; issues: [string, string | null][] };

/** The Word and Excel files' readings, which should be the page's when the grid mapper is right. */
async function readOffice(lines: readonly string[], rows: readonly (readonly string[])[]): Promise<Reading[]> {
  const results = [
    await importDocx(wordFile(lines, rows), 'family.docx'),
    await importXlsx(await excelFile(lines, rows), 'family.xlsx'),
  ];
  return results.map((r) => ({
    forms: r.forms,
    issues: r.issues.map((i): [string, string | null] => [i.code, i.raw]),
  }));
}

// Family I (Hebei, fixtures/real/009, the second form): 年初预算数 / 调整预算数 / 全年执行数 / 分值 /
// 执行率 / 得分. The stored text prints `年度资金总额 30 30 10 100% 99` with 年初预算数 blank; the
// objectives are as printed, the indicator table is cut off in the source.
const I_009_LINES = ['项目支出绩效自评表', '( 2021年度)'];
const I_009_ROWS = [
  ['项目名称', '双随机抽查委托审计费', '<', '<', '<', '<', '<', '<'],
  ['主管部门', '', '<', '<', '实施单位', '乐亭县市场监督管理局', '<', '<'],
  ['项目资金\n(万元)', '', '年初预算数', '调整预算数', '全年执行数', '分值', '执行率', '得分'],
  ['^', '年度资金总额', '', '30', '30', '10', '100%', '99'],
  ['^', '其中:当年财政拨款', '', '30', '30', '', '100%', ''],
  ['^', '上年结转资金', '', '', '', '', '', ''],
  ['^', '其他资金', '', '', '', '', '', ''],
  ['年度总体目标', '预期目标', '<', '<', '实际完成情况', '<', '<', '<'],
  [
    '^',
    '年度报告公示结束后 ,委托会计师事务所、税务师事务 所、律师事务所等专业机构对企业通过企业信用信息公 示系统公示信息的情况开展审计 、验资、咨询等相关工作。',
    '<',
    '<',
    '共开展抽查95批次,检查监管对像1590户,抽查结果全部公示。',
    '<',
    '<',
    '<',
  ],
];

const I_009_FORM: Form = {
  kind: 'project-self-evaluation',
  year: 2021,
  title: '项目支出绩效自评表',
  project: {
    name: '双随机抽查委托审计费',
    period: null,
    department: null,
    implementer: '乐亭县市场监督管理局',
    isKeyProject: null,
    attribute: null,
  },
  funding: {
    unit: '万元',
    lines: [
      { name: '年度资金总额', initialBudget: null, budget: 30, executed: 30, rate: 100, weight: 10, score: 99 },
      { name: '当年财政拨款', initialBudget: null, budget: 30, executed: 30, rate: 100, weight: null, score: null },
      {
        name: '上年结转资金',
        initialBudget: null,
        budget: null,
        executed: null,
        rate: null,
        weight: null,
        score: null,
      },
      { name: '其他资金', initialBudget: null, budget: null, executed: null, rate: null, weight: null, score: null },
    ],
  },
  objectives: {
    // White space between CJK characters is a wrap in the source, joined as the text importer joins it.
    planned:
      '年度报告公示结束后,委托会计师事务所、税务师事务所、律师事务所等专业机构对企业通过企业信用信息公示系统公示信息的情况开展审计、验资、咨询等相关工作。',
    actual: '共开展抽查95批次,检查监管对像1590户,抽查结果全部公示。',
  },
  indicators: [],
  remarks: null,
  preparer: { name: null, phone: null },
  extras: {},
};

// Family F (Ningxia, fixtures/real/013): a rubric table. 项目决策 / 项目管理 rows scored like indicators
// (参考分值 before 指标值(A), `—` where the rubric has no target), level-1 and level-2 names with their
// points, `指标2:` placeholder rows, 自评得分 beside a blank 财政审核评分 in the head.
const F_013_LINES = ['银川市本级部门项目支出绩效自评表(2021年)'];
const F_013_ROWS = [
  ['项目名称', '初中公用经费', '<', '<', '自评得分', '98', '财政审核评分', ''],
  ['主管部门', '银川市教育局', '<', '<', '实施单位', '银川市第六中学', '<', '<'],
  ['项目资金\n(万元)', '', '年初预算数', '调整预算数(A)', '全年执行数(B)', '执行率(B/A)', '<', '<'],
  ['^', '年度资金总额', '64.8', '64.8', '64.8', '100%', '<', '<'],
  ['年度总体目标', '年初设定目标', '<', '<', '年度总体目标完成情况综述', '<', '<', '<'],
  ['^', '保障学校正常工作运行', '<', '<', '', '<', '<', '<'],
  ['一级指标', '二级指标', '三级指标', '参考分值', '指标值(A)', '全年实际值(B)', '得分', '未完成原因分析及改进措施'],
  ['项目决策(10分)', '项目目标', '完整性', '4', '—', '目标明确、内容细化、目标量化', '4', ''],
  ['^', '项目立项', '相关性', '2', '—', '按照学校管理标准对学校进行管理', '2', ''],
  ['^', '^', '可行性', '2', '—', '实际工作需求', '2', ''],
  ['^', '^', '适当性', '2', '—', '有资金测算标准', '2', ''],
  ['项目管理(25分)', '投入管理', '预算执行率', '10', '—', '100%', '9', ''],
  ['^', '财务管理', '财务管理制度有效性', '7', '—', '财务制度健全,严格执行制度,会计核算规范', '7', ''],
  ['^', '项目实施', '绩效监控有效性', '2', '—', '持续有效', '2', ''],
  ['^', '^', '管理制度有效性', '6', '—', '严格执行相关管理制度', '6', ''],
  ['项目产出(30分)', '数量指标(10分)', '保障人数', '10', '2370人', '2370人', '10', ''],
  ['^', '^', '指标2:', '', '', '', '', ''],
  ['^', '质量指标(5分)', '公用经费标准', '5', '符合相关文件要求', '符合相关文件要求', '5', ''],
  ['^', '^', '指标2:', '', '', '', '', ''],
  ['^', '时效指标(5分)', '公用经费完成时间', '5', '2021年12月完成', '2021年12月完成', '4', ''],
  ['^', '^', '指标2:', '', '', '', '', ''],
  ['^', '成本指标(10分)', '办公所需成本', '4', '15万元', '15万元', '4', ''],
  ['^', '^', '维修(维护)所需成本', '3', '35万元', '35万元', '3', ''],
  ['^', '^', '绿化、水电费等成本', '3', '14.8万元', '14.8万元', '3', ''],
  ['项目效益(35分)', '经济效益指标', '指标1:', '', '', '', '', ''],
  ['^', '^', '指标2:', '', '', '', '', ''],
  ['^', '社会效益指标', '效果显著', '15', '改善学校的办学条件', '改善学校的办学条件', '13', ''],
  ['^', '生态效益指标', '指标1:', '', '', '', '', ''],
  ['^', '^', '指标2:', '', '', '', '', ''],
  [
    '^',
    '可持续影响指标',
    '使学生和老师有个更好的学习和工作环境,做到',
    '10',
    '社会认可的办学环境.',
    '社会认可的办学环境.',
    '8',
    '',
  ],
  ['^', '^', '指标2:', '', '', '', '', ''],
];

/** Indicators written as rows: 一级 | 二级 | 三级 | 指标值 | 完成值 | 分值 | 得分, no note. */
const indicatorRows = (rows: readonly (readonly [string, string, string, string, string, number, number])[]) =>
  rows.map(([level1, level2, name, target, actual, weight, score]) => ({
    level1,
    level2,
    name,
    target,
    actual,
    note: null,
    weight,
    score,
  }));

const F_013_FORM: Form = {
  kind: 'project-self-evaluation',
  year: 2021,
  title: '银川市本级部门项目支出绩效自评表',
  project: {
    name: '初中公用经费',
    period: null,
    department: '银川市教育局',
    implementer: '银川市第六中学',
    isKeyProject: null,
    attribute: null,
  },
  funding: {
    unit: '万元',
    lines: [{ name: '年度资金总额', initialBudget: 64.8, budget: 64.8, executed: 64.8, rate: 100 }],
  },
  objectives: { planned: '保障学校正常工作运行', actual: null },
  // The rubric rows are read as the text importer reads them: indicators under 项目决策 / 项目管理,
  // the `—` of the rubric kept as printed.
  indicators: indicatorRows([
    ['项目决策', '项目目标', '完整性', '—', '目标明确、内容细化、目标量化', 4, 4],
    ['项目决策', '项目立项', '相关性', '—', '按照学校管理标准对学校进行管理', 2, 2],
    ['项目决策', '项目立项', '可行性', '—', '实际工作需求', 2, 2],
    ['项目决策', '项目立项', '适当性', '—', '有资金测算标准', 2, 2],
    ['项目管理', '投入管理', '预算执行率', '—', '100%', 10, 9],
    ['项目管理', '财务管理', '财务管理制度有效性', '—', '财务制度健全,严格执行制度,会计核算规范', 7, 7],
    ['项目管理', '项目实施', '绩效监控有效性', '—', '持续有效', 2, 2],
    ['项目管理', '项目实施', '管理制度有效性', '—', '严格执行相关管理制度', 6, 6],
    ['项目产出', '数量指标', '保障人数', '2370人', '2370人', 10, 10],
    ['项目产出', '质量指标', '公用经费标准', '符合相关文件要求', '符合相关文件要求', 5, 5],
    ['项目产出', '时效指标', '公用经费完成时间', '2021年12月完成', '2021年12月完成', 5, 4],
    ['项目产出', '成本指标', '办公所需成本', '15万元', '15万元', 4, 4],
    ['项目产出', '成本指标', '维修(维护)所需成本', '35万元', '35万元', 3, 3],
    ['项目产出', '成本指标', '绿化、水电费等成本', '14.8万元', '14.8万元', 3, 3],
    ['项目效益', '社会效益指标', '效果显著', '改善学校的办学条件', '改善学校的办学条件', 15, 13],
    [
      '项目效益',
      '可持续影响指标',
      '使学生和老师有个更好的学习和工作环境,做到',
      '社会认可的办学环境.',
      '社会认可的办学环境.',
      10,
      8,
    ],
  ]),
  remarks: null,
  preparer: { name: null, phone: null },
  selfScore: { total: 98 },
  extras: {
    财政审核评分: '',
    '项目决策(分值)': '10分',
    '项目管理(分值)': '25分',
    '项目产出(分值)': '30分',
    '数量指标(分值)': '10分',
    '质量指标(分值)': '5分',
    '时效指标(分值)': '5分',
    '成本指标(分值)': '10分',
    '项目效益(分值)': '35分',
  },
};

// Family F, Hubei variant (fixtures/real/018, a PDF whose text came out scrambled; the table as the
// page prints it): money by source in columns (中央 / 省、地 / 本级 / 其他 / 合计, then 执行数 / 执行率),
// a rubric table 项目权重 / 评价内容 / 分值 / 自评分 / 复核分 / 评价标准及依据 with points printed under
// the names (`项目决策\n2分`), then the indicator table with 指标名称(三级指标), 自评分 and 复核分.
const F_018_LINES = ['广水市财政预算支出项目绩效目标自评表', '填报日期:2022年8月10日'];
const F_018_ROWS = [
  [
    '项目名称',
    '乡村道路建设养护项目',
    '<',
    '<',
    '<',
    '项目属性',
    '1、常年性 2、延续性□ 3、一次性□ 4、新增性□',
    '<',
    '<',
  ],
  ['项目主管单位', '广水市交通运输局', '<', '<', '<', '项目实施单位', '广水市交通运输局', '<', '<'],
  ['项目负责人', '孙章勇', '<', '<', '<', '自评总分', '95', '<', '<'],
  [
    '项目资金',
    '来源',
    '中央\n(万元)',
    '省、地\n(万元)',
    '本级\n(万元)',
    '其他\n(万元)',
    '合计\n(万元)',
    '执行数\n(万元)',
    '执行率',
  ],
  ['^', '^', '', '', '309', '', '309', '309', '100%'],
  ['项目年度目标', '1.完成乡村道路建设养护里程300公里;\n2.\n3.', '<', '<', '<', '<', '<', '<', '<'],
  ['项目权重', '评价内容', '<', '分值', '自评分', '复核分', '评价标准及依据', '<', '<'],
  [
    '项目决策\n2分',
    '决策依据',
    '<',
    '2',
    '2',
    '',
    '有项目年度工作计划或有上级文件或审批报告计2分,没有不得分。',
    '<',
    '<',
  ],
  [
    '项目管理\n13分',
    '财务制度',
    '<',
    '3',
    '3',
    '',
    '1、单位财务管理制度1分;\n2、项目管理制度1分;\n3、有制度执行佐证资料1分。没有不得分。',
    '<',
    '<',
  ],
  ['^', '组织机构', '<', '2', '2', '', '有明确的绩效管理机构或专人负责2分。没有不得分', '<', '<'],
  ['^', '运行监管', '<', '4', '4', '', '1、运行监管记录3分;\n2、填报《项目支出绩效监控表》1分。没有不得分。', '<', '<'],
  [
    '^',
    '目标申报',
    '<',
    '4',
    '4',
    '',
    '1、项目绩效目标全申报的1分,缺一项扣0.5分,扣完为止;\n2、绩效目标规范1分,不规范扣0.5分;\n3、按时申报绩效目标计2分,逾期扣1分。',
    '<',
    '<',
  ],
  ['项目\n绩效\n85分', '项目年度目标1:乡村道路建设养护项目', '<', '<', '<', '<', '<', '<', '<'],
  [
    '^',
    '一级\n指标',
    '二级\n指标',
    '指标名称\n(三级指标)',
    '年初指\n标值',
    '年终完\n成值',
    '自评\n分',
    '复核\n分',
    '评价标准',
  ],
  [
    '^',
    '产出\n指标\n40分',
    '数量指\n标\n15分',
    '乡村道路建设养护里程',
    '300公里',
    '300公里',
    '15',
    '',
    '1、提供三级指标完成程度的佐证资料;\n2、三级指标分值按三级指标个数平均确定(15分÷三级指标个数),四舍五入保留整数。',
  ],
];

const RUBRIC_018 = {
  决策依据: '有项目年度工作计划或有上级文件或审批报告计2分,没有不得分。',
  财务制度: '1、单位财务管理制度1分;2、项目管理制度1分;3、有制度执行佐证资料1分。没有不得分。',
  组织机构: '有明确的绩效管理机构或专人负责2分。没有不得分',
  运行监管: '1、运行监管记录3分;2、填报《项目支出绩效监控表》1分。没有不得分。',
  目标申报:
    '1、项目绩效目标全申报的1分,缺一项扣0.5分,扣完为止;2、绩效目标规范1分,不规范扣0.5分;3、按时申报绩效目标计2分,逾期扣1分。',
};

const F_018_FORM: Form = {
  kind: 'project-self-evaluation',
  year: 2021,
  title: '广水市财政预算支出项目绩效目标自评表',
  project: {
    name: '乡村道路建设养护项目',
    period: null,
    department: '广水市交通运输局',
    implementer: '广水市交通运输局',
    isKeyProject: null,
    attribute: '1、常年性2、延续性□3、一次性□4、新增性□',
  },
  funding: {
    unit: '万元',
    // The 合计 column is the total line, first, with the 执行数 / 执行率 printed once for the project.
    lines: [
      { name: '合计', initialBudget: null, budget: 309, executed: 309, rate: 100 },
      ...['中央', '省、地', '本级', '其他'].map((name) => ({
        name,
        initialBudget: null,
        budget: name === '本级' ? 309 : null,
        executed: null,
        rate: null,
      })),
    ],
  },
  objectives: { planned: '1.完成乡村道路建设养护里程300公里;2.3.', actual: null },
  indicators: [
    ...Object.keys(RUBRIC_018).map((name, i) => ({
      level1: i === 0 ? '项目决策' : '项目管理',
      level2: '',
      name,
      target: null,
      actual: null,
      note: null,
      weight: [2, 3, 2, 4, 4][i] ?? null,
      score: [2, 3, 2, 4, 4][i] ?? null,
    })),
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '乡村道路建设养护里程',
      target: '300公里',
      actual: '300公里',
      note: null,
      score: 15,
    },
  ],
  remarks: null,
  preparer: { name: null, phone: null },
  selfScore: { total: 95 },
  extras: {
    填报日期: '2022年8月10日',
    项目负责人: '孙章勇',
    '项目决策(分值)': '2分',
    '项目管理(分值)': '13分',
    ...Object.fromEntries(Object.entries(RUBRIC_018).map(([name, text]) => [`${name}(评价标准及依据)`, text])),
    '项目绩效(分值)': '85分',
    '产出指标(分值)': '40分',
    '数量指标(分值)': '15分',
    '乡村道路建设养护里程(评价标准)':
      '1、提供三级指标完成程度的佐证资料;2、三级指标分值按三级指标个数平均确定(15分÷三级指标个数),四舍五入保留整数。',
  },
};

describe('the families as Word files and Excel sheets', () => {
  it.each([
    ['C (101)', C_101_LINES, C_101_ROWS],
    ['E (022)', E_022_LINES, E_022_ROWS],
    ['A (024)', A_024_LINES, A_024_ROWS],
    ['H (023)', H_023_LINES, H_023_ROWS],
    ['B (026)', B_026_LINES, B_026_ROWS],
    ['B (027)', B_027_LINES, B_027_ROWS],
  ])('family %s reads as the page reads', async (_, lines, rows) => {
    const { forms, issues } = read(page(lines, rows));
    expect(forms).toHaveLength(1);
    expect(await readOffice(lines, rows)).toEqual([
      { forms, issues },
      { forms, issues },
    ]);
  });
});

describe('gridToForms on families F and I of fixtures/real', () => {
  it('family F, Hubei (018): sources as columns, the 项目权重/评价内容 rubric and 自评分/复核分 indicators', async () => {
    const { forms, issues, lost } = read(page(F_018_LINES, F_018_ROWS));
    expect(forms).toEqual([F_018_FORM]);
    // The objective an indicator table is under has no field; the year comes from 填报日期, said so.
    const expected: [string, string | null][] = [
      ['grid-unplaced-cell', '项目年度目标1:乡村道路建设养护项目'],
      ['grid-year-inferred', '2022年8月10日'],
    ];
    expect(issues).toEqual(expected);
    expect(lost).toEqual([]);
    const same = { forms: [F_018_FORM], issues: expected };
    expect(await readOffice(F_018_LINES, F_018_ROWS)).toEqual([same, same]);
  });

  it('family F, Hubei (018): a source value in the wrong unit is blank with a warning naming its line', () => {
    const rows = F_018_ROWS.map((row, r) => (r === 4 ? row.map((t, c) => (c === 4 ? '309元' : t)) : row));
    const result = gridToForms(htmlToGrid(parse(page(F_018_LINES, rows)), 'family.html').grid);
    expect(result.forms[0]?.funding.lines.map((l) => [l.name, l.budget])).toEqual([
      ['合计', 309],
      ['中央', null],
      ['省、地', null],
      ['本级', null],
      ['其他', null],
    ]);
    const unreadable = result.issues.filter((i) => i.code === 'grid-unreadable-value');
    expect(unreadable.map((i) => [i.raw, i.path])).toEqual([['309元', 'funding.lines[3].budget']]);
  });

  it('family F (013): rubric rows as indicators, level-2 points in extras, `指标2:` rows dropped with an issue', async () => {
    const { forms, issues, lost } = read(page(F_013_LINES, F_013_ROWS));
    expect(forms).toEqual([F_013_FORM]);
    const placeholders = ['指标2:', '指标2:', '指标2:', '指标1:', '指标2:', '指标1:', '指标2:', '指标2:'];
    expect(issues).toEqual(placeholders.map((raw) => ['grid-placeholder-indicator', raw]));
    expect(lost).toEqual([]);
    const [word, excel] = await readOffice(F_013_LINES, F_013_ROWS);
    expect(word).toEqual({ forms: [F_013_FORM], issues });
    // Excel keeps no empty cell: 财政审核评分 ends its row with no value cell, so it is not taken
    // for a label with a blank value but reported as it is.
    const { 财政审核评分: _, ...extras } = F_013_FORM.extras ?? {};
    expect(excel).toEqual({
      forms: [{ ...F_013_FORM, extras }],
      issues: [...issues, ['grid-unplaced-cell', '财政审核评分']],
    });
    // The points add up as printed: 10 + 25 + 30 + 35 less the cut-off 满意度 row's 10.
    expect(F_013_FORM.indicators.reduce((sum, i) => sum + (i.weight ?? 0), 0)).toBe(90);
  });

  it('family I (009): 调整预算数 is the budget column, as a page, a Word file and an Excel sheet', async () => {
    const { forms, issues, lost } = read(page(I_009_LINES, I_009_ROWS));
    expect(forms).toEqual([I_009_FORM]);
    expect(issues).toEqual([]);
    expect(lost).toEqual([]);
    const same = { forms: [I_009_FORM], issues: [] };
    expect(await readOffice(I_009_LINES, I_009_ROWS)).toEqual([same, same]);
  });
});

describe('the grid mapper against the text importer on the same tables', () => {
  /** Both readings of one table: the grid mapper's, and the text importer's over the table's text. */
  function bothReadings(lines: readonly string[], rows: readonly (readonly string[])[]): [Form[], Form[]] {
    const grid = htmlToGrid(parse(page(lines, rows)), 'family.html').grid;
    return [gridToForms(grid).forms, importText(gridAsText(grid), 'family.txt').forms];
  }

  it.each([
    ['A (024)', A_024_LINES, A_024_ROWS],
    ['H (023)', H_023_LINES, H_023_ROWS],
    ['B (027)', B_027_LINES, B_027_ROWS],
    ['I (009)', I_009_LINES, I_009_ROWS],
    // Label/value funding pairs with a value spaced from its unit (`2.38 万元`), and an unlabelled
    // number past the last header column on every row read as its 得分.
    ['B (026)', B_026_LINES, B_026_ROWS],
  ])('family %s: the same form', (_, lines, rows) => {
    const [grid, text] = bothReadings(lines, rows);
    expect(grid).toHaveLength(1);
    expect(grid).toEqual(text);
  });

  it.each([
    // The text importer keeps a 合计 row's two numbers as one extra and reports 报表编号 as outside text.
    ['C (101)', C_101_LINES, C_101_ROWS, ['合计', '合计(权重)', '合计(得分)', '报表编号']],
    // The text importer drops a label printed with a colon and nothing after it.
    ['E (022)', E_022_LINES, E_022_ROWS, ['主要领导签字']],
    // The rubric's level-2 names that are no category of the vocabulary (项目目标, 项目立项) are read
    // from the 二级指标 column; 财政审核评分 with a blank value is dropped as 主要领导签字 is.
    ['F (013)', F_013_LINES, F_013_ROWS, ['财政审核评分']],
  ])('family %s: the same form but for extras the table keeps apart', (_, lines, rows, keys) => {
    const [grid, text] = bothReadings(lines, rows);
    const without = (forms: Form[]): Form[] =>
      forms.map((f) => ({
        ...f,
        extras: Object.fromEntries(Object.entries(f.extras ?? {}).filter(([k]) => !keys.includes(k))),
      }));
    expect(grid).toHaveLength(1);
    expect(without(grid)).toEqual(without(text));
  });
});

describe('several forms one after another in one document', () => {
  const { A_024: A, B_027: B27, C_101: C, E_022: E, H_023: H } = TABLE;
  const html = (tables: readonly TABLE.FamilyTable[]): string =>
    `<html><body>${tables.map((t) => TABLE.linesHtml(t.lines) + TABLE.tableHtml(t.rows)).join('')}</body></html>`;
  /** What the page of each table alone reads: the forms and issues the document should give, in order. */
  const alone = (tables: readonly TABLE.FamilyTable[]): Reading => {
    const readings = tables.map((t) => read(TABLE.familyPage(t)));
    return { forms: readings.flatMap((r) => r.forms), issues: readings.flatMap((r) => r.issues) };
  };

  it.each([
    // A form without 项目名称 (027) after one with it: its title starts it, so neither is merged.
    ['A then B (027)', [A, B27]],
    // 报表编号 printed above C's title belongs to the C it heads, not to the form before.
    ['C then C', [C, C]],
    ['E then B (027) then H', [E, B27, H]],
    ['B (027) then C then B (027)', [B27, C, B27]],
  ])('%s: each form as its table alone reads, nothing lost', async (_, tables) => {
    const expected = alone(tables);
    expect(expected.forms).toHaveLength(tables.length);
    const { forms, issues, lost } = read(html(tables));
    expect({ forms, issues }).toEqual(expected);
    expect(lost).toEqual([]);
  });

  it.each([
    ['A then B (027)', [A, B27]],
    ['C then C', [C, C]],
    ['E then B (027) then H', [E, B27, H]],
  ])('%s: a Word file and an Excel sheet read as the page', async (_, tables) => {
    const { forms, issues } = read(html(tables));
    const results = [
      await importDocx(wordDocument(tables), 'forms.docx'),
      await importXlsx(await excelSheet(tables), 'forms.xlsx'),
    ];
    expect(results.map((r) => ({ forms: r.forms, issues: r.issues.map((i) => [i.code, i.raw]) }))).toEqual([
      { forms, issues },
      { forms, issues },
    ]);
  });
});
