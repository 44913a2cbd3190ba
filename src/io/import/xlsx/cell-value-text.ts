/**
 * exceljs cell values → the text a person sees in Excel (and what a print of the sheet shows), for
 * the fields the forms keep as printed: rich text joined, formulas by their cached result, numbers
 * through the cell's number format (`0.00` shows 12.345678 as `12.35`, `0.0%` shows 0.98765 as
 * `98.8%`, `yyyy"年"m"月"d"日"` a date as `2021年1月1日`), numbers in the General format in full.
 * The form model keeps money and rates as printed (docs/spec/form-model.md), so the shown text
 * is the value; when it hides digits of the stored number, `shownCellText` says so in an issue.
 */
import type { Cell, CellValue } from 'exceljs';
import { format, getFormatInfo } from 'numfmt';
import type { ImportIssue } from '../import-result.js';

/** A number as a person reads it: no float noise (`0.1 + 0.2` prints as `0.3`). */
const plain = (n: number): string => String(Number(n.toPrecision(15)));

/**
 * `n` rounded half away from zero at `decimals` places as Excel rounds what it shows: on the
 * decimal digits of the number (15 significant), not its binary value. numfmt rounds the binary
 * value, so `1.005` under `0.00` would show `1.00` where Excel shows `1.01`.
 */
function roundShown(n: number, decimals: number): number {
  const scaled = Number((Math.abs(n) * 10 ** decimals).toPrecision(15));
  return (Math.sign(n) * Math.round(scaled)) / 10 ** decimals;
}

/** Days since 1899-12-30, the serial Excel stores; exceljs builds its Dates in UTC. */
const excelSerial = (date: Date): number => date.getTime() / 86_400_000 + 25_569;

type FormatInfo = ReturnType<typeof getFormatInfo>;

/** numfmt's reading of a number format; null for General, text (`@`) and formats it cannot read, which show the number in full. */
function numberFormat(numFmt: string | undefined): FormatInfo | null {
  if (numFmt === undefined || numFmt === '' || /^general$/i.test(numFmt)) return null;
  const info = getFormatInfo(numFmt);
  return info.isText || info.type === 'general' || info.type === 'error' ? null : info;
}

/** The text `numFmt` shows for `n`. */
function formatted(n: number, numFmt: string | undefined): string {
  const info = numberFormat(numFmt);
  if (info === null || numFmt === undefined) return plain(n);
  const shown = info.isDate ? n : roundShown(n * info.scale, info.maxDecimals) / info.scale;
  return format(numFmt, shown, { throws: false, invalid: plain(n) }).trim();
}

/** Whether the value is a formula's (its own or a shared one), with its cached result if saved. */
const isFormula = (value: CellValue): value is CellValue & { result?: CellValue } =>
  value !== null &&
  typeof value === 'object' &&
  !(value instanceof Date) &&
  ('formula' in value || 'sharedFormula' in value);

/** The formula of a formula cell, else null; exceljs translates a shared formula for the cell. */
const formulaOf = (cell: Cell): string | null => (isFormula(cell.value) ? String(cell.formula) : null);

/** The value a formula or hyperlink stands for; the value itself otherwise. */
function unwrap(value: CellValue): CellValue {
  if (isFormula(value)) return value.result ?? null;
  if (value !== null && typeof value === 'object' && 'hyperlink' in value) return value.text as CellValue;
  return value;
}

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatted(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    return numberFormat(numFmt)?.isDate === true
      ? formatted(excelSerial(value), numFmt)
      : value.toISOString().slice(0, 10);
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return String(value.error);
  const inner = unwrap(value);
  return inner === value ? '' : valueText(inner, numFmt);
}

/** The cell's text as shown; empty for a blank cell. */
export function cellValueText(cell: Cell): string {
  return valueText(cell.value, cell.numFmt);
}

/**
 * The cell's text as shown, and an info issue when its number format hides digits of the stored
 * number (`12.345678` shown as `12.35`): the form takes what is shown and printed, the issue keeps
 * the stored value so nothing is lost.
 */
export function shownCellText(cell: Cell, file: string, location: string, issues: ImportIssue[]): string {
  const text = cellValueText(cell);
  const value = unwrap(cell.value);
  const formula = formulaOf(cell);
  if (formula !== null && (value === null || value === undefined)) {
    issues.push({
      file,
      code: 'xlsx-formula-without-value',
      severity: 'warning',
      message: `单元格 ${location} 是公式（=${formula}），但文件里没有保存计算结果（文件可能由程序生成、未经 Excel 保存），按空白读取。请用 Excel 或 WPS 打开并保存后再导入。`,
      location,
      raw: `=${formula}`,
    });
    return text;
  }
  if (typeof value !== 'number') return text;
  const info = numberFormat(cell.numFmt);
  if (info === null || info.isDate) return text;
  // The places the stored number needs, against those its format shows (a percent shows two fewer).
  const stored = plain(value);
  const storedPlaces = (/\.(\d+)$/.exec(stored)?.[1]?.length ?? 0) - Math.round(Math.log10(info.scale));
  if (storedPlaces <= info.maxDecimals) return text;
  issues.push({
    file,
    code: 'xlsx-value-rounded',
    severity: 'info',
    message: `单元格 ${location} 存储的数值是 ${stored}，按单元格的数字格式显示为“${text}”；已按显示的值导入（与打印出的表一致）。如需导入完整数值，请修改该单元格的数字格式后再导入。`,
    location,
    raw: stored,
  });
  return text;
}
