import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

// 项目支出绩效自评表 in GBK, written out by hand so the test does not depend on an encoder.
const gbkTitle = [207, 238, 196, 191, 214, 167, 179, 246, 188, 168, 208, 167, 215, 212, 198, 192, 177, 237];
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    const d = decodeText(new TextEncoder().encode('年度：2020 绩效'));
    expect(d).toEqual({ text: '年度：2020 绩效', encoding: 'utf-8', bom: false });
  });

  it('strips a UTF-8 BOM', () => {
    const d = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('绩效')]));
    expect(d).toEqual({ text: '绩效', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    // 绩 U+7EE9, 效 U+6548
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xe9, 0x7e, 0x48, 0x65]))).toEqual({
      text: '绩效',
      encoding: 'utf-16le',
      bom: true,
    });
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x7e, 0xe9, 0x65, 0x48]))).toEqual({
      text: '绩效',
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('recognises BOM-less UTF-16 LE from its zero bytes', () => {
    const bytes = ascii('year 2020, total 529.99').flatMap((b) => [b, 0]);
    const d = decodeText(new Uint8Array(bytes));
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe('year 2020, total 529.99');
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    const d = decodeText(new Uint8Array([...gbkTitle, ...ascii('（2020年度）')]));
    expect(d.encoding).toBe('gb18030');
    expect(d.text.startsWith('项目支出绩效自评表')).toBe(true);
  });

  it('keeps plain ASCII as UTF-8', () => {
    expect(decodeText(new Uint8Array(ascii('{"a":1}'))).encoding).toBe('utf-8');
  });
});
