/**
 * Forms → an .xlsx in the official layout: merged cells like the printed table, thin borders,
 * wrapped text, column widths and row heights that fit the text, A4 portrait print setup fitted to
 * the page width with the indicator header row repeated on every page. One sheet per form named by
 * project (see uniqueSheetNames), or all forms on one sheet with page breaks between them.
 */
import ExcelJS from 'exceljs';
import type { Form } from '../../../domain/form/form.schema.js';
import { columnPercents, layoutForm, type FormLayout, type LayoutOptions } from '../layout/official-layout.js';
import { fitRowHeights, heightFor, type SizedCell } from './row-heights.js';
import { uniqueSheetNames } from './sheet-names.js';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** 宋体 is the official forms' typeface; spreadsheet programs without it substitute a CJK font. */
const FONT = { name: '宋体', size: 10 };

/** Excel column widths (digit widths) of a table of `count` columns: an A4 page is about 110 wide. */
const widthsFor = (count: number): readonly number[] => columnPercents(count).map((p) => Math.round(p * 1.1));

/** Writes one form's layout into `sheet` from row `top` (1-based); returns the next free row. */
function writeLayout(sheet: ExcelJS.Worksheet, layout: FormLayout, top: number, widths: readonly number[]): number {
  let row = top;
  const total = widths.reduce((a, b) => a + b, 0);
  const wide = (text: string, kind: 'title' | 'line' | 'note'): void => {
    sheet.mergeCells(row, 1, row, layout.colCount);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = kind === 'title' ? { ...FONT, size: 16, bold: true } : kind === 'note' ? { ...FONT, size: 9 } : FONT;
    cell.alignment = { horizontal: kind === 'title' || text.startsWith('（') ? 'center' : 'left', wrapText: true };
    sheet.getRow(row).height = kind === 'title' ? 26 : heightFor(text, total, kind === 'note' ? 9 : 10);
    row += 1;
  };
  const titleIndex = layout.above.length - 2;
  layout.above.forEach((text, i) => wide(text, i === titleIndex ? 'title' : 'line'));

  const sized: SizedCell[] = [];
  for (const c of layout.cells) {
    const r = row + c.row;
    if (c.rowSpan > 1 || c.colSpan > 1) sheet.mergeCells(r, c.col + 1, r + c.rowSpan - 1, c.col + c.colSpan);
    const cell = sheet.getCell(r, c.col + 1);
    cell.value = c.text === '' ? null : c.text;
    cell.font = FONT;
    cell.alignment = { vertical: 'middle', horizontal: c.role === 'label' ? 'center' : 'left', wrapText: true };
    for (let rr = r; rr < r + c.rowSpan; rr += 1) {
      for (let cc = c.col + 1; cc <= c.col + c.colSpan; cc += 1) sheet.getCell(rr, cc).border = BORDER;
    }
    const width = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    sized.push({ row: c.row, rowSpan: c.rowSpan, height: heightFor(c.text, width) });
  }
  fitRowHeights(layout.rowCount, sized).forEach((height, i) => {
    sheet.getRow(row + i).height = height;
  });
  row += layout.rowCount;

  for (const item of layout.below) {
    if (item.kind === 'text') wide(item.text, 'note');
    else {
      // 填表人 / 联系电话 as label and value cells, the way people fill the sheet.
      item.pairs.forEach(([label, value], i) => {
        const labelCell = sheet.getCell(row, 1 + i * 3);
        labelCell.value = label;
        labelCell.font = FONT;
        const valueCell = sheet.getCell(row, 2 + i * 3);
        valueCell.value = value;
        valueCell.font = FONT;
      });
      sheet.getRow(row).height = 22;
      row += 1;
    }
  }
  return row;
}

/** A4 portrait, one page wide, centred, with narrow margins (inches). */
function newSheet(book: ExcelJS.Workbook, name: string, widths: readonly number[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

/**
 * Renders forms as an official-layout workbook (.xlsx bytes). `options(i)` says how form `i` is
 * printed (attachment label, empty categories, 备注 notes). `oneSheet` puts all forms on one sheet.
 * Never throws on valid forms.
 */
export async function writeOfficialXlsx(
  forms: readonly Form[],
  options: (index: number) => LayoutOptions = () => ({}),
  oneSheet = false,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const layouts = forms.map((form, i) => layoutForm(form, options(i)));
  if (oneSheet) {
    const widths = widthsFor(Math.max(7, ...layouts.map((l) => l.colCount)));
    const sheet = newSheet(book, '自评表', widths);
    let row = 1;
    layouts.forEach((layout, i) => {
      if (i > 0) sheet.getRow(row - 1).addPageBreak();
      row = writeLayout(sheet, layout, row, widths) + 1;
    });
  } else {
    const names = uniqueSheetNames(forms.map((f) => f.project.name));
    layouts.forEach((layout, i) => {
      const widths = widthsFor(layout.colCount);
      const sheet = newSheet(book, names[i] ?? `表${i + 1}`, widths);
      writeLayout(sheet, layout, 1, widths);
      const header = layout.above.length + layout.indicatorHeaderRow + 1;
      sheet.pageSetup.printTitlesRow = `${header}:${header}`;
    });
  }
  // Excel refuses to open a workbook without sheets.
  if (book.worksheets.length === 0) newSheet(book, '自评表', widthsFor(7));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
