import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler } from '../api/client';
import { fetchSession, logIn, logOut } from '../api/session';
import type { SessionUser } from '../api/types';

interface SessionState {
  /** undefined while the first GET /api/session is in flight. */
  readonly user: SessionUser | null | undefined;
  readonly logIn: (username: string, password: string) => Promise<SessionUser>;
  readonly logOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const queryClient = useQueryClient();

  useEffect(() => {
    let live = true;
    void fetchSession().then((u) => live && setUser(u));
    setUnauthorizedHandler(() => setUser(null));
    return () => {
      live = false;
      setUnauthorizedHandler(null);
    };
  }, []);

  const doLogIn = useCallback(
    async (username: string, password: string) => {
      const u = await logIn(username, password);
      queryClient.clear();
      setUser(u);
      return u;
    },
    [queryClient],
  );
  const doLogOut = useCallback(async () => {
    try {
      await logOut();
    } finally {
      queryClient.clear();
      setUser(null);
    }
  }, [queryClient]);

  const value = useMemo(() => ({ user, logIn: doLogIn, logOut: doLogOut }), [user, doLogIn, doLogOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const s = use(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The logged-in user; only for pages behind the login guard. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
