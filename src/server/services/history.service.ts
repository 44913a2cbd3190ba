import { diffForms, type FormChange } from '../../domain/history/index.js';
import { listEvents } from '../../store/events.repository.js';
import { listVersions } from '../../store/forms.repository.js';
import type { AppContext } from '../context.js';
import { visibleForm, type ActingUser } from './forms.service.js';

export interface HistoryEntry {
  readonly version: number;
  readonly action: string;
  readonly at: string;
  readonly user: { readonly username: string; readonly displayName: string };
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly detail: unknown;
  /** Content differences from the previous version (edits only; empty for status changes and reviews). */
  readonly changes: readonly FormChange[];
}

/** Everything that happened to a form, oldest first: who, when, what, and for edits the field differences. */
export async function formHistory(ctx: AppContext, actor: ActingUser, id: string): Promise<HistoryEntry[]> {
  const db = ctx.store.db;
  await visibleForm(db, actor, id);
  const [events, versions] = await Promise.all([listEvents(db, id), listVersions(db, id)]);
  const json = new Map(versions.map((v) => [v.version, v.json]));
  return events.map((e) => {
    let changes: FormChange[] = [];
    if (e.action === 'edit') {
      const before = json.get(e.version - 1);
      const after = json.get(e.version);
      if (before !== undefined && after !== undefined) changes = diffForms(JSON.parse(before), JSON.parse(after));
    }
    return {
      version: e.version,
      action: e.action,
      at: e.at,
      user: { username: e.username, displayName: e.displayName },
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      detail: e.detail,
      changes,
    };
  });
}
