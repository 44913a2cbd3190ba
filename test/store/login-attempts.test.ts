import { describe, expect, it } from 'vitest';
import { countAttempt, dropAttemptsBefore } from '../../src/store/login-attempts.repository.js';
import { dialects, openTestStore } from '../support/test-store.js';

describe.each(dialects)('login attempt counters on %s', (dialect) => {
  it('count within a window, start over after it, and are dropped once finished', async () => {
    const { store, close } = await openTestStore(dialect);
    try {
      const db = store.db;
      const minute = 60_000;
      const t0 = Date.UTC(2026, 10, 26, 23, 0, 0);
      expect(await countAttempt(db, 'a', t0, minute)).toEqual({ count: 1, windowStart: t0 });
      expect(await countAttempt(db, 'a', t0 + 1_000, minute)).toEqual({ count: 2, windowStart: t0 });
      // Concurrent attempts are each counted once (one atomic upsert per attempt).
      const counts = await Promise.all([1, 2, 3].map(() => countAttempt(db, 'a', t0 + 2_000, minute)));
      expect(counts.map((c) => c.count).sort()).toEqual([3, 4, 5]);
      expect(await countAttempt(db, 'b', t0 + 2_000, minute)).toEqual({ count: 1, windowStart: t0 + 2_000 });
      expect(await countAttempt(db, 'a', t0 + minute, minute)).toEqual({ count: 1, windowStart: t0 + minute });

      await dropAttemptsBefore(db, t0 + minute);
      const left = await db.selectFrom('login_attempts').select(['key', 'count']).orderBy('key').execute();
      expect(left.map((r) => [r.key, Number(r.count)])).toEqual([['a', 1]]);
    } finally {
      await close();
    }
  });
});
