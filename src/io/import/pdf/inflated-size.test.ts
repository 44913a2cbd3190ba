import { constants, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importPdf } from './import-pdf.js';
import { inflatedSize, MAX_INFLATED_BYTES } from './inflated-size.js';

const MB = 1024 * 1024;

/** A one-page PDF whose objects 4… are the given streams (the first one the page's content), offsets exact. */
function pdfWithStreams(streams: readonly { dict: string; data: Buffer }[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  const add = (chunk: Buffer): void => {
    parts.push(chunk);
    length += chunk.length;
  };
  const object = (n: number, body: Buffer[]): void => {
    offsets.push(length);
    add(Buffer.from(`${n} 0 obj\n`, 'latin1'));
    for (const b of body) add(b);
    add(Buffer.from('\nendobj\n', 'latin1'));
  };
  object(1, [Buffer.from('<< /Type /Catalog /Pages 2 0 R >>')]);
  object(2, [Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>')]);
  object(3, [Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>')]);
  streams.forEach((s, i) =>
    object(4 + i, [
      Buffer.from(`<< /Length ${s.data.length} ${s.dict} >>\nstream\n`, 'latin1'),
      s.data,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  );
  const xref = length;
  const count = 4 + streams.length;
  add(
    Buffer.from(
      `xref\n0 ${count}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}` +
        `trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}

const spaces = (bytes: number): Buffer => Buffer.alloc(bytes, 0x20);
const flate = (data: Buffer): { dict: string; data: Buffer } => ({
  dict: '/Filter /FlateDecode',
  data: deflateSync(data),
});

describe('inflatedSize', () => {
  it('counts what the Flate streams inflate to, images and other filter chains left out', async () => {
    const pdf = pdfWithStreams([
      flate(Buffer.from('BT /F1 12 Tf 72 720 Td (Hello) Tj ET')),
      { dict: '/Filter [/FlateDecode]', data: deflateSync(spaces(1000)) },
      {
        dict: '/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /Filter /FlateDecode',
        data: deflateSync(spaces(MB)),
      },
      { dict: '/Filter [/ASCII85Decode /FlateDecode]', data: Buffer.from('<~!!~>') },
      { dict: '', data: spaces(5000) },
    ]);
    expect(await inflatedSize(pdf)).toBe(36 + 1000);
  });

  it('stops counting past the limit', async () => {
    const pdf = pdfWithStreams([flate(spaces(3 * MB)), flate(spaces(3 * MB))]);
    expect(await inflatedSize(pdf, 4 * MB)).toBeGreaterThan(4 * MB);
    expect(await inflatedSize(pdf, 8 * MB)).toBe(6 * MB);
  });

  it('counts a stream cut short, one with a wrong checksum, and the data before a fault, as pdf.js inflates them', async () => {
    const whole = deflateSync(spaces(MB));
    const badSum = Buffer.from(whole);
    badSum[badSum.length - 1] = (badSum[badSum.length - 1] ?? 0) ^ 0xff;
    expect(await inflatedSize(pdfWithStreams([{ dict: '/Filter /FlateDecode', data: badSum }]))).toBe(MB);
    // 1 MB in blocks that do not end the stream, then a block of the reserved type: the megabyte before it counts.
    const open = deflateSync(spaces(MB), { finishFlush: constants.Z_SYNC_FLUSH });
    const faulty = Buffer.concat([open, Buffer.from([0xff, 0xff, 0xff, 0xff])]);
    expect(() => inflateSync(faulty)).toThrow();
    const counted = await inflatedSize(pdfWithStreams([{ dict: '/Filter /FlateDecode', data: faulty }]));
    expect(counted).toBeGreaterThan(MB / 2);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    expect(await inflatedSize(pdfWithStreams([{ dict: '/Filter /FlateDecode', data: cut }]))).toBeGreaterThan(0);
  });
});

describe('importPdf on a decompression bomb', () => {
  it('refuses a PDF whose content inflates past the budget, before pdf.js reads it', async () => {
    // 300 MB of spaces in one content stream: a few hundred kilobytes of file.
    const bomb = pdfWithStreams([{ dict: '/Filter /FlateDecode', data: deflateSync(spaces(300 * MB), { level: 9 }) }]);
    expect(bomb.length).toBeLessThan(MB);
    expect(300 * MB).toBeGreaterThan(MAX_INFLATED_BYTES);
    const result = await importPdf(bomb, 'bomb.pdf');
    expect(result.forms).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['pdf-too-large', 'error']]);
    expect(result.issues[0]?.message).toContain('解压');
  }, 60_000);

  it('reads a page whose content is compressed as usual', async () => {
    const pdf = pdfWithStreams([flate(Buffer.from('BT /F1 12 Tf 72 720 Td (Hello) Tj ET'))]);
    const result = await importPdf(pdf, 'small.pdf');
    expect(result.issues.map((i) => i.code)).not.toContain('pdf-too-large');
  });
});
