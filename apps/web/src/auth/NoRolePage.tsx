import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useAuth } from './AuthProvider';

/** Signed in, but the account has no role in the tracker: say so, and how to get one. */
export function NoRolePage({ name }: { name: string }) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" maw={480} w="100%">
        <Stack>
          <Title order={1} size="h2">
            {t('auth.noRoleTitle')}
          </Title>
          <Text>{t('auth.noRoleBody', { name })}</Text>
          <Button variant="default" onClick={() => void signOut()}>
            {t('auth.signOut')}
          </Button>
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
