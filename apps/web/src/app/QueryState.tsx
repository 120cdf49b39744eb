import { Alert, Button, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';

/** The first GraphQL error code of a failed operation (FORBIDDEN, NOT_FOUND, ...). */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What every screen shows while its query runs or when it fails: a spinner, or the error in
 * the reader's language with a retry. Children render once there is data.
 */
export function QueryState({ fetching, error, hasData, retry, children }: { fetching: boolean; error?: CombinedError; hasData: boolean; retry?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  if (hasData) return <>{children}</>;
  if (error) {
    const code = errorCode(error);
    const message = code === 'FORBIDDEN' ? t('common.forbidden') : code === 'NOT_FOUND' ? t('common.notFound') : t('common.error', { message: error.message });
    return (
      <Alert color="red" role="alert" title={message}>
        {retry && (
          <Button variant="light" size="xs" onClick={retry}>
            {t('common.retry')}
          </Button>
        )}
      </Alert>
    );
  }
  if (fetching) {
    return (
      <Center p="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return <Alert color="gray">{t('common.notFound')}</Alert>;
}
