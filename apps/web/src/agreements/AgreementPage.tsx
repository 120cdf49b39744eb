import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import { useViewer } from '../app/viewer';
import { formatDate } from '../format/dates';
import type { ResultOf } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { AgreementStatusBadge } from './AgreementStatusBadge';
import { AmendAgreementForm, SignAgreementForm, TerminateAgreementForm } from './AgreementForms';
import { AgreementQuery } from './agreements.operations';

type Agreement = NonNullable<ResultOf<typeof AgreementQuery>['agreement']>;
type Action = 'sign' | 'amend' | 'terminate';

/** One agreement: title, parties, program, status and dates; sign, amend, terminate for those who may. */
export function AgreementPage() {
  const { id = '' } = useParams();
  const { i18n } = useTranslation();
  const [result, reexecute] = useQuery({ query: AgreementQuery, variables: { id } });
  const agreement = result.data?.agreement;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={Boolean(agreement)} retry={refresh}>
      {agreement && <AgreementView agreement={agreement} language={currentLanguage(i18n)} refresh={refresh} />}
    </QueryState>
  );
}

function AgreementView({ agreement, language, refresh }: { agreement: Agreement; language: Language; refresh(): void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [action, setAction] = useState<Action | null>(null);
  const [saved, setSaved] = useState(false);
  const close = () => setAction(null);
  const done = () => {
    setAction(null);
    setSaved(true);
  };
  // Offered only where the viewer may, and where the agreement's status allows it (the api decides).
  const canSign = viewer.may('Mutation.signAgreement') && agreement.status === 'DRAFT';
  const canAmend = viewer.may('Mutation.amendAgreement') && agreement.status !== 'TERMINATED';
  const canTerminate = viewer.may('Mutation.terminateAgreement') && agreement.status === 'SIGNED';
  const date = (iso: string | null) => (iso ? formatDate(iso, language) : t('common.none'));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group>
          <Title order={1}>{localized(agreement.title, language)}</Title>
          <AgreementStatusBadge status={agreement.status} size="lg" />
        </Group>
        {language === 'th' && agreement.title.en && <Text c="dimmed">{agreement.title.en}</Text>}
        {language === 'en' && agreement.title.th && <Text c="dimmed">{agreement.title.th}</Text>}
        {agreement.program && (
          <Text size="sm">
            {t('agreements.page.program')}:{' '}
            <Anchor component={Link} to={`/programs/${agreement.program.id}`}>
              {localized(agreement.program.title, language)}
            </Anchor>
          </Text>
        )}
      </Stack>
      <Text role="status" size="sm" c="teal.9">
        {saved ? t('programs.actions.saved') : ''}
      </Text>
      {(canSign || canAmend || canTerminate) && (
        <Group>
          {canSign && <Button onClick={() => setAction('sign')}>{t('agreements.actions.sign')}</Button>}
          {canAmend && (
            <Button variant="default" onClick={() => setAction('amend')}>
              {t('agreements.actions.amend')}
            </Button>
          )}
          {canTerminate && (
            <Button variant="default" color="red" onClick={() => setAction('terminate')}>
              {t('agreements.actions.terminate')}
            </Button>
          )}
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="parties">
          <Title order={2} size="h4" id="parties" mb="xs">
            {t('agreements.page.parties')}
          </Title>
          <List spacing={4}>
            {agreement.parties.map((party) => (
              <List.Item key={party.id}>{localized(party.name, language)}</List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder component="section" aria-labelledby="dates">
          <Title order={2} size="h4" id="dates" mb="xs">
            {t('agreements.page.status')}
          </Title>
          <Stack gap={4}>
            <Text>
              {t('agreements.page.signedOn')}: {date(agreement.signedOn)}
            </Text>
            <Text>
              {t('agreements.page.expiresOn')}: {date(agreement.expiresOn)}
            </Text>
            {agreement.terminatedOn && (
              <Text>
                {t('agreements.page.terminatedOn')}: {date(agreement.terminatedOn)}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('programs.page.version', { version: agreement.version })}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>
      {action === 'sign' && <SignAgreementForm agreement={agreement} onClose={close} onSaved={done} refresh={refresh} />}
      {action === 'amend' && <AmendAgreementForm agreement={agreement} onClose={close} onSaved={done} refresh={refresh} />}
      {action === 'terminate' && <TerminateAgreementForm agreement={agreement} onClose={close} onSaved={done} refresh={refresh} />}
    </Stack>
  );
}
