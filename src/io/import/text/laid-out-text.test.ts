import { describe, expect, it } from 'vitest';
import { readTextFixtures } from './fixture-files.js';
import { importText } from './import-text.js';
import { looksLaidOut } from './laid-out-text.js';

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
    expect(warning?.message).toContain('绩效指标表已按各列的位置读取');
    expect(warning?.message).toContain('PDF');
    expect(looksLaidOut(text.replace(/ {4,}/g, ' '))).toBe(false);
  });
});
