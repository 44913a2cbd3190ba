import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../store/database.js';
import { countAttempt, dropAttemptsBefore } from '../store/login-attempts.repository.js';
import { sha256Hex } from './services/auth.service.js';

/**
 * A @fastify/rate-limit store that counts in the database, so that every app server behind a load
 * balancer counts against the same limit (the plugin's default store is per process), and a restart
 * does not reset it. Keys are hashed: bounded in size, and free of bytes PostgreSQL text refuses (a
 * user name may hold NUL). Counters of finished windows are dropped at most once per window.
 */
export function databaseRateLimitStore(db: Db, now: () => Date): FastifyRateLimitStoreCtor {
  let lastCleanup = 0;
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: Parameters<FastifyRateLimitStore['incr']>[1], timeWindow: number): void {
      const at = now().getTime();
      countAttempt(db, sha256Hex(key), at, timeWindow).then(
        ({ count, windowStart }) => callback(null, { current: count, ttl: windowStart + timeWindow - at }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
      if (at - lastCleanup >= timeWindow) {
        lastCleanup = at;
        // Housekeeping only: if it fails, the next window tries again and the counts stay right.
        dropAttemptsBefore(db, at - timeWindow).catch(() => undefined);
      }
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
