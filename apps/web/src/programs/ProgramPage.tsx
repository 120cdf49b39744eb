import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import { useViewer } from '../app/viewer';
import { formatDate, todayIso } from '../format/dates';
import { formatMoney, formatQuantity } from '../format/money';
import type { ResultOf } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { ProgramQuery } from './programs.operations';

type Program = NonNullable<ResultOf<typeof ProgramQuery>['program']>;

/** One program: header, partners by role, totals, agreements, activities by date, open follow-ups. */
export function ProgramPage() {
  const { id = '' } = useParams();
  const { i18n } = useTranslation();
  const [result, retry] = useQuery({ query: ProgramQuery, variables: { id } });
  const program = result.data?.program;
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={Boolean(program)} retry={() => retry({ requestPolicy: 'network-only' })}>
      {program && <ProgramView program={program} language={currentLanguage(i18n)} />}
    </QueryState>
  );
}

/** The program as the page shows it; the history's as-of views show a past state through it too. */
export function ProgramView({ program, language }: { program: Program; language: Language }) {
  const { t } = useTranslation();
  const { may } = useViewer();
  const today = todayIso();
  const activities = [...program.activities.edges.map((edge) => edge.node)].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  // Overdue first, then by due date; undated last.
  const followUps = [...program.followUps].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group>
          <Title order={1}>{localized(program.title, language)}</Title>
          <Badge size="lg" variant="light">
            {t(`programStatus.${program.status}`)}
          </Badge>
          {may('Query.programHistory') && (
            <Anchor component={Link} to={`/programs/${program.id}/history`}>
              {t('history.link')}
            </Anchor>
          )}
        </Group>
        {language === 'th' && program.title.en && <Text c="dimmed">{program.title.en}</Text>}
        {language === 'en' && program.title.th && <Text c="dimmed">{program.title.th}</Text>}
        {program.startedOn && <Text size="sm">{t('programs.page.startedOn', { date: formatDate(program.startedOn, language) })}</Text>}
        {program.summary && <Text>{program.summary}</Text>}
        {may('Mutation.logActivity') && (
          <Group>
            <Button component={Link} to={`/activities/new?programId=${program.id}`} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('activities.logHere')}
            </Button>
          </Group>
        )}
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="partners">
          <Title order={2} size="h4" id="partners" mb="xs">
            {t('programs.page.partners')}
          </Title>
          {program.partners.length === 0 ? (
            <Text>{t('programs.page.noPartners')}</Text>
          ) : (
            <List spacing={4}>
              {program.partners.map((partner) => (
                <List.Item key={partner.organization.id}>
                  {localized(partner.organization.name, language)} · <Text span c="dimmed">{t(`partnerRole.${partner.role}`)}</Text>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="totals">
          <Title order={2} size="h4" id="totals" mb="xs">
            {t('programs.page.totals')}
          </Title>
          {program.totals.length === 0 ? (
            <Text>{t('programs.page.noTotals')}</Text>
          ) : (
            <List spacing={4}>
              {program.totals.map((total) => (
                <List.Item key={`${total.kind}-${total.currency ?? ''}`}>
                  {t(`outcomeKind.${total.kind}`)}:{' '}
                  <Text span fw={600}>
                    {total.amount != null ? formatMoney(total.amount, total.currency, language) : total.quantity != null ? formatQuantity(total.quantity, language) : t('common.none')}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder component="section" aria-labelledby="agreements">
        <Title order={2} size="h4" id="agreements" mb="xs">
          {t('programs.page.agreements')}
        </Title>
        {program.agreements.length === 0 ? (
          <Text>{t('programs.page.noAgreements')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={500}>
            <Table>
              <Table.Tbody>
                {program.agreements.map((agreement) => (
                  <Table.Tr key={agreement.id}>
                    <Table.Td>{localized(agreement.title, language)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`agreementStatus.${agreement.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{agreement.signedOn ? formatDate(agreement.signedOn, language) : t('common.none')}</Table.Td>
                    <Table.Td>{agreement.parties.map((party) => localized(party.name, language)).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="activities">
          <Title order={2} size="h4" id="activities" mb="sm">
            {t('programs.page.activities')}
          </Title>
          {activities.length === 0 ? (
            <Text>{t('programs.page.noActivities')}</Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2}>
              {activities.map((activity) => (
                <Timeline.Item key={activity.id} title={<ActivityTitle activity={activity} language={language} />}>
                  <Text size="sm" c="dimmed">
                    {formatDate(activity.startsOn, language)}
                    {activity.endsOn !== activity.startsOn && ` – ${formatDate(activity.endsOn, language)}`} · {t(`activityKind.${activity.kind}`)} · {t(`activityStatus.${activity.status}`)}
                    {activity.location?.city && ` · ${activity.location.city}`}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="follow-ups">
          <Title order={2} size="h4" id="follow-ups" mb="sm">
            {t('programs.page.followUps')}
          </Title>
          {followUps.length === 0 ? (
            <Text>{t('programs.page.noFollowUps')}</Text>
          ) : (
            <List spacing="xs">
              {followUps.map((followUp) => {
                const overdue = followUp.dueOn !== null && followUp.dueOn < today;
                return (
                  <List.Item key={followUp.id}>
                    <Text>{followUp.description}</Text>
                    <Group gap="xs">
                      {overdue && (
                        <Badge color="red" variant="filled">
                          {t('programs.page.overdue')}
                        </Badge>
                      )}
                      {followUp.dueOn && <Text size="sm">{t('programs.page.dueOn', { date: formatDate(followUp.dueOn, language) })}</Text>}
                      {followUp.owner && (
                        <Text size="sm" c="dimmed">
                          {t('programs.page.owner')}: {localized(followUp.owner.name, language)}
                        </Text>
                      )}
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function ActivityTitle({ activity, language }: { activity: Program['activities']['edges'][number]['node']; language: Language }) {
  return (
    <Anchor component={Link} to={`/activities/${activity.id}`} data-activity-id={activity.id}>
      {localized(activity.title, language)}
    </Anchor>
  );
}
