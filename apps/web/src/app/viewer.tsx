import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql/graphql';
import { QueryState } from './QueryState';

/** An operation of the API as the access policy names it: "Mutation.logActivity", "Query.programHistory". */
export type OperationKey = `${'Query' | 'Mutation' | 'Subscription'}.${string}`;

export const ViewerQuery = graphql(`
  query Viewer {
    me { subject name roles operations }
  }
`);

export interface Viewer {
  subject: string;
  name: string;
  roles: ResultOf<typeof ViewerQuery>['me']['roles'];
  /** Whether this person's roles allow the operation: screens offer only what is allowed. */
  may(operation: OperationKey): boolean;
}

export const ViewerContext = createContext<Viewer | null>(null);

/**
 * Who is signed in and what they may do, as the API says (`me`): the access policy has one home
 * (apps/api/src/auth/access-policy.ts), and the app offers only the operations it lists. A
 * person signed in without any role sees `noRole` instead of the app.
 */
export function ViewerProvider({ children, noRole }: { children: ReactNode; noRole: (name: string) => ReactNode }) {
  const [result, retry] = useQuery({ query: ViewerQuery });
  const me = result.data?.me;
  const viewer: Viewer | null = me
    ? { subject: me.subject, name: me.name ?? me.subject, roles: me.roles, may: (operation) => me.operations.includes(operation) }
    : null;
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={viewer !== null} retry={() => retry({ requestPolicy: 'network-only' })}>
      {viewer && <ViewerContext.Provider value={viewer}>{viewer.roles.length === 0 ? noRole(viewer.name) : children}</ViewerContext.Provider>}
    </QueryState>
  );
}

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside ViewerProvider');
  return viewer;
}
