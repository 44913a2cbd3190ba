import { describe, expect, it } from 'vitest';
import { readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';
import { looksColumnsApart, looksLaidOut } from './laid-out-text.js';

describe('text laid out as on the page', () => {
  const poppler = readTextFixtures('text/poppler');

  it('is told apart: pdftotext -layout output, and no other fixture', () => {
    const others = [...readTextFixtures('real'), ...readTextFixtures('text'), ...readTextFixtures('seed')];
    expect(poppler.filter(([, text]) => looksLaidOut(text)).map(([file]) => file)).toEqual([
      'seed-chromium.layout.txt',
      'seed-libreoffice.layout.txt',
    ]);
    expect(others.filter(([, text]) => looksLaidOut(text)).map(([file]) => file)).toEqual([]);
  });

  it('gets a warning saying what is read by columns, and that the PDF reads best', () => {
    const [file, text] = poppler.find(([name]) => name.endsWith('.layout.txt')) ?? ['', ''];
    const warning = importText(text, file).issues.find((i) => i.code === 'text-laid-out');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('绩效指标表和年度总体目标已按各列的位置读取');
    expect(warning?.message).toContain('PDF');
    expect(looksLaidOut(text.replace(/ {4,}/g, ' '))).toBe(false);
  });

  it('tells poppler’s default reading order apart too, and warns about it', () => {
    const others = [...readTextFixtures('real'), ...readTextFixtures('text'), ...readTextFixtures('seed')];
    expect(poppler.filter(([, text]) => looksColumnsApart(text)).map(([file]) => file)).toEqual([
      'seed-chromium.default.txt',
      'seed-libreoffice.default.txt',
    ]);
    expect(others.filter(([, text]) => looksColumnsApart(text)).map(([file]) => file)).toEqual([]);
    const [file, text] = poppler.find(([name]) => name.endsWith('.default.txt')) ?? ['', ''];
    const codes = importText(text, file).issues.map((i) => i.code);
    expect(codes).toContain('text-columns-apart');
    expect(codes).not.toContain('text-laid-out');
  });
});
