/**
 * A table as rows and columns of cells, the shape shared by the importers that see real table
 * structure (PDF glyph positions, .docx table XML, .xlsx sheets). grid-to-forms.ts turns it into
 * canonical forms, so that the field logic exists once for all three formats.
 */
import { restoreIdeographs } from '../look-alike-ideographs.js';
export interface GridCell {
  /** 0-based row and column of the cell's top-left corner. */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** The cell text, with the line breaks that were inside the cell kept as `\n`. */
  readonly text: string;
  /** Where a person finds the cell: `第2页`, `Sheet1!B7`, `表1 第4行第2列`. */
  readonly location: string;
}

export interface Grid {
  /** The file the grid came from, for issues. */
  readonly file: string;
  /** Row-major; a row holds the cells whose top-left corner is in it, ordered by column. */
  readonly rows: readonly (readonly GridCell[])[];
  /** Lines of text outside any table (titles, 备注, page headers), in reading order, with their location. */
  readonly outside: readonly OutsideLine[];
}

/** A line of text outside the grid's tables, before row `beforeRow`. */
export interface OutsideLine {
  readonly text: string;
  readonly location: string;
  readonly beforeRow: number;
  /**
   * True for a whole table that holds nothing of a form (a 决算公开 document's money tables), its
   * rows as lines of `text`: it is reported once, never read as a form's lines.
   */
  readonly otherTable?: boolean;
}

/**
 * The grid with its text as a person reads it: radicals that share a glyph with an ideograph
 * (项⽬ for 项目, look-alike-ideographs.ts) restored, as text pasted into Word or Excel from a PDF
 * carries them. The same grid when there are none.
 */
export function readableGrid(grid: Grid): Grid {
  const same = (text: string): boolean => restoreIdeographs(text) === text;
  if (grid.rows.every((row) => row.every((c) => same(c.text))) && grid.outside.every((l) => same(l.text))) return grid;
  return {
    ...grid,
    rows: grid.rows.map((row) => row.map((c) => ({ ...c, text: restoreIdeographs(c.text) }))),
    outside: grid.outside.map((l) => ({ ...l, text: restoreIdeographs(l.text) })),
  };
}
