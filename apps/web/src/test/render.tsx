import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Provider as GraphqlProvider, type Client } from 'urql';
import { fromValue, never, pipe, take, toPromise } from 'wonka';
import { AppTheme } from '../app/AppTheme';
import { ViewerContext, type OperationKey, type Viewer } from '../app/viewer';
import { createI18n } from '../i18n/i18n';
import type { Language } from '../i18n/languages';

/** What a fake API answers: operation name -> data (or a function of the variables). */
export type FakeAnswers = Record<string, unknown | ((variables: Record<string, unknown>) => unknown)>;

export interface FakeApi {
  client: Client;
  /** Every operation sent, in order: name and variables (a mutation's input is in variables.input). */
  sent: { name: string; variables: Record<string, unknown> }[];
}

/**
 * A urql client that answers from `answers` by operation name, with no network: components are
 * tested as they run, through the same hooks. An operation with no answer stays pending; a
 * subscription with an answer emits it once.
 */
export function fakeApi(answers: FakeAnswers = {}): FakeApi {
  const sent: FakeApi['sent'] = [];
  const answer = (operation: { query: { definitions: readonly { kind: string; name?: { value: string } }[] }; variables?: unknown }) => {
    const definition = operation.query.definitions.find((d) => d.kind === 'OperationDefinition');
    const name = definition?.name?.value ?? '';
    const variables = (operation.variables ?? {}) as Record<string, unknown>;
    sent.push({ name, variables });
    if (!(name in answers)) return never;
    const value = answers[name];
    const data = typeof value === 'function' ? (value as (v: Record<string, unknown>) => unknown)(variables) : value;
    if (data instanceof Error) return fromValue({ operation, error: data, data: undefined, stale: false, hasNext: false });
    return fromValue({ operation, data, stale: false, hasNext: false });
  };
  const client = {
    executeQuery: answer,
    executeMutation: answer,
    // client.query(...).toPromise(), for screens that ask on demand (a button, paging everything).
    query: (query: Parameters<typeof answer>[0]['query'], variables?: Record<string, unknown>) => ({
      toPromise: () => pipe(answer({ query, variables }), take(1), toPromise),
    }),
    // A subscription with an answer emits it once: one signal, as the api sends after a change.
    executeSubscription: answer,
  } as unknown as Client;
  return { client, sent };
}

/** A viewer with these roles' operations; `may` answers from the list, as the real one does. */
export function fakeViewer(operations: readonly OperationKey[] = [], roles: Viewer['roles'] = ['DIPLOMAT']): Viewer {
  return { subject: 'tester', name: 'Tester', roles, may: (operation) => operations.includes(operation) };
}

/**
 * Renders a screen as the app does: Mantine, the words in `language`, a fake API, the viewer, and
 * a router at `path` (so links and useParams work; `route` is the pattern, e.g. /programs/:id).
 */
export function renderScreen(
  element: ReactElement,
  { api = fakeApi(), viewer = fakeViewer(), language = 'en', path = '/', route = '/' }: { api?: FakeApi; viewer?: Viewer; language?: Language; path?: string; route?: string } = {},
): RenderResult & { api: FakeApi } {
  const router = createMemoryRouter([{ path: route, element }, { path: '*', element: <p>elsewhere</p> }], { initialEntries: [path] });
  const result = render(
    <I18nextProvider i18n={createI18n(language)}>
      <AppTheme>
        <GraphqlProvider value={api.client}>
          <ViewerContext.Provider value={viewer}>
            <RouterProvider router={router} />
          </ViewerContext.Provider>
        </GraphqlProvider>
      </AppTheme>
    </I18nextProvider>,
  );
  return { ...result, api };
}
