/**
 * exceljs cell values → the text a person sees in Excel, for the fields the forms keep as text:
 * rich text joined, formulas by their cached result, percent-formatted numbers as `99.75%`, dates
 * as `2020-01-01`.
 */
import type { Cell, CellValue } from 'exceljs';

/** A number as a person reads it: no float noise (`0.1 + 0.2` prints as `0.3`). */
const plain = (n: number): string => String(Number(n.toPrecision(15)));

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numFmt?.includes('%') === true ? `${plain(value * 100)}%` : plain(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return valueText((value as { result?: CellValue }).result ?? null, numFmt);
  if ('hyperlink' in value) return valueText(value.text as CellValue, numFmt);
  if ('error' in value) return String(value.error);
  return '';
}

/** The cell's text; empty for a blank cell. */
export function cellValueText(cell: Cell): string {
  return valueText(cell.value, cell.numFmt);
}
