import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A unique id that sorts by creation time (within one process strictly, across servers to the
 * millisecond): 9 base-36 characters of milliseconds, 4 of a per-millisecond counter, 16 random hex.
 * Rows created in the same transaction or millisecond keep their order when sorted by id.
 */
export function sortableId(now = Date.now()): string {
  if (now <= lastMs) counter += 1;
  else {
    lastMs = now;
    counter = 0;
  }
  return `${lastMs.toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${randomBytes(8).toString('hex')}`;
}
