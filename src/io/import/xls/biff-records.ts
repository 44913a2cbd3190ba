/**
 * The records of a BIFF5/BIFF8 workbook stream: a 2-byte type, a 2-byte length, the body. A body
 * longer than 8224 bytes goes on in CONTINUE records right after it; they are handed over with
 * their record as `parts`, because where a part ends matters (a string split there restarts with a
 * flags byte, see biff-strings.ts).
 */

const CONTINUE = 0x003c;

export interface BiffRecord {
  readonly type: number;
  /** Offset of the record's header in the stream (BOUNDSHEET points at a BOF by this). */
  readonly offset: number;
  /** The body, then the body of each CONTINUE record that follows it. */
  readonly parts: readonly Uint8Array[];
}

/** Reads records one by one; a length running past the end of the stream ends the reading with `truncated`. */
export class BiffRecordReader {
  private at = 0;
  /** Set when the stream ends inside a record: the file was cut short or a length lies. */
  truncated = false;

  constructor(private readonly stream: Uint8Array) {}

  private header(at: number): { type: number; size: number } | null {
    if (at + 4 > this.stream.length) return null;
    const s = this.stream;
    return { type: (s[at] ?? 0) | ((s[at + 1] ?? 0) << 8), size: (s[at + 2] ?? 0) | ((s[at + 3] ?? 0) << 8) };
  }

  private body(at: number, size: number): Uint8Array | null {
    if (at + 4 + size > this.stream.length) {
      this.truncated = true;
      return null;
    }
    return this.stream.subarray(at + 4, at + 4 + size);
  }

  /** The next record with its CONTINUE parts; null at the end of the stream. */
  next(): BiffRecord | null {
    const offset = this.at;
    const head = this.header(offset);
    if (head === null) {
      if (offset < this.stream.length) this.truncated = true;
      return null;
    }
    const first = this.body(offset, head.size);
    if (first === null) return null;
    const parts = [first];
    this.at = offset + 4 + head.size;
    for (let next = this.header(this.at); next?.type === CONTINUE; next = this.header(this.at)) {
      const part = this.body(this.at, next.size);
      if (part === null) break;
      parts.push(part);
      this.at += 4 + next.size;
    }
    return { type: head.type, offset, parts };
  }
}

/** Little-endian reads from one record body; past the end they read 0 (a short record is damaged, not fatal). */
export const u8 = (b: Uint8Array, at: number): number => b[at] ?? 0;
export const u16 = (b: Uint8Array, at: number): number => u8(b, at) | (u8(b, at + 1) << 8);
export const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
export function f64(b: Uint8Array, at: number): number {
  if (at + 8 > b.length) return 0;
  return new DataView(b.buffer, b.byteOffset + at, 8).getFloat64(0, true);
}

/**
 * An RK number (RK, MULRK): 30 bits of an integer or of the top of a double, divided by 100 when
 * its lowest bit is set.
 */
export function rkNumber(rk: number): number {
  let n: number;
  if ((rk & 2) !== 0) n = rk >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    n = view.getFloat64(0, true);
  }
  return (rk & 1) !== 0 ? n / 100 : n;
}
