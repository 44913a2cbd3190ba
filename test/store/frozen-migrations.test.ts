import { describe, expect, it } from 'vitest';
import { migrationChecksum } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';

/**
 * Merged migrations are frozen: databases in the field store these checksums and refuse to start
 * when they change. A failure here means a merged migration was edited — revert it and add a new
 * migration instead. (A new migration: append its checksums here.)
 */
const frozen: Record<string, { sqlite: string; postgres: string }> = {
  '20261126T1800-initial': {
    sqlite: '883f24bf7ba9e71e592dc2884a5d4ee2387f26fc54e038b7fb20873bf61595f2',
    postgres: '7f38645247979306828352dc93643983fdde5b3fe6fdc5b37321fbeb0ee5c505',
  },
  '20261126T1900-listing-indexes': {
    sqlite: '8b140930ab24c9502849152df8b4244a56cb3f60f139c81c25f920ebfcbe21cb',
    postgres: '8b140930ab24c9502849152df8b4244a56cb3f60f139c81c25f920ebfcbe21cb',
  },
  '20261127T0000-login-attempts': {
    sqlite: 'ed7c9293777c7a20253e1805e7b3c60434856a6c69cdf4cf282c231d0ea5aafd',
    postgres: 'ed7c9293777c7a20253e1805e7b3c60434856a6c69cdf4cf282c231d0ea5aafd',
  },
};

describe('frozen migrations', () => {
  it('are listed oldest first with timestamp names', () => {
    const names = migrations.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    for (const n of names) expect(n).toMatch(/^\d{8}T\d{4}-[a-z0-9-]+$/);
  });

  it.each(migrations.map((m) => [m.name, m] as const))('%s compiles to its recorded SQL', async (name, m) => {
    expect(frozen[name], `record the checksums of new migration ${name}`).toBeDefined();
    expect(await migrationChecksum(m, 'sqlite')).toBe(frozen[name]?.sqlite);
    expect(await migrationChecksum(m, 'postgres')).toBe(frozen[name]?.postgres);
  });
});
