import { strFromU8 } from 'fflate';
import { MAX_CELLS } from '../grid/grid-limits.js';

/** `<mergeCell ref="B3:D7"/>`, with or without a namespace prefix. */
const MERGE_CELL = /<(?:\w+:)?mergeCell\b[^>]*?\bref="\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})"/g;

const columnNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The first merged range of the workbook's sheets that covers more than MAX_CELLS cells, or null.
 * exceljs makes a cell object for every cell a merge covers when it loads the file, so one range
 * such as `A1:XFD1048576` (17 billion cells, a few bytes of XML) would hang the import and exhaust
 * memory before any of our limits is reached: the sheets' XML is scanned first.
 */
export function oversizedMerge(files: ReadonlyMap<string, Uint8Array>): string | null {
  for (const [name, bytes] of files) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(bytes);
    if (!xml.includes('mergeCell')) continue;
    for (const m of xml.matchAll(MERGE_CELL)) {
      const [, c0 = 'A', r0 = '1', c1 = 'A', r1 = '1'] = m;
      const rows = Math.abs(Number(r1) - Number(r0)) + 1;
      const cols = Math.abs(columnNumber(c1) - columnNumber(c0)) + 1;
      if (rows * cols > MAX_CELLS) return `${name}: ${c0}${r0}:${c1}${r1}`;
    }
  }
  return null;
}
