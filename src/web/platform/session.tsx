import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { CurrentUser, Locale } from '../../shared/platform/api';
import { authEndpoints } from '../../shared/platform/endpoints';
import { call, endSession, onUnauthenticated, setCsrfToken, startSession } from '../api';
import { adoptAccountLocale, chooseLocale, storedLocale } from '../i18n';

export interface Session {
  status: 'loading' | 'ready';
  user: CurrentUser | null;
  /** Set when the server ended the session under our feet, so the login page can say so. */
  expired: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  logoutEverywhere(): Promise<void>;
  setLocale(locale: Locale): void;
  /** Takes over a session the server opened some other way (accepting an invitation). */
  adopt(user: CurrentUser): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** Keeps the logged-in teacher: restored from `/api/session` on start, cleared on logout or expiry. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session['status']>('loading');
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [expired, setExpired] = useState(false);
  // The server state cached for one account is never shown to the next one on this device.
  const queryClient = useQueryClient();

  useEffect(() => {
    let active = true;
    // "nobody logged in" is an answer here, not a 401 the browser would log as an error
    call(authEndpoints.getSession)
      .then(({ user: restored, csrfToken }) => {
        setCsrfToken(csrfToken);
        if (!active || !restored) return;
        adoptAccountLocale(restored.locale);
        setUser(restored);
      })
      .catch(() => active && setUser(null))
      .finally(() => active && setStatus('ready'));
    const stop = onUnauthenticated(() => {
      queryClient.clear();
      setUser(null);
      setExpired(true);
    });
    return () => {
      active = false;
      stop();
    };
  }, [queryClient]);

  const login = useCallback(
    async (email: string, password: string) => {
      const loggedIn = await startSession(call(authEndpoints.login, { body: { email, password } }));
      const chosenHere = storedLocale();
      queryClient.clear();
      setExpired(false);
      setUser(loggedIn);
      if (chosenHere && chosenHere !== loggedIn.locale) {
        // the language picked on the login page wins and becomes the account's language
        call(authEndpoints.updateMe, { body: { locale: chosenHere } }).then(setUser, () => undefined);
      } else adoptAccountLocale(loggedIn.locale);
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    await endSession(call(authEndpoints.logout)).catch(() => undefined);
    queryClient.clear();
    setUser(null);
  }, [queryClient]);

  const logoutEverywhere = useCallback(async () => {
    await endSession(call(authEndpoints.logoutEverywhere));
    queryClient.clear();
    setUser(null);
  }, [queryClient]);

  const setLocale = useCallback(
    (locale: Locale) => {
      chooseLocale(locale);
      if (user && user.locale !== locale) call(authEndpoints.updateMe, { body: { locale } }).then(setUser, () => undefined);
    },
    [user],
  );

  const adopt = useCallback(
    (adopted: CurrentUser) => {
      queryClient.clear();
      setExpired(false);
      setUser(adopted);
      adoptAccountLocale(adopted.locale);
    },
    [queryClient],
  );

  const value = useMemo<Session>(
    () => ({ status, user, expired, login, logout, logoutEverywhere, setLocale, adopt }),
    [status, user, expired, login, logout, logoutEverywhere, setLocale, adopt],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
