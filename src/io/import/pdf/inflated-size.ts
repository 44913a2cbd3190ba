/**
 * A PDF's compressed streams can hold a decompression bomb: 1 MB of Flate data that inflates to
 * 1 GB. pdf.js inflates each stream whole and keeps it while the page is parsed, with no limit of
 * its own; such a file took 72 s and 1.7 GB of memory before it was reported as a scan. So before
 * pdf.js sees a file, the Flate streams it would inflate are inflated here (natively, and dropped
 * at once) against a budget.
 *
 * Images are left out: pdf.js does not decode them for this importer (load-pdfjs.ts), and a scan's
 * pages hold hundreds of megabytes of honest pixels. Streams behind another filter too
 * (`[/ASCII85Decode /FlateDecode]`) and encrypted ones are not measured (zlib cannot read them
 * as they are); the import's time limit still holds for those.
 */
import { constants, createInflateRaw, inflateRawSync } from 'node:zlib';

/** Inflated bytes of a PDF's non-image Flate streams above which it is refused. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/** How far before `stream` its dictionary may begin (`N 0 obj <<…>>`): dictionaries are small. */
const DICT_WINDOW = 4096;

const FLATE_ONLY = /\/Filter\s*(?:\/FlateDecode|\[\s*\/FlateDecode\s*\])/;
const IMAGE = /\/Subtype\s*\/Image/;

/** Where the data of the stream whose `stream` keyword is at `at` begins, or -1 if it is no keyword. */
function dataStart(buf: Buffer, at: number): number {
  // `endstream` ends a stream; `stream` must follow the dictionary's `>>` and end its line.
  if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') return -1;
  let after = at + 'stream'.length;
  if (buf[after] === 0x0d) after++;
  return buf[after] === 0x0a ? after + 1 : -1;
}

/**
 * The bytes the non-image Flate streams of `bytes` inflate to, counted until `limit` is passed
 * (then the count is above `limit`, and the rest is not read).
 */
export async function inflatedSize(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): Promise<number> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = buf.indexOf('stream', 0, 'latin1');
  while (at >= 0 && total <= limit) {
    const start = dataStart(buf, at);
    const next = start < 0 ? -1 : buf.indexOf('endstream', start, 'latin1');
    if (start >= 0 && next >= 0) {
      const objAt = buf.lastIndexOf('obj', at, 'latin1');
      const dict = buf.toString('latin1', Math.max(objAt, at - DICT_WINDOW, 0), at);
      if (FLATE_ONLY.test(dict) && !IMAGE.test(dict)) {
        const length = inflatedLength(buf.subarray(start, next), limit - total);
        // Awaited only when a fault made it count by streaming: 844 awaits cost the Chromium seed 8 ms.
        total += typeof length === 'number' ? length : await length;
      }
    }
    at = buf.indexOf('stream', next >= 0 ? next + 'endstream'.length : at + 'stream'.length, 'latin1');
  }
  return total;
}

/**
 * Inflated length of one zlib stream as pdf.js reads it, or `room + 1` when it passes `room`.
 * Raw inflate after the 2-byte header: pdf.js checks the header but not the checksum after the
 * data, and neither may a bomb's be right. A stream cut short gives what it holds (Z_SYNC_FLUSH).
 */
function inflatedLength(data: Buffer, room: number): number | Promise<number> {
  // CMF: deflate (8) in the low nibble; a preset dictionary (FDICT) pdf.js refuses too.
  if (data.length < 2 || ((data[0] ?? 0) & 0x0f) !== 8 || ((data[1] ?? 0) & 0x20) !== 0) return 0;
  const deflated = data.subarray(2);
  try {
    const options = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, room + 1) };
    return inflateRawSync(deflated, options).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return room + 1;
    // Corrupt further on: pdf.js inflates up to the fault, so count what comes before it.
    return countUntilFault(deflated, room);
  }
}

/** Bytes inflated from `deflated` before its first fault, or `room + 1` when they pass `room`. */
function countUntilFault(deflated: Buffer, room: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ finishFlush: constants.Z_SYNC_FLUSH });
    let count = 0;
    inflate.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > room) {
        inflate.destroy();
        resolve(room + 1);
      }
    });
    inflate.on('error', () => resolve(count));
    inflate.on('end', () => resolve(count));
    inflate.end(deflated);
  });
}
