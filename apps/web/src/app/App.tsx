import { Stack, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { useAuth } from '../auth/AuthProvider';
import { isUsable } from '../auth/auth';
import { NoRolePage } from '../auth/NoRolePage';
import { SignInPage } from '../auth/SignInPage';
import { createGraphqlClient } from '../graphql/client';
import { Layout } from './Layout';
import { ViewerProvider } from './viewer';

// Screens load on demand: the first page a person opens downloads only what it shows.
const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../home/HomePage')).HomePage }) },
      { path: 'programs', lazy: async () => ({ Component: (await import('../programs/ProgramsPage')).ProgramsPage }) },
      { path: 'programs/:id/history', lazy: async () => ({ Component: (await import('../history/HistoryPage')).HistoryPage }) },
      { path: 'programs/:id', lazy: async () => ({ Component: (await import('../programs/ProgramPage')).ProgramPage }) },
      { path: 'organizations', lazy: async () => ({ Component: (await import('../organizations/OrganizationsPage')).OrganizationsPage }) },
      { path: 'organizations/:id', lazy: async () => ({ Component: (await import('../organizations/OrganizationPage')).OrganizationPage }) },
      { path: 'follow-ups', lazy: async () => ({ Component: (await import('../follow-ups/FollowUpsPage')).FollowUpsPage }) },
      { path: 'activities/new', lazy: async () => ({ Component: (await import('../activities/LogActivityPage')).LogActivityPage }) },
      { path: 'activities/:id', lazy: async () => ({ Component: (await import('../activities/ActivityPage')).ActivityPage }) },
      { path: 'agreements/:id', lazy: async () => ({ Component: (await import('../agreements/AgreementPage')).AgreementPage }) },
      { path: '*', Component: NotFound },
    ],
  },
];

/** Signed out: the sign-in screen. Signed in: the screens, each asking the api with the person's token. */
export function App() {
  const { user } = useAuth();
  // Read at send time: a silently renewed token is used by the next request.
  const token = useRef(user?.access_token);
  token.current = user?.access_token;
  const subject = user?.profile.sub;
  // One client per person: a new sign-in starts with an empty cache.
  const client = useMemo(() => createGraphqlClient(() => token.current), [subject]);
  // Made on first render, not at import: by then main.tsx has replaced the sign-in callback's
  // address with the page the person asked for, which is where the router must start.
  const [router] = useState(() => createBrowserRouter(routes));
  if (!isUsable(user)) return <SignInPage />;
  return (
    <GraphqlProvider value={client}>
      <ViewerProvider noRole={(name) => <NoRolePage name={name} />}>
        <RouterProvider router={router} />
      </ViewerProvider>
    </GraphqlProvider>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>404</Title>
      <Text>{t('common.notFound')}</Text>
    </Stack>
  );
}
