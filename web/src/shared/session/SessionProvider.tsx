import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { graphqlRequest } from '../graphql/request';
import {
  endSession,
  onSessionChange,
  refreshSession,
  SESSION_DOCUMENTS,
  startSession,
  type AuthPayload,
} from './tokens';
import type { SessionUser } from './types';

export type SessionStatus = 'loading' | 'visitor' | 'signedIn';

export interface SignOutOptions {
  everywhere?: boolean;
  /**
   * Runs after the server has ended the session and before this app forgets it: the place to
   * navigate away (useLeavePage: resolves once the new page is shown), so that a page for signed-in
   * users does not bounce to the sign-in page.
   */
  beforeLocalEnd?: () => Promise<void> | void;
}

export interface SessionContextValue {
  status: SessionStatus;
  /** The signed-in user, or null for a visitor and while the session is being restored. */
  user: SessionUser | null;
  /** Starts a session from an AuthPayload (sign-in, sign-up, password change). */
  signIn(payload: AuthPayload): void;
  /** Replaces the user after a change to the account (profile, e-mail verification). */
  updateUser(user: SessionUser): void;
  /** Reloads the user from the server, e.g. after an admin changed the roles. */
  reloadUser(): Promise<void>;
  /**
   * Ends the session on the server and here. With `everywhere`, every device's session ends;
   * that must not fail silently, so it rejects when the server did not confirm it.
   */
  signOut(options?: SignOutOptions): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<SessionUser | null>(null);

  useEffect(() => {
    const unsubscribe = onSessionChange((payload) => {
      setUser(payload ? payload.user : null);
      setStatus(payload ? 'signedIn' : 'visitor');
    });
    // Restore the session from the refresh cookie; without one the reader is a visitor.
    refreshSession()
      .catch(() => null)
      .then((payload) => {
        if (!payload) setStatus((current) => (current === 'loading' ? 'visitor' : current));
      });
    return unsubscribe;
  }, []);

  const updateUser = useCallback((next: SessionUser) => setUser(next), []);

  const reloadUser = useCallback(async () => {
    const result = await graphqlRequest<{ me: SessionUser | null }>(SESSION_DOCUMENTS.user);
    if (result.data?.me) setUser(result.data.me);
  }, []);

  const signOut = useCallback(async (options?: SignOutOptions) => {
    const mutation = options?.everywhere ? 'signOutEverywhere' : 'signOut';
    try {
      const result = await graphqlRequest<Record<string, boolean>>(SESSION_DOCUMENTS[mutation]);
      if (options?.everywhere && result.data?.[mutation] !== true) throw new Error('signOutEverywhere failed');
    } catch (error) {
      if (options?.everywhere) throw error;
      // Signing out of this browser always succeeds locally; the server forgets the cookie anyway.
    }
    try {
      await options?.beforeLocalEnd?.();
    } finally {
      endSession();
    }
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({ status, user, signIn: startSession, updateUser, reloadUser, signOut }),
    [status, user, updateUser, reloadUser, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}
