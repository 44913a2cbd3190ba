import { sql } from 'kysely';
import type { Db } from './database.js';

export interface AttemptCount {
  /** Attempts in the current window, this one included. */
  readonly count: number;
  /** Epoch milliseconds when the current window opened. */
  readonly windowStart: number;
}

/**
 * Counts one attempt under `key` in a fixed window of `windowMs` and returns the count so far — one
 * atomic upsert, so concurrent attempts on several app servers are each counted once. A window
 * that has run out starts over at 1.
 */
export async function countAttempt(db: Db, key: string, nowMs: number, windowMs: number): Promise<AttemptCount> {
  const expired = sql<boolean>`login_attempts.window_start + ${windowMs} <= ${nowMs}`;
  const row = await db
    .insertInto('login_attempts')
    .values({ key, count: 1, window_start: nowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when ${expired} then 1 else login_attempts.count + 1 end`,
        window_start: sql<number>`case when ${expired} then ${nowMs} else login_attempts.window_start end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: Number(row.window_start) };
}

/** Forgets the counters whose window opened before `beforeMs` (they would start over anyway). */
export async function dropAttemptsBefore(db: Db, beforeMs: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('window_start', '<', beforeMs).execute();
}
