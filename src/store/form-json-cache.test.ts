import { describe, expect, it } from 'vitest';
import { FormJsonCache } from './form-json-cache.js';

const entry = (version: number, size: number) => ({ version, updatedAt: 't', bytes: Buffer.alloc(size) });

describe('FormJsonCache', () => {
  it('drops the least recently used entries beyond its byte budget and skips oversized ones', () => {
    const cache = new FormJsonCache(30, 20);
    cache.set('a', entry(1, 10));
    cache.set('b', entry(1, 10));
    cache.set('c', entry(1, 10));
    expect(cache.get('a')?.version).toBe(1); // now the most recently used
    cache.set('d', entry(1, 10)); // evicts b, the least recently used
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get(k) !== undefined)).toEqual([true, true, true]);
    cache.set('a', entry(2, 10)); // replacing keeps the byte count right
    expect(cache.size).toBe(3);
    cache.set('big', entry(1, 21));
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size).toBe(3);
    cache.set('a', entry(3, 21)); // an oversized new version drops the old one too
    expect(cache.get('a')).toBeUndefined();
  });
});
