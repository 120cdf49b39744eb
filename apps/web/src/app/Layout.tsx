import { Anchor, AppShell, Box, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { GlobalSearch } from '../search/GlobalSearch';
import { useViewer, type OperationKey } from './viewer';

// An entry with an operation shows only to those who may use it: the query its screen rests on,
// or the mutation it is for.
const NAV = [
  { to: '/programs', key: 'nav.programs' },
  { to: '/activities/new', key: 'activities.nav', operation: 'Mutation.logActivity' },
  { to: '/organizations', key: 'nav.organizations', operation: 'Query.organizations' },
  { to: '/follow-ups', key: 'nav.followUps', operation: 'Query.followUps' },
] as const satisfies readonly { to: string; key: string; operation?: OperationKey }[];

/** The frame of every signed-in screen: header with language and sign-out, navigation, content. */
export function Layout() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const { name, roles, may } = useViewer();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.home')} />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4">
                {t('app.name')}
              </Title>
            </Anchor>
          </Group>
          <Group wrap="nowrap" gap="sm">
            {/* On a phone the header has no room: the search box moves into the menu. */}
            <Box visibleFrom="sm">
              <GlobalSearch />
            </Box>
            <LanguageSwitch />
            <Text size="sm" visibleFrom="sm">
              {t('auth.signedInAs', { name })} · {roles.map((role) => t(`role.${role}`)).join(', ')}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('auth.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.home')}>
        <Box hiddenFrom="sm" mb="xs">
          <GlobalSearch />
        </Box>
        <Stack gap={2} component="nav">
          {NAV.filter((item) => !('operation' in item) || may(item.operation)).map((item) => (
            <NavLink key={item.to} component={Link} to={item.to} label={t(item.key)} active={pathname.startsWith(item.to)} onClick={close} />
          ))}
          <NavLink href="/graphiql" label={t('nav.graphiql')} target="_blank" />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
