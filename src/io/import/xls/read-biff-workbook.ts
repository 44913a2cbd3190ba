/**
 * A BIFF5/BIFF8 workbook stream → sheets of cells with their values and number formats, merged
 * ranges and hidden rows and columns: what an .xlsx keeps in its XML, read from the records
 * (MS-XLS). Formulas are read by their cached result, as Excel shows them. Everything is bounded
 * by the stream: counts in the file are never trusted to size anything, cells stop at MAX_CELLS
 * and merged areas at MAX_CELLS cells.
 */
import { MAX_CELLS } from '../grid/grid-limits.js';
import { BiffRecordReader, f64, rkNumber, u16, u32, u8, type BiffRecord } from './biff-records.js';
import { codePageDecoder, PartsCursor, readByteString, readUnicodeString } from './biff-strings.js';
import { BUILTIN_NUMBER_FORMATS } from './builtin-number-formats.js';

export type XlsValue = string | number | boolean | { readonly error: string };

export interface XlsCell {
  /** 0-based, as stored. */
  readonly row: number;
  readonly col: number;
  readonly value: XlsValue;
  /** The cell's number format (its XF's FORMAT, or the built-in one). */
  readonly numFmt: string;
}

export interface XlsMerge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface XlsSheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly cells: XlsCell[];
  readonly merges: XlsMerge[];
  readonly hiddenRows: Set<number>;
  readonly hiddenCols: Set<number>;
}

export type XlsProblem = 'not-biff' | 'too-old' | 'encrypted';

export interface XlsWorkbook {
  /** 8 for Excel 97–2003 and WPS, 5 for Excel 5/95. */
  readonly biff: 5 | 8;
  readonly sheets: XlsSheet[];
  /** Dates count from 1904-01-01 (Mac Excel), not 1900. */
  readonly date1904: boolean;
  /** The stream ended inside a record (a cut file or a lying length): what came before is kept. */
  readonly truncated: boolean;
  /** Cells or merged areas beyond MAX_CELLS were left out. */
  readonly tooManyCells: boolean;
}

const BOF = 0x0809;
const EOF = 0x000a;
const OLD_BOFS = new Set([0x0009, 0x0209, 0x0409]);
const ERRORS: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};
/** Excel's last row and column in BIFF8 (and BIFF5, whose rows stop at 16384 but are stored the same). */
const LAST_ROW = 0xffff;
const LAST_COL = 0xff;

interface SheetEntry {
  readonly name: string;
  readonly state: XlsSheet['state'];
  readonly offset: number;
}

/** What the globals substream says about the whole workbook. */
class Globals {
  decoder = codePageDecoder(1252);
  date1904 = false;
  readonly formats = new Map<number, string>();
  /** Number format index of each XF (cell format) record, in order. */
  readonly xfFormats: number[] = [];
  readonly entries: SheetEntry[] = [];
  readonly strings: string[] = [];

  constructor(readonly biff: 5 | 8) {}

  numFmt(xf: number): string {
    const index = this.xfFormats[xf] ?? 0;
    return this.formats.get(index) ?? BUILTIN_NUMBER_FORMATS[index] ?? 'General';
  }

  /** A string record field: BIFF8 Unicode (count of `countBytes`), BIFF5 8-bit in the code page. */
  text(record: BiffRecord, at: number, countBytes: 1 | 2): string {
    const body = record.parts[0] ?? new Uint8Array(0);
    return this.biff === 8
      ? readUnicodeString(new PartsCursor(record.parts, at), countBytes)
      : readByteString(body, at, countBytes, this.decoder);
  }

