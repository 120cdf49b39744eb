import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useAuth } from './AuthProvider';

/** The first screen: what this is, the language, and the way to the identity provider. */
export function SignInPage({ error }: { error?: string }) {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" maw={440} w="100%">
        <Stack>
          <Title order={1} size="h2">
            {t('app.name')}
          </Title>
          <Text>{t('auth.welcome')}</Text>
          {error && (
            <Text c="red.8" role="alert">
              {t('auth.failed', { message: error })}
            </Text>
          )}
          <Button size="md" onClick={() => void signIn()}>
            {t('auth.signIn')}
          </Button>
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
