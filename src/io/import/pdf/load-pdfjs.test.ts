import { describe, expect, it } from 'vitest';
import { loadPdfjs } from './load-pdfjs.js';

describe('loadPdfjs', () => {
  it('leaves JSON and Array.prototype.push as they were (the legacy build polyfills them slowly)', async () => {
    const stringify = JSON.stringify;
    const parse = JSON.parse;
    const push = Array.prototype.push;
    const pdfjs = await loadPdfjs();
    expect(typeof pdfjs.getDocument).toBe('function');
    expect(JSON.stringify).toBe(stringify);
    expect(JSON.parse).toBe(parse);
    expect(Array.prototype.push).toBe(push);
  });

  it('imports pdfjs once per process', async () => {
    expect(await loadPdfjs()).toBe(await loadPdfjs());
  });
});
