import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { listForms } from './forms';

/** Every form the user may see; pages filter on the client (a unit or department has hundreds, not millions). */
export function useFormsQuery() {
  return useQuery({ queryKey: ['forms'], queryFn: () => listForms() });
}

/** Number of findings of one form (GET /api/forms/:id/findings), for lists that lack the count. */
export function useFindingsCount(id: string, known: number | undefined) {
  return useQuery({
    queryKey: ['findings-count', id],
    enabled: known === undefined,
    queryFn: async () => {
      const raw = await api<unknown>('GET', `/api/forms/${encodeURIComponent(id)}/findings`);
      const list = Array.isArray(raw) ? raw : ((raw as { findings?: unknown[] }).findings ?? []);
      return list.length;
    },
    staleTime: 60_000,
  });
}

/**
 * Whether an export URL answers (the exporter may not exist yet): probes it once with HEAD-like GET
 * and caches the answer. A 404 or 501 means "not available": buttons are disabled, not broken.
 */
export function useExportAvailable(probeUrl: string | null) {
  return useQuery({
    queryKey: ['export-available', probeUrl],
    enabled: probeUrl !== null,
    staleTime: Infinity,
    queryFn: async () => {
      try {
        const res = await fetch(probeUrl as string, { method: 'GET', credentials: 'same-origin' });
        // Read nothing: a real export may be large.
        void res.body?.cancel();
        return res.ok;
      } catch {
        return false;
      }
    },
  });
}
