import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import { ApiError, describeError } from '../api/client';
import { conflictOf, getForm, saveForm } from '../api/forms';
import type { FormRecord } from '../api/types';
import type { Form } from '../lib/core';
import { trailingTimer, type TrailingTimer } from '../lib/trailing-timer';
import { clearBackup, writeBackup } from './draft-backup';
import type { FormEdit } from './form-edit';
import { mergeForms, sameJson, type Difference } from './form-diff';

export type SaveState =
  | { readonly kind: 'saved'; readonly at: Date | null }
  | { readonly kind: 'dirty' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'offline'; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'conflict'; readonly theirs: FormRecord; readonly base: Form };

const debounceMs = 1200;
const retryMs = 5000;
const backupMs = 250;

/**
 * Saves a draft a moment after typing stops (PUT with the version it read). Typing is copied to
 * localStorage first, so a network error only delays the save (it retries) and a 409 opens a
 * conflict the person resolves: merge, take theirs, or keep mine.
 */
export function useAutosave(opts: {
  id: string;
  form: Form;
  base: Form;
  baseVersion: number;
  /** The record as last read from the server; a newer version is adopted when nothing is waiting. */
  server: Pick<FormRecord, 'form' | 'version'>;
  enabled: boolean;
  dispatch: Dispatch<FormEdit>;
}) {
  const { id, form, enabled, dispatch, server } = opts;
  const base = useRef(opts.base);
  const version = useRef(opts.baseVersion);
  const latest = useRef(form);
  latest.current = form;
  const inflight = useRef<Promise<boolean> | null>(null);
  const inConflict = useRef(false);
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const [state, setState] = useState<SaveState>(form === opts.base ? { kind: 'saved', at: null } : { kind: 'dirty' });

  const saveNow = useCallback(async (): Promise<boolean> => {
    while (inflight.current) await inflight.current;
    const sending = latest.current;
    if (sending === base.current) return true;
    if (inConflict.current) return false;
    const run = (async () => {
      setState({ kind: 'saving' });
      try {
        version.current = await saveForm(id, version.current, sending);
        base.current = sending;
        if (latest.current === sending) {
          clearBackup(id);
          setState({ kind: 'saved', at: new Date() });
        } else setState({ kind: 'dirty' });
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          inConflict.current = true;
          try {
            const theirs = conflictOf(err) ?? (await getForm(id));
            setState({ kind: 'conflict', theirs, base: base.current });
          } catch (e) {
            setState({ kind: 'offline', message: describeError(e) });
          }
        } else if (err instanceof ApiError && (err.isNetwork || err.status >= 500)) {
          setState({ kind: 'offline', message: describeError(err) });
        } else setState({ kind: 'invalid', message: describeError(err) });
        return false;
      }
    })();
    inflight.current = run;
    try {
      return await run;
    } finally {
      inflight.current = null;
    }
  }, [id]);

  // A newer version read from the server (a transition this page made bumps it) is adopted when no
  // typing is waiting, so that the editor stays mounted: an open menu, the scroll position and the
  // rows being read stay where they are. With typing waiting, the next save meets 409 and the
  // conflict dialog decides, as for anyone else's newer version.
  useEffect(() => {
    if (server.version <= version.current || inConflict.current || inflight.current) return;
    if (latest.current !== base.current) return;
    version.current = server.version;
    if (sameJson(server.form, latest.current)) {
      base.current = latest.current;
      return;
    }
    base.current = server.form;
    dispatch({ type: 'replace', form: server.form });
  }, [server, dispatch]);

  // One backup timer, one save timer and one pagehide listener for the editor's life. Re-arming them
  // on every keystroke (clearTimeout, setTimeout, add and remove a window listener) ran inside the
  // keystroke's commit and cost about 1 ms of it; touching a trailing timer costs a clock read.
  const backupIfDirty = useCallback(() => {
    if (enabledRef.current && latest.current !== base.current)
      writeBackup(id, { baseVersion: version.current, base: base.current, form: latest.current });
  }, [id]);
  const timers = useRef<{ backup: TrailingTimer; save: TrailingTimer } | null>(null);
  useEffect(() => {
    const backup = trailingTimer(backupIfDirty, backupMs);
    const save = trailingTimer(() => void saveNow(), debounceMs);
    timers.current = { backup, save };
    window.addEventListener('pagehide', backupIfDirty);
    return () => {
      backup.cancel();
      save.cancel();
      timers.current = null;
      window.removeEventListener('pagehide', backupIfDirty);
    };
  }, [backupIfDirty, saveNow]);

  useEffect(() => {
    if (!enabled || form === base.current) {
      timers.current?.backup.cancel();
      timers.current?.save.cancel();
      return;
    }
    // The localStorage copy trails the typing by a moment (a 30 KB write per keystroke would cost
    // the editor its frame budget); leaving the page writes it at once.
    timers.current?.backup.touch();
    // Keep the same state object while already dirty: a new one would re-render the editor per keystroke.
    if (!inConflict.current)
      setState((s) => (s.kind === 'offline' || s.kind === 'invalid' || s.kind === 'dirty' ? s : { kind: 'dirty' }));
    timers.current?.save.touch();
  }, [form, enabled]);

  // Leaving the editor (another page of the app) must not drop typing still waiting for its timers.
  useEffect(
    () => () => {
      if (!enabledRef.current || latest.current === base.current) return;
      writeBackup(id, { baseVersion: version.current, base: base.current, form: latest.current });
      void saveNow();
    },
    [id, saveNow],
  );

  // A failed save retries by itself; the typing is safe in memory and in localStorage meanwhile.
  useEffect(() => {
    if (state.kind !== 'offline') return;
    const t = setTimeout(() => void saveNow(), retryMs);
    return () => clearTimeout(t);
  }, [state, saveNow]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current !== base.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  /** Ends a conflict: merge mine over theirs, take theirs, or keep mine (overwrite). */
  const resolve = useCallback(
    (how: 'merge' | 'theirs' | 'mine'): readonly Difference[] => {
      if (state.kind !== 'conflict') return [];
      const { theirs } = state;
      const conflictBase = state.base;
      base.current = theirs.form;
      version.current = theirs.version;
      inConflict.current = false;
      let conflicts: readonly Difference[] = [];
      if (how === 'theirs') {
        clearBackup(id);
        dispatch({ type: 'replace', form: theirs.form });
        setState({ kind: 'saved', at: null });
      } else if (how === 'merge') {
        const merged = mergeForms(conflictBase, latest.current, theirs.form);
        conflicts = merged.conflicts;
        dispatch({ type: 'replace', form: merged.form });
        setState({ kind: 'dirty' });
      } else {
        setState({ kind: 'dirty' });
        void saveNow();
      }
      return conflicts;
    },
    [state, id, dispatch, saveNow],
  );

  return { state, saveNow, resolve, version: () => version.current };
}
