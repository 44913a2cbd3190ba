/**
 * Reading the flat template (flat-template-columns.ts): rows of the 绩效指标 sheet are grouped
 * into forms by 项目名称 (a row with 项目名称 blank continues the form above), funding lines come
 * from the 项目资金 sheet by 项目名称 and 年度, and unknown columns go to `extras`.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { formSchema, type Form, type Indicator } from '../../../domain/form/form.schema.js';
import type { ImportIssue } from '../import-result.js';
import { cellText } from '../grid/grid-labels.js';
import { capCellText } from '../grid/grid-limits.js';
import { parseNumber, parsePeriod, parseYesNo, type Parsed } from '../grid/parse-cell-values.js';
import { cellValueText, shownCellText } from './cell-value-text.js';
import { canonicalHeader, FORM_COLUMNS, type FormColumn } from './flat-template-columns.js';
import { fundingLines } from './read-flat-funding.js';

/** One data row: text by canonical header, and each cell's address. */
export interface SheetRow {
  readonly values: ReadonlyMap<string, string>;
  readonly at: (header: string) => string;
}

export interface SheetTable {
  readonly headers: readonly string[];
  readonly rows: readonly SheetRow[];
}

/** The header row among the first five that holds all `required` headers, and the rows below it. */
function readTable(
  sheet: Worksheet,
  required: readonly string[],
  file: string,
  issues: ImportIssue[],
): SheetTable | null {
  for (let h = 1; h <= Math.min(5, sheet.rowCount); h += 1) {
    const headerCells = new Map<number, string>();
    sheet.getRow(h).eachCell({ includeEmpty: false }, (cell, col) => {
      const text = canonicalHeader(cellValueText(cell));
      if (text !== '') headerCells.set(col, text);
    });
    const headers = [...headerCells.values()];
    if (!required.every((r) => headers.includes(r))) continue;
    // Only the cells the sheet holds are visited: asking exceljs for every row up to the last one
    // and every header column creates each cell, and one stray cell in row 65536 (or 1048576 in an
    // .xlsx) under 200 headers made that millions of cells, seconds and gigabytes.
    const letters = new Map<string, string>();
    for (const [col, header] of headerCells) letters.set(header, sheet.getColumn(col).letter);
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      if (r <= h) return;
      const values = new Map<string, string>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const header = headerCells.get(col);
        if (header === undefined) return;
        const location = `${sheet.name}!${cell.address}`;
        const text = capCellText(shownCellText(cell, file, location, issues), file, location, issues).trim();
        if (text !== '' && !values.has(header)) values.set(header, text);
      });
      const at = (header: string): string => {
        const letter = letters.get(header);
        return letter === undefined ? `${sheet.name}!${r}` : `${sheet.name}!${letter}${r}`;
      };
      if (values.size > 0) rows.push({ values, at });
    });
    return { headers, rows };
  }
  return null;
}

/** The flat template's sheets, when the workbook is one: the main sheet has 项目名称 and 三级指标. */
export function findFlatTemplate(
  book: Workbook,
  file: string,
  issues: ImportIssue[],
): { main: SheetTable; funding: SheetTable | null } | null {
  let main: SheetTable | null = null;
  let funding: SheetTable | null = null;
  for (const sheet of book.worksheets) {
    main ??= readTable(sheet, ['项目名称', '三级指标'], file, issues);
    if (funding === null && main?.headers.includes('资金名称') !== true)
      funding = readTable(sheet, ['项目名称', '资金名称'], file, issues);
  }
  return main === null ? null : { main, funding };
}

const HEADER_OF = new Map(FORM_COLUMNS.map((c) => [c.key, c.header]));
const KNOWN_HEADERS = new Set(FORM_COLUMNS.map((c) => c.header));

interface Group {
  readonly rows: SheetRow[];
  readonly index: number;
}

