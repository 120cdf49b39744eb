import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import { formatDate, formatDateTime } from '../format/dates';
import { formatMoney, formatQuantity } from '../format/money';
import type { ResultOf } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { ProgramView } from '../programs/ProgramPage';
import { ProgramAsOfQuery } from './history.operations';

type AsOfProgram = NonNullable<ResultOf<typeof ProgramAsOfQuery>['programAsOf']>;

/**
 * The program as it was known at a recorded time, or as it had happened by a business date (as
 * known now), shown as the live program page shows it, under a banner that says which view this
 * is and leads back to now.
 */
export function AsOfView({ programId, knownOn, happenedBy, onBack }: { programId: string; knownOn: string | null; happenedBy: string | null; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  // "As happened by" reads what is known now: the instant is fixed when the view opens.
  const [now] = useState(() => new Date().toISOString());
  const variables = { programId, asOf: knownOn ?? now, occurredBy: knownOn ? null : happenedBy };
  const [result, retry] = useQuery({ query: ProgramAsOfQuery, variables });
  const program = result.data?.programAsOf;
  const banner = knownOn ? t('history.asOf.knownOn', { time: formatDateTime(knownOn, language) }) : t('history.asOf.happenedBy', { date: formatDate(happenedBy ?? '', language) });

  return (
    <Stack gap="lg">
      <Alert color="grape" variant="light" icon={<IconHistory aria-hidden />} data-testid="as-of-banner">
        <Stack gap="xs">
          <Text fw={600}>{banner}</Text>
          <Group gap="xs">
            <Button component={Link} to={`/programs/${programId}`} size="xs">
              {t('history.asOf.backToNow')}
            </Button>
            <Button variant="default" size="xs" onClick={onBack}>
              {t('history.asOf.backToHistory')}
            </Button>
          </Group>
        </Stack>
      </Alert>
      <QueryState fetching={result.fetching} error={result.error} hasData={result.data !== undefined} retry={() => retry({ requestPolicy: 'network-only' })}>
        {program ? (
          <>
            <ProgramView program={program} language={language} />
            <OutcomesThen outcomes={program.outcomes} language={language} />
          </>
        ) : (
          <>
            <Title order={1}>{t('history.titleNoName')}</Title>
            <Text>{t('history.asOf.notYet')}</Text>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** Each outcome with its figure as it stood then: where an earlier, since corrected, amount shows. */
function OutcomesThen({ outcomes, language }: { outcomes: AsOfProgram['outcomes']; language: Language }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="outcomes-then">
      <Title order={2} size="h4" id="outcomes-then" mb="xs">
        {t('history.asOf.outcomes')}
      </Title>
      {outcomes.length === 0 ? (
        <Text>{t('history.asOf.noOutcomes')}</Text>
      ) : (
        <List spacing={4}>
          {outcomes.map((outcome) => (
            <List.Item key={outcome.id}>
              {t(`outcomeKind.${outcome.kind}`)}:{' '}
              <Text span fw={600} td={outcome.voided ? 'line-through' : undefined}>
                {[outcome.amount != null ? formatMoney(outcome.amount, outcome.currency, language) : null, outcome.quantity != null ? formatQuantity(outcome.quantity, language) : null]
                  .filter(Boolean)
                  .join(' · ') || t('common.none')}
              </Text>
              {outcome.description && <Text span c="gray.7">{` · ${outcome.description}`}</Text>}
              {outcome.activity && <Text span c="gray.7">{` · ${localized(outcome.activity.title, language)}`}</Text>}
              {outcome.voided && (
                <Badge ml="xs" color="gray" variant="light">
                  {t('history.asOf.voided')}
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
