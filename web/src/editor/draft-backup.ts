import type { Form } from '../lib/core';

/**
 * A copy of unsaved typing in localStorage, so that a network error, a closed tab or a crash never
 * loses it. `base` and `baseVersion` are what the edits started from, so that a later conflict can
 * still be merged three ways.
 */
export interface DraftBackup {
  readonly baseVersion: number;
  readonly base: Form;
  readonly form: Form;
  readonly savedAt: string;
}

const key = (id: string) => `jixiao.draft.${id}`;

export function readBackup(id: string): DraftBackup | null {
  try {
    const raw = localStorage.getItem(key(id));
    return raw === null ? null : (JSON.parse(raw) as DraftBackup);
  } catch {
    return null;
  }
}

export function writeBackup(id: string, backup: Omit<DraftBackup, 'savedAt'>): void {
  try {
    localStorage.setItem(key(id), JSON.stringify({ ...backup, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the in-memory state still holds the typing.
  }
}

export function clearBackup(id: string): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // Nothing to clear.
  }
}
