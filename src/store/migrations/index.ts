import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import * as initial from './20261126T1800-initial.js';
import * as listingIndexes from './20261126T1900-listing-indexes.js';
import * as loginAttempts from './20261127T0000-login-attempts.js';

/** One schema step. `up` must only run DDL/DML through `db`: its compiled SQL is its checksum. */
export interface Migration {
  readonly name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly up: (db: Kysely<any>, dialect: Dialect) => Promise<void>;
}

/** Every migration, oldest first. Append only; names sort by their timestamp. */
export const migrations: readonly Migration[] = [
  { name: '20261126T1800-initial', up: initial.up },
  { name: '20261126T1900-listing-indexes', up: listingIndexes.up },
  { name: '20261127T0000-login-attempts', up: loginAttempts.up },
];
