/**
 * Funding lines of the flat template's 项目资金 sheet for one project, matched by 项目名称 and
 * (when both are filled) 年度, in sheet order.
 */
import type { FundingLine } from '../../../domain/form/form.schema.js';
import { cellText } from '../grid/grid-labels.js';
import { parseNumber, parseRate, type Parsed } from '../grid/parse-cell-values.js';
import { FUNDING_COLUMNS, type FundingColumnKey } from './flat-template-columns.js';
import type { Report, SheetRow, SheetTable } from './read-flat-template.js';

const FUNDING_HEADER = new Map<FundingColumnKey, string>(FUNDING_COLUMNS.map((c) => [c.key, c.header]));

/** The lines of project `name` (year `year`); unreadable numbers are reported against form `form`. */
export function fundingLines(
  table: SheetTable | null,
  name: string,
  year: number | null,
  form: number,
  report: Report,
): FundingLine[] {
  if (table === null) return [];
  const rows = table.rows.filter((row) => {
    const rowYear = row.values.get('年度');
    return (
      row.values.get('项目名称') === name &&
      (rowYear === undefined || year === null || Number(/\d{4}/.exec(rowYear)?.[0]) === year)
    );
  });
  // 分值/得分 of the main sheet were renamed 指标分值/指标得分 by canonicalHeader; here they mean the line's.
  const value = (row: SheetRow, key: FundingColumnKey): string | undefined => {
    const header = FUNDING_HEADER.get(key) ?? '';
    return (
      row.values.get(header) ??
      (key === 'weight' ? row.values.get('指标分值') : key === 'score' ? row.values.get('指标得分') : undefined)
    );
  };
  const scored = rows.some((row) => value(row, 'weight') !== undefined || value(row, 'score') !== undefined);
  return rows.map((row) => {
    const num = (key: FundingColumnKey, parse: (t: string) => Parsed<number>): number | null => {
      const text = value(row, key);
      if (text === undefined) return null;
      const p = parse(text);
      if (p.ok) return p.value;
      report(
        'flat-unreadable-value',
        'warning',
        `资金“${FUNDING_HEADER.get(key) ?? key}”的值“${text}”不是数字，已留空。`,
        row.at(FUNDING_HEADER.get(key) ?? ''),
        text,
        form,
      );
      return null;
    };
    const line: FundingLine = {
      name: cellText(value(row, 'line') ?? ''),
      initialBudget: num('initialBudget', parseNumber),
      budget: num('budget', parseNumber),
      executed: num('executed', parseNumber),
      rate: num('rate', parseRate),
    };
    if (scored) {
      line.weight = num('weight', parseNumber);
      line.score = num('score', parseNumber);
    }
    return line;
  });
}
