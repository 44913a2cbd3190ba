/**
 * A plain table sheet: bold header row frozen and repeated on every printed page, thin borders,
 * wrapped text, an autofilter, number formats per column, A4 landscape fitted to the page width.
 */
import type ExcelJS from 'exceljs';
import type { Column } from '../../../domain/report/index.js';

export interface SheetColumn<Row> extends Column<Row> {
  /** Excel column width (characters of a digit). */
  readonly width: number;
  /** Excel number format of the column's numbers, e.g. `0.00`. */
  readonly numFmt?: string;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: '宋体', size: 10 };

/** Adds sheet `name` with a header of column titles and one row per item of `rows`. */
export function addTableSheet<Row>(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn<Row>[],
  rows: readonly Row[],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.pageSetup.printTitlesRow = '1:1';
  columns.forEach((c, i) => {
    const cell = sheet.getCell(1, i + 1);
    cell.value = c.title;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = BORDER;
  });
  rows.forEach((row, r) => {
    columns.forEach((c, i) => {
      const cell = sheet.getCell(r + 2, i + 1);
      const value = c.value(row);
      cell.value = value;
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (c.numFmt !== undefined && typeof value === 'number') cell.numFmt = c.numFmt;
    });
  });
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}
