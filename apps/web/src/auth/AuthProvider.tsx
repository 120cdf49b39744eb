import type { User, UserManager } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SignInState } from './auth';

interface Auth {
  user: User | null;
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/** Holds the signed-in person and follows the user manager's renewals, expiries and sign-outs. */
export function AuthProvider({ users, initialUser, children }: { users: UserManager; initialUser: User | null; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(initialUser);
  useEffect(() => {
    const loaded = (next: User) => setUser(next);
    const unloaded = () => setUser(null);
    users.events.addUserLoaded(loaded);
    users.events.addUserUnloaded(unloaded);
    users.events.addAccessTokenExpired(unloaded);
    users.events.addUserSignedOut(unloaded);
    return () => {
      users.events.removeUserLoaded(loaded);
      users.events.removeUserUnloaded(unloaded);
      users.events.removeAccessTokenExpired(unloaded);
      users.events.removeUserSignedOut(unloaded);
    };
  }, [users]);

  const auth = useMemo<Auth>(
    () => ({
      user,
      signIn: (returnTo = `${location.pathname}${location.search}`) => users.signinRedirect({ state: { returnTo } satisfies SignInState }),
      signOut: async () => {
        // The provider ends its session too, so the next person at this computer signs in afresh.
        await users.signoutRedirect({ id_token_hint: user?.id_token });
      },
    }),
    [users, user],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
