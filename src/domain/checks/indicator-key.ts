import { memoizeString } from '../memo.js';

/**
 * The name two indicators share when they measure the same thing: half-width, no white space or
 * punctuation. Used for duplicates in one form and for recurring indicators across a department.
 */
export const indicatorKey = memoizeString((name: string): string => name.normalize('NFKC').replace(/[\s\p{P}]+/gu, ''));