/** Imports the forms of a flat-template workbook; see the module comment. Never throws. */
export function readFlatTemplate(
  tables: { main: SheetTable; funding: SheetTable | null },
  file: string,
  issues: ImportIssue[],
): Form[] {
  const report = (
    code: string,
    severity: ImportIssue['severity'],
    message: string,
    location: string | null,
    raw: string | null,
    form?: number,
  ): void => {
    issues.push({ file, code, severity, message, location, raw, ...(form === undefined ? {} : { form }) });
  };
  const groups: Group[] = [];
  for (const row of tables.main.rows) {
    const name = row.values.get('项目名称');
    const year = row.values.get('年度');
    const current = groups.at(-1);
    const same = (h: string, v: string | undefined): boolean =>
      v === undefined || current?.rows[0]?.values.get(h) === v;
    if (current !== undefined && same('项目名称', name) && same('年度', year) && same('表名', row.values.get('表名')))
      current.rows.push(row);
    else if (name === undefined && current === undefined) {
      report(
        'flat-row-without-project',
        'warning',
        '这一行没有项目名称，也不在任何项目之下，未导入。请填写项目名称。',
        row.at('项目名称'),
        [...row.values.values()].join(' | '),
      );
    } else groups.push({ rows: [row], index: groups.length });
  }

  const forms: Form[] = [];
  for (const group of groups) {
    const first = (key: FormColumn): { text: string; location: string } | null => {
      const header = HEADER_OF.get(key) ?? '';
      let found: { text: string; location: string } | null = null;
      for (const row of group.rows) {
        const text = row.values.get(header);
        if (text === undefined) continue;
        if (found === null) found = { text: cellText(text), location: row.at(header) };
        else if (KEY_FORM_COLUMNS.has(key) && cellText(text) !== found.text) {
          report(
            'flat-conflicting-value',
            'warning',
            `同一项目的“${header}”前后不一致，保留第一次的值“${found.text}”。请核对。`,
            row.at(header),
            text,
            group.index,
          );
        }
      }
      return found;
    };
    const text = (key: FormColumn): string | null => first(key)?.text ?? null;
    const parsed = <T>(key: FormColumn, parse: (t: string) => Parsed<T>): T | null => {
      const v = first(key);
      if (v === null) return null;
      const p = parse(v.text);
      if (p.ok) return p.value;
      report(
        'flat-unreadable-value',
        'warning',
        `“${HEADER_OF.get(key) ?? key}”的值“${v.text}”无法识别，已留空。请核对。`,
        v.location,
        v.text,
        group.index,
      );
      return null;
    };
    const yearText = first('year');
    const year = yearText === null ? null : Number(/\d{4}/.exec(yearText.text)?.[0] ?? NaN);
    const unitText = text('unit');
    if (unitText !== null && unitText !== '万元' && unitText !== '元') {
      report(
        'flat-unreadable-value',
        'warning',
        `资金单位“${unitText}”无法识别（应为“万元”或“元”），按“万元”读取。请核对。`,
        first('unit')?.location ?? null,
        unitText,
        group.index,
      );
    }
    const name = text('name') ?? '';
    const total = parsed('total', parseNumber);
    const grade = text('grade');
    const form = {
      kind: 'project-self-evaluation' as const,
      year: year !== null && Number.isInteger(year) ? year : 0,
      title: text('title') ?? '',
      project: {
        name,
        period: parsed('period', parsePeriod),
        department: text('department'),
        implementer: text('implementer'),
        isKeyProject: parsed('isKeyProject', parseYesNo),
        attribute: text('attribute'),
      },
      funding: {
        unit: unitText === '元' ? ('元' as const) : ('万元' as const),
        lines: fundingLines(tables.funding, name, year, group.index, report),
      },
      objectives: { planned: text('planned'), actual: text('actual') },
      indicators: indicatorsOf(group, report),
      remarks: text('remarks'),
      preparer: { name: text('preparer'), phone: text('phone') },
      ...(total !== null || grade !== null
        ? { selfScore: { ...(total !== null ? { total } : {}), ...(grade !== null ? { grade } : {}) } }
        : {}),
      extras: extrasOf(group, tables.main.headers),
    };
    const checked = formSchema.safeParse(form);
    if (checked.success) forms.push(checked.data);
    else {
      const why = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      report(
        'flat-incomplete-form',
        'error',
        `项目“${name}”不完整（${why}），未导入；已读到的内容见 raw。请补全年度、项目名称和项目资金后重新导入。`,
        group.rows[0]?.at('项目名称') ?? null,
        JSON.stringify(form),
        group.index,
      );
    }
  }
  for (const row of tables.funding?.rows ?? []) {
    const name = row.values.get('项目名称');
    if (!groups.some((g) => g.rows[0]?.values.get('项目名称') === name)) {
      report(
        'flat-orphan-funding',
        'warning',
        `“项目资金”表中的项目“${name ?? ''}”在“绩效指标”表中不存在，这行资金未导入。请核对项目名称。`,
        row.at('项目名称'),
        [...row.values.values()].join(' | '),
      );
    }
  }
  return forms;
}

