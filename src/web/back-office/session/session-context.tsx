import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { csrfToken, staffJson } from '#app/web/back-office/api/staff-api.ts';
import type { UserRole } from '#app/domain/workflow/user-roles.ts';

/** The signed-in user, as GET /api/v1/auth/me tells it. */
export interface Me {
  userId: string;
  displayName: string;
  roles: UserRole[];
  agency: string | null;
}

interface SessionValue {
  /** undefined while the first answer is awaited; null when nobody is signed in. */
  me: Me | null | undefined;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** True when the user holds one of the roles (admin holds them all, as the server sees it). */
  can(...roles: UserRole[]): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Asks the server who is signed in (the session cookie is HTTP-only, so only the server knows). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    // The readable CSRF cookie lives exactly as long as the session cookie: without it nobody is
    // signed in, and asking would only log a 401 in the console.
    if (!csrfToken()) {
      setMe(null);
      return;
    }
    staffJson<Me>('GET', '/api/v1/auth/me').then(setMe, () => setMe(null));
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    await staffJson('POST', '/api/v1/auth/login', { body: { username, password } });
    setMe(await staffJson<Me>('GET', '/api/v1/auth/me'));
  }, []);
  const signOut = useCallback(async () => {
    await staffJson('POST', '/api/v1/auth/logout').catch(() => undefined);
    setMe(null);
  }, []);
  const value = useMemo<SessionValue>(
    () => ({ me, signIn, signOut, can: (...roles) => !!me && (me.roles.includes('admin') || me.roles.some((r) => roles.includes(r))) }),
    [me, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session: who is signed in, and sign in/out. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider above it');
  return value;
}