  read(record: BiffRecord): void {
    const body = record.parts[0] ?? new Uint8Array(0);
    switch (record.type) {
      case 0x0042: // CODEPAGE
        this.decoder = codePageDecoder(u16(body, 0));
        break;
      case 0x0022: // DATE1904
        this.date1904 = u16(body, 0) === 1;
        break;
      case 0x041e: // FORMAT
        this.formats.set(u16(body, 0), this.text(record, 2, this.biff === 8 ? 2 : 1));
        break;
      case 0x00e0: // XF
        this.xfFormats.push(u16(body, 2));
        break;
      case 0x0085: {
        // BOUNDSHEET: where the sheet's BOF is, hidden state (0 visible, 1 hidden, 2 very hidden), name.
        const hidden = u8(body, 4) & 0x03;
        this.entries.push({
          offset: u32(body, 0),
          state: hidden === 0 ? 'visible' : hidden === 1 ? 'hidden' : 'veryHidden',
          name: this.text(record, 6, 1),
        });
        break;
      }
      case 0x00fc: {
        // SST: every distinct string of the cells, read until the parts end whatever count it claims.
        const cursor = new PartsCursor(record.parts, 8);
        const unique = u32(body, 4);
        for (let i = 0; i < unique && !cursor.done; i += 1) this.strings.push(readUnicodeString(cursor));
        break;
      }
    }
  }
}

