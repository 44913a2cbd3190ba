/**
 * Strings of a BIFF workbook. BIFF8 keeps Unicode strings as a character count, a flags byte and
 * the characters, one byte each (`fHighByte` clear: the low bytes of UTF-16) or two (UTF-16LE),
 * then, for SST strings, rich-text runs and a phonetic (East Asian) block, which are skipped.
 * The classic trap: when the characters go on in a CONTINUE record, that record starts with a new
 * flags byte, and the rest of the string may switch between one and two bytes a character there.
 * BIFF5 keeps 8-bit strings in the workbook's code page (CODEPAGE; 936, GBK, in Chinese Windows).
 */
import { u8, u16 } from './biff-records.js';

/** A decoder of 8-bit text (a global in Node and browsers; the type is named here for this tsconfig's libs). */
export type ByteDecoder = InstanceType<typeof TextDecoder>;

/** A read position across a record's parts (its body and CONTINUE bodies). */
export class PartsCursor {
  part = 0;
  at = 0;

  constructor(
    private readonly parts: readonly Uint8Array[],
    at = 0,
  ) {
    this.at = at;
  }

  private get current(): Uint8Array {
    return this.parts[this.part] ?? new Uint8Array(0);
  }

  /** Whether nothing is left in any part. */
  get done(): boolean {
    this.skipEmptyParts();
    return this.part >= this.parts.length;
  }

  /** Moves to the next part when the current one is used up (no flags byte: between strings, inside runs). */
  private skipEmptyParts(): void {
    while (this.part < this.parts.length && this.at >= this.current.length) {
      this.at -= this.current.length;
      this.part += 1;
    }
  }

  byte(): number {
    this.skipEmptyParts();
    const b = u8(this.current, this.at);
    this.at += 1;
    return b;
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  /** Skips `n` bytes, across parts. */
  skip(n: number): void {
    this.at += n;
    this.skipEmptyParts();
  }

  /**
   * `count` characters starting `wide` (two bytes each) or not; at the end of a part the next
   * part's first byte is the flags byte for the rest of them.
   */
  chars(count: number, wide: boolean): string {
    let text = '';
    let left = count;
    let twoBytes = wide;
    while (left > 0 && this.part < this.parts.length) {
      const body = this.current;
      const fit = Math.max(0, Math.min(left, Math.floor((body.length - this.at) / (twoBytes ? 2 : 1))));
      text += twoBytes ? utf16(body, this.at, fit) : lowBytes(body, this.at, fit);
      this.at += fit * (twoBytes ? 2 : 1);
      left -= fit;
      if (left === 0) break;
      this.part += 1;
      this.at = 0;
      if (this.part >= this.parts.length) break;
      twoBytes = (this.byte() & 0x01) !== 0;
    }
    return text;
  }
}

const UTF16 = new TextDecoder('utf-16le');

function utf16(b: Uint8Array, at: number, count: number): string {
  return UTF16.decode(b.subarray(at, at + 2 * count));
}

/** One byte a character, each the low byte of a UTF-16 unit (so 0x80–0xFF are U+0080–U+00FF, not windows-1252). */
function lowBytes(b: Uint8Array, at: number, count: number): string {
  let text = '';
  for (let i = at; i < at + count; i += 4096) {
    text += String.fromCharCode(...b.subarray(i, Math.min(at + count, i + 4096)));
  }
  return text;
}

/**
 * A BIFF8 string at the cursor: count (2 bytes, or 1 for short strings), flags, then runs and
 * phonetic sizes when flagged, the characters, the runs and the phonetic block (both skipped).
 */
export function readUnicodeString(cursor: PartsCursor, countBytes: 1 | 2 = 2): string {
  const count = countBytes === 1 ? cursor.byte() : cursor.u16();
  const flags = cursor.byte();
  const runs = (flags & 0x08) !== 0 ? cursor.u16() : 0;
  const phonetic = (flags & 0x04) !== 0 ? cursor.u32() : 0;
  const text = cursor.chars(count, (flags & 0x01) !== 0);
  cursor.skip(4 * runs + phonetic);
  return text;
}

/** Windows code pages as the TextDecoder labels them; 1200 is UTF-16 (BIFF8's own marker). */
const CODE_PAGES: Readonly<Record<number, string>> = {
  367: 'windows-1252',
  437: 'ibm866',
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  10000: 'macintosh',
  65001: 'utf-8',
  32768: 'macintosh',
  32769: 'windows-1252',
};

/** A decoder for BIFF5's 8-bit strings in `codePage`; windows-1252 for pages we do not know. */
export function codePageDecoder(codePage: number): ByteDecoder {
  try {
    return new TextDecoder(CODE_PAGES[codePage] ?? 'windows-1252');
  } catch {
    return new TextDecoder('windows-1252');
  }
}

/** A BIFF5 string: count (1 or 2 bytes) then 8-bit characters in the code page. */
export function readByteString(body: Uint8Array, at: number, countBytes: 1 | 2, decoder: ByteDecoder): string {
  const count = countBytes === 1 ? u8(body, at) : u16(body, at);
  const start = at + countBytes;
  return decoder.decode(body.subarray(start, Math.min(body.length, start + count)));
}
