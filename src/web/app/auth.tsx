import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { Session, SetupStatusSchema } from '../../contracts/auth.js';
import { ApiError, api, apiState } from '../lib/api.js';
import { setLocale } from '../lib/i18n.js';
import { queryClient } from './queryClient.js';

type SetupStatus = z.infer<typeof SetupStatusSchema>;

export type AuthState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'setup' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; session: Session };

export type AuthValue = {
  state: AuthState;
  /** After login or setup: keeps the CSRF token and switches the UI to the user's language. */
  signedIn: (session: Session) => void;
  /** Ends the session on the server and shows the login page. */
  signOut: () => Promise<void>;
  /** Re-reads the session (after a change to the user's own name or language). */
  refresh: () => Promise<void>;
  /** Runs the boot sequence again (after an error). */
  retry: () => void;
};

const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/**
 * The boot sequence: GET /api/setup → setup form when nobody exists yet; otherwise
 * GET /api/auth/session → signed in, or the login page. A 401 anywhere later signs out.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const signedIn = useCallback(async (session: Session) => {
    apiState.setCsrfToken(session.csrfToken);
    // The account's language first (its texts may need fetching), so the signed-in screens never
    // flash in the previous language. If they cannot be fetched, the app goes on in the current one.
    await setLocale(session.user.locale).catch(() => undefined);
    setState({ status: 'signedIn', session });
  }, []);

  const toSignedOut = useCallback(() => {
    apiState.setCsrfToken('');
    queryClient.clear();
    setState({ status: 'signedOut' });
  }, []);

  useEffect(() => {
    apiState.onUnauthenticated(() => toSignedOut());
  }, [toSignedOut]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const { needsSetup } = await api.get<SetupStatus>('/api/setup');
        if (cancelled) return;
        if (needsSetup) return setState({ status: 'setup' });
        try {
          const session = await api.get<Session>('/api/auth/session');
          if (!cancelled) signedIn(session);
        } catch (error) {
          if (cancelled) return;
          if (error instanceof ApiError && error.status === 401) setState({ status: 'signedOut' });
          else throw error;
        }
      } catch (error) {
        if (!cancelled) setState({ status: 'error', error });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt, signedIn]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // Signed out on the server already, or unreachable: the local session ends either way.
    }
    toSignedOut();
  }, [toSignedOut]);

  const refresh = useCallback(async () => {
    const session = await api.get<Session>('/api/auth/session');
    apiState.setCsrfToken(session.csrfToken);
    setState({ status: 'signedIn', session });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut, refresh, retry }), [state, signedIn, signOut, refresh, retry]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
