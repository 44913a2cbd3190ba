/**
 * The sheets read from an .xls as an exceljs workbook, so that the .xlsx importer's reading of
 * workbooks (flat template or official layout, cell text through number formats, merges as spans,
 * hidden rows, columns and sheets, the grid limits) is the one and only reading of both formats.
 */
import ExcelJS from 'exceljs';
import { getFormatInfo } from 'numfmt';
import type { XlsCell, XlsWorkbook } from './read-biff-workbook.js';

/** Days from 1900-based serial 0 to 1904-01-01: a 1904 workbook's serials are this much smaller. */
const DAYS_1900_TO_1904 = 1462;

function isDateFormat(numFmt: string): boolean {
  try {
    return getFormatInfo(numFmt).isDate;
  } catch {
    return false;
  }
}

/** The exceljs value of a cell; dates of a 1904 workbook moved to the 1900 count the formatter uses. */
function cellValue(cell: XlsCell, date1904: boolean): ExcelJS.CellValue {
  const { value } = cell;
  if (typeof value === 'object') return { error: value.error } as ExcelJS.CellErrorValue;
  if (typeof value === 'number' && date1904 && isDateFormat(cell.numFmt)) return value + DAYS_1900_TO_1904;
  return value;
}

/** A sheet name exceljs accepts (it refuses some characters, more than 31 of them and duplicates). */
function addSheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  try {
    return book.addWorksheet(name);
  } catch {
    return book.addWorksheet(`Sheet${book.worksheets.length + 1}`);
  }
}

export function biffToExceljs(xls: XlsWorkbook): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  for (const sheet of xls.sheets) {
    const target = addSheet(book, sheet.name);
    target.state = sheet.state;
    for (const cell of sheet.cells) {
      const to = target.getCell(cell.row + 1, cell.col + 1);
      to.value = cellValue(cell, xls.date1904);
      if (cell.numFmt !== 'General') to.numFmt = cell.numFmt;
    }
    for (const m of sheet.merges) {
      try {
        target.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      } catch {
        // Overlapping ranges (a damaged file): Excel would refuse the second one too.
      }
    }
    for (const row of sheet.hiddenRows) target.getRow(row + 1).hidden = true;
    for (const col of sheet.hiddenCols) target.getColumn(col + 1).hidden = true;
  }
  return book;
}