/** Form fields whose repeated values must agree; the others are read from their first non-blank row. */
const KEY_FORM_COLUMNS: ReadonlySet<FormColumn> = new Set([
  'year',
  'title',
  'name',
  'period',
  'department',
  'implementer',
  'isKeyProject',
  'attribute',
  'unit',
]);

export type Report = (
  code: string,
  severity: ImportIssue['severity'],
  message: string,
  location: string | null,
  raw: string | null,
  form?: number,
) => void;

function indicatorsOf(group: Group, report: Report): Indicator[] {
  const get = (row: SheetRow, key: FormColumn): string | null => {
    const v = row.values.get(HEADER_OF.get(key) ?? '');
    return v === undefined ? null : cellText(v);
  };
  const scored = group.rows.some((row) => get(row, 'weight') !== null || get(row, 'score') !== null);
  const out: Indicator[] = [];
  for (const row of group.rows) {
    const name = get(row, 'indicator');
    const values = (['level1', 'level2', 'target', 'indicatorActual', 'note', 'weight', 'score'] as const).map((k) =>
      get(row, k),
    );
    if (name === null) {
      if (values.some((v) => v !== null)) {
        report(
          'flat-unnamed-indicator',
          'warning',
          '这一行有指标内容但没有三级指标名称，未导入。请填写三级指标。',
          row.at('三级指标'),
          values.filter((v) => v !== null).join(' | '),
          group.index,
        );
      }
      continue;
    }
    const indicator: Indicator = {
      level1: get(row, 'level1') ?? '',
      level2: get(row, 'level2') ?? '',
      name,
      target: get(row, 'target'),
      actual: get(row, 'indicatorActual'),
      note: get(row, 'note'),
    };
    if (scored) {
      for (const key of ['weight', 'score'] as const) {
        const text = get(row, key);
        const p = text === null ? ({ ok: true, value: null } as const) : parseNumber(text);
        if (!p.ok)
          report(
            'flat-unreadable-value',
            'warning',
            `“${HEADER_OF.get(key) ?? key}”的值“${text ?? ''}”不是数字，已留空。`,
            row.at(HEADER_OF.get(key) ?? ''),
            text,
            group.index,
          );
        indicator[key] = p.ok ? p.value : null;
      }
    }
    out.push(indicator);
  }
  return out;
}

function extrasOf(group: Group, headers: readonly string[]): Record<string, string> {
  const extras: Record<string, string> = {};
  for (const header of headers) {
    if (KNOWN_HEADERS.has(header)) continue;
    const row = group.rows.find((r) => r.values.has(header));
    const value = row?.values.get(header);
    if (value !== undefined) extras[header] = cellText(value);
  }
  return extras;
}
