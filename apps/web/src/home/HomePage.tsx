import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import { useViewer } from '../app/viewer';
import { FollowUpCard } from '../follow-ups/FollowUpCard';
import { FollowUpFields, FollowUpsQuery } from '../follow-ups/follow-ups.operations';
import { formatDate, todayIso } from '../format/dates';
import { readFragment, type VariablesOf } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import { KIND_ICONS } from '../organizations/activity-kind-icons';
import { HomeActivitiesQuery, HomeProgramsQuery, HomeVerifyQuery } from './home.operations';

const LATEST = 5;
const STATUSES = ['PROPOSED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] as const;

/**
 * Where each person starts, by role: a diplomat sees the latest activities and the open
 * follow-ups, with "Log an activity"; a planner (and an admin) programs at a glance and what is
 * overdue; an auditor the way to each program's history and the store's verification.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { name, roles, may } = useViewer();
  const diplomat = roles.includes('DIPLOMAT');
  const planner = roles.includes('PLANNER') || roles.includes('ADMIN');
  const auditor = roles.includes('AUDITOR');
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('home.title', { name })}</Title>
        {may('Mutation.logActivity') && (
          <Button component={Link} to="/activities/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('home.logActivity')}
          </Button>
        )}
      </Group>
      {diplomat && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <LatestActivities />
          <FollowUpsBlock id="home-open" title={t('home.openFollowUps')} empty={t('home.noOpenFollowUps')} filter={{ status: 'OPEN' }} />
        </SimpleGrid>
      )}
      {planner && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ProgramsAtAGlance />
          <FollowUpsBlock id="home-overdue" title={t('home.overdue')} empty={t('home.noneOverdue')} filter={{ dueBy: todayIso() }} />
        </SimpleGrid>
      )}
      {auditor && <AuditBlock />}
    </Stack>
  );
}

function LatestActivities() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [result, retry] = useQuery({ query: HomeActivitiesQuery });
  const activities = result.data?.activities.edges.map((edge) => edge.node);
  const latest = activities && [...activities].sort((a, b) => b.startsOn.localeCompare(a.startsOn) || b.id.localeCompare(a.id)).slice(0, LATEST);
  return (
    <Card withBorder component="section" aria-labelledby="home-activities">
      <Title order={2} size="h4" id="home-activities" mb="xs">
        {t('home.latestActivities')}
      </Title>
      <QueryState fetching={result.fetching} error={result.error} hasData={latest !== undefined} retry={() => retry({ requestPolicy: 'network-only' })}>
        {latest?.length === 0 ? (
          <Text>{t('home.noActivities')}</Text>
        ) : (
          <List spacing="xs" listStyleType="none" ml={0}>
            {latest?.map((activity) => {
              const Icon = KIND_ICONS[activity.kind];
              return (
                <List.Item key={activity.id}>
                  <Group gap="xs" wrap="nowrap" align="start">
                    <Icon size={18} aria-label={t(`activityKind.${activity.kind}`)} role="img" />
                    <Stack gap={0}>
                      <Anchor component={Link} to={`/activities/${activity.id}`}>
                        {localized(activity.title, language)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {formatDate(activity.startsOn, language)} · {t(`activityStatus.${activity.status}`)}
                        {activity.program && ` · ${localized(activity.program.title, language)}`}
                      </Text>
                    </Stack>
                  </Group>
                </List.Item>
              );
            })}
          </List>
        )}
      </QueryState>
    </Card>
  );
}

function FollowUpsBlock({ id, title, empty, filter }: { id: string; title: string; empty: string; filter: NonNullable<VariablesOf<typeof FollowUpsQuery>['filter']> }) {
  const { t } = useTranslation();
  const today = todayIso();
  const [result, retry] = useQuery({ query: FollowUpsQuery, variables: { filter, first: LATEST }, context: useMemo(() => ({ additionalTypenames: ['FollowUp'] }), []) });
  const page = result.data?.followUps;
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {page && page.totalCount > 0 && <Badge variant="light">{page.totalCount}</Badge>}
      </Group>
      <QueryState fetching={result.fetching} error={result.error} hasData={page !== undefined} retry={() => retry({ requestPolicy: 'network-only' })}>
        {page?.edges.length === 0 ? (
          <Text>{empty}</Text>
        ) : (
          <Stack gap="xs">
            {page?.edges.map((edge) => {
              const followUp = readFragment(FollowUpFields, edge.node);
              return <FollowUpCard key={followUp.id} followUp={followUp} today={today} />;
            })}
          </Stack>
        )}
        <Anchor component={Link} to="/follow-ups" size="sm" mt="xs" display="block">
          {t('home.allFollowUps')}
        </Anchor>
      </QueryState>
    </Card>
  );
}

function ProgramsAtAGlance() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [result, retry] = useQuery({ query: HomeProgramsQuery });
  const programs = result.data?.programs;
  const nodes = programs?.edges.map((edge) => edge.node) ?? [];
  const latest = [...nodes].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, LATEST);
  return (
    <Card withBorder component="section" aria-labelledby="home-programs">
      <Title order={2} size="h4" id="home-programs" mb="xs">
        {t('home.programs')}
      </Title>
      <QueryState fetching={result.fetching} error={result.error} hasData={programs !== undefined} retry={() => retry({ requestPolicy: 'network-only' })}>
        <Text size="sm" mb="xs">
          {t('home.programCount', { count: programs?.totalCount ?? 0 })}
        </Text>
        <Group gap="xs" mb="sm" aria-label={t('common.status')} role="list">
          {STATUSES.map((status) => {
            const count = nodes.filter((node) => node.status === status).length;
            return count === 0 ? null : (
              <Badge key={status} variant="light" size="lg" role="listitem">
                {t(`programStatus.${status}`)}: {count}
              </Badge>
            );
          })}
        </Group>
        <Title order={3} size="h6" mb={4}>
          {t('home.latestPrograms')}
        </Title>
        <List spacing={4}>
          {latest.map((program) => (
            <List.Item key={program.id}>
              <Anchor component={Link} to={`/programs/${program.id}`}>
                {localized(program.title, language)}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {t(`programStatus.${program.status}`)}
                {program.startedOn && ` · ${formatDate(program.startedOn, language)}`}
              </Text>
            </List.Item>
          ))}
        </List>
        <Anchor component={Link} to="/programs" size="sm" mt="xs" display="block">
          {t('home.allPrograms')}
        </Anchor>
      </QueryState>
    </Card>
  );
}

/** Small on purpose: the audit screens are elsewhere; here the way in and the store's state. */
function AuditBlock() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [programs] = useQuery({ query: HomeProgramsQuery });
  const [verify, again] = useQuery({ query: HomeVerifyQuery, requestPolicy: 'network-only' });
  const report = verify.data?.verifyHistory;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder component="section" aria-labelledby="home-verify">
        <Title order={2} size="h4" id="home-verify" mb="xs">
          {t('home.verify')}
        </Title>
        <QueryState fetching={verify.fetching} error={verify.error} hasData={report !== undefined} retry={() => again({ requestPolicy: 'network-only' })}>
          {report && (
            <Alert
              color={report.ok ? 'green' : 'red'}
              role="status"
              icon={report.ok ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
            >
              {report.ok
                ? t('home.verifyOk', { events: report.eventsChecked, streams: report.streamsChecked })
                : report.firstBrokenPosition
                  ? t('home.verifyBroken', { count: report.problemCount, position: report.firstBrokenPosition })
                  : t('home.verifyBrokenNoPosition', { count: report.problemCount })}
            </Alert>
          )}
          <Button variant="light" size="xs" mt="xs" onClick={() => again({ requestPolicy: 'network-only' })} loading={verify.fetching}>
            {t('home.verifyAgain')}
          </Button>
        </QueryState>
      </Card>
      <Card withBorder component="section" aria-labelledby="home-history">
        <Title order={2} size="h4" id="home-history" mb="xs">
          {t('home.history')}
        </Title>
        <List spacing={4}>
          {programs.data?.programs.edges.map(({ node }) => (
            <List.Item key={node.id}>
              <Anchor component={Link} to={`/programs/${node.id}/history`}>
                {localized(node.title, language)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Card>
    </SimpleGrid>
  );
}