/** Reads the cells, merges and hidden rows/columns of one sheet substream, up to its EOF. */
class SheetReader {
  readonly cells: XlsCell[] = [];
  readonly merges: XlsMerge[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  /** A FORMULA whose string result is in the STRING record that follows it. */
  private pending: { row: number; col: number; xf: number } | null = null;

  constructor(
    private readonly globals: Globals,
    private readonly budget: { cells: number; merged: number; exceeded: boolean },
  ) {}

  private put(row: number, col: number, xf: number, value: XlsValue): void {
    if (row > LAST_ROW || col > LAST_COL) return;
    if (this.budget.cells <= 0) {
      this.budget.exceeded = true;
      return;
    }
    this.budget.cells -= 1;
    this.cells.push({ row, col, value, numFmt: this.globals.numFmt(xf) });
  }

  read(record: BiffRecord): void {
    const body = record.parts[0] ?? new Uint8Array(0);
    const [row, col, xf] = [u16(body, 0), u16(body, 2), u16(body, 4)];
    if (record.type === 0x0207) {
      // STRING: the cached text of the FORMULA before it.
      if (this.pending !== null) {
        const { row: r, col: c, xf: x } = this.pending;
        this.put(r, c, x, this.globals.text(record, 0, 2));
      }
      this.pending = null;
      return;
    }
    switch (record.type) {
      case 0x00fd: // LABELSST
        this.pending = null;
        this.put(row, col, xf, this.globals.strings[u32(body, 6)] ?? '');
        break;
      case 0x0204: // LABEL
      case 0x00d6: // RSTRING (its formatting runs follow the text and are not read)
        this.pending = null;
        this.put(row, col, xf, this.globals.text(record, 6, 2));
        break;
      case 0x0203: // NUMBER
        this.pending = null;
        this.put(row, col, xf, f64(body, 6));
        break;
      case 0x027e: // RK
        this.pending = null;
        this.put(row, col, xf, rkNumber(u32(body, 6)));
        break;
      case 0x00bd: {
        // MULRK: a run of RK cells in one row, (xf, rk) for each column from `col`.
        this.pending = null;
        const count = Math.floor((body.length - 6) / 6);
        for (let i = 0; i < count; i += 1) this.put(row, col + i, u16(body, 4 + 6 * i), rkNumber(u32(body, 6 + 6 * i)));
        break;
      }
      case 0x0205: {
        // BOOLERR
        this.pending = null;
        const value = u8(body, 6);
        this.put(row, col, xf, u8(body, 7) === 1 ? { error: ERRORS[value] ?? '#N/A' } : value !== 0);
        break;
      }
      case 0x0006:
        this.formula(body, row, col, xf);
        break;
      case 0x00e5: {
        // MERGEDCELLS
        const count = u16(body, 0);
        for (let i = 0; i < count && 2 + 8 * i + 8 <= body.length; i += 1) this.merge(body, 2 + 8 * i);
        break;
      }
      case 0x0208: // ROW: fDyZero (hidden)
        if ((u16(body, 12) & 0x20) !== 0) this.hiddenRows.add(row);
        break;
      case 0x007d: {
        // COLINFO: fHidden over a range of columns
        if ((u16(body, 8) & 0x01) === 0) break;
        for (let c = u16(body, 0); c <= Math.min(u16(body, 2), LAST_COL); c += 1) this.hiddenCols.add(c);
        break;
      }
    }
  }

  /** FORMULA: the cached result is a number, or (bytes 6–7 all ones) a string to come, a bool, an error or empty. */
  private formula(body: Uint8Array, row: number, col: number, xf: number): void {
    this.pending = null;
    if (u16(body, 12) !== 0xffff) {
      this.put(row, col, xf, f64(body, 6));
      return;
    }
    switch (u8(body, 6)) {
      case 0:
        this.pending = { row, col, xf };
        break;
      case 1:
        this.put(row, col, xf, u8(body, 8) !== 0);
        break;
      case 2:
        this.put(row, col, xf, { error: ERRORS[u8(body, 8)] ?? '#N/A' });
        break;
    }
  }

  private merge(body: Uint8Array, at: number): void {
    const [r0, r1, c0, c1] = [u16(body, at), u16(body, at + 2), u16(body, at + 4), u16(body, at + 6)];
    const top = Math.min(r0, r1);
    const left = Math.min(c0, c1);
    const bottom = Math.max(r0, r1);
    const right = Math.min(Math.max(c0, c1), LAST_COL);
    if (left > LAST_COL) return;
    const area = (bottom - top + 1) * (right - left + 1);
    if (area === 1) return;
    if (area > this.budget.merged) {
      this.budget.exceeded = true;
      return;
    }
    this.budget.merged -= area;
    this.merges.push({ top, left, bottom, right });
  }
}

/**
 * Reads the workbook stream. A problem that stops the reading (not BIFF, BIFF2–4, encrypted) is
 * returned as such; a stream cut short keeps what came before it.
 */
export function readBiffWorkbook(stream: Uint8Array): XlsWorkbook | XlsProblem {
  const records = new BiffRecordReader(stream);
  const first = records.next();
  if (first === null || OLD_BOFS.has(first.type)) return first === null ? 'not-biff' : 'too-old';
  if (first.type !== BOF) return 'not-biff';
  const version = u16(first.parts[0] ?? new Uint8Array(0), 0);
  if (version !== 0x0600 && version !== 0x0500) return version < 0x0500 ? 'too-old' : 'not-biff';
  const globals = new Globals(version === 0x0600 ? 8 : 5);
  for (let record = records.next(); record !== null && record.type !== EOF; record = records.next()) {
    if (record.type === 0x002f) return 'encrypted'; // FILEPASS: everything after it is encrypted
    globals.read(record);
  }
  const budget = { cells: MAX_CELLS, merged: MAX_CELLS, exceeded: false };
  const byOffset = new Map(globals.entries.map((entry, i) => [entry.offset, i]));
  const used = new Set<number>();
  const sheets: XlsSheet[] = [];
  // Substreams in stream order; each is matched to its BOUNDSHEET by offset (else the next unused
  // one), so a list of sheets that all point at one substream cannot make it be read many times.
  for (let record = records.next(); record !== null; record = records.next()) {
    if (record.type !== BOF) continue;
    let index = byOffset.get(record.offset);
    if (index === undefined || used.has(index)) index = globals.entries.findIndex((_, i) => !used.has(i));
    const entry = index === -1 ? undefined : globals.entries[index];
    if (index !== -1) used.add(index);
    const reader = new SheetReader(globals, budget);
    let depth = 1;
    for (let inner = records.next(); inner !== null; inner = records.next()) {
      if (inner.type === BOF) depth += 1;
      else if (inner.type === EOF) depth -= 1;
      if (depth === 0) break;
      if (depth === 1) reader.read(inner);
    }
    sheets.push({
      name: entry?.name ?? `Sheet${sheets.length + 1}`,
      state: entry?.state ?? 'visible',
      cells: reader.cells,
      merges: reader.merges,
      hiddenRows: reader.hiddenRows,
      hiddenCols: reader.hiddenCols,
    });
  }
  return {
    biff: globals.biff,
    sheets,
    date1904: globals.date1904,
    truncated: records.truncated,
    tooManyCells: budget.exceeded,
  };
}
