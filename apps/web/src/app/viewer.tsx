import { createContext, useContext, type ReactNode } from 'react';
import { useAuth } from '../auth/AuthProvider';

/** An operation of the API as the access policy names it: "Mutation.logActivity", "Query.programHistory". */
export type OperationKey = `${'Query' | 'Mutation' | 'Subscription'}.${string}`;

export interface Viewer {
  subject: string;
  name: string;
  roles: readonly string[];
  /** Whether this person's roles allow the operation: screens offer only what is allowed. */
  may(operation: OperationKey): boolean;
}

const ViewerContext = createContext<Viewer | null>(null);

// TODO(issue 12, next step): read roles and allowed operations from the API's `me` query, so the
// access policy has one home (apps/api/src/auth/access-policy.ts). Until then every action is
// offered and the API refuses what a role may not do.
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const viewer: Viewer = {
    subject: user?.profile.sub ?? '',
    name: user?.profile.name ?? user?.profile.sub ?? '',
    roles: [],
    may: () => true,
  };
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside ViewerProvider');
  return viewer;
}
