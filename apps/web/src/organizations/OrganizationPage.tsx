import { Alert, Anchor, Badge, Card, Group, List, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import { FollowUpCard, byUrgency } from '../follow-ups/FollowUpCard';
import { FollowUpFields, FollowUpsQuery } from '../follow-ups/follow-ups.operations';
import { formatDate, formatDateTime, todayIso } from '../format/dates';
import { readFragment, type ResultOf } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { KIND_ICONS } from './activity-kind-icons';
import { OrganizationEdit } from './OrganizationEdit';
import { OrganizationActivitiesQuery, OrganizationProgramsQuery, OrganizationQuery } from './organizations.operations';

type Organization = NonNullable<ResultOf<typeof OrganizationQuery>['organization']>;
type Activity = ResultOf<typeof OrganizationActivitiesQuery>['activities']['edges'][number]['node'];
const ACTIVITY_KINDS = ['MEETING', 'SITE_VISIT', 'FAIR', 'WORKSHOP'] as const;
type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * One organisation: its names, kind, country and parent, the duplicates merged into it (name,
 * when, why), every activity it organised or joined (newest first, by kind), the programs it
 * partners and the follow-ups it owes (open first, overdue marked). Planners rename, update and
 * merge here. A merged duplicate's id answers with the survivor, and the page says so.
 */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const { i18n } = useTranslation();
  const [result, retry] = useQuery({ query: OrganizationQuery, variables: { id } });
  const organization = result.data?.organization;
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={Boolean(organization)} retry={() => retry({ requestPolicy: 'network-only' })}>
      {organization && <OrganizationView organization={organization} askedFor={id} language={currentLanguage(i18n)} />}
    </QueryState>
  );
}

function OrganizationView({ organization, askedFor, language }: { organization: Organization; askedFor: string; language: Language }) {
  const { t } = useTranslation();
  const name = localized(organization.name, language);
  return (
    <Stack gap="lg">
      {askedFor !== organization.id && (
        <Alert color="blue" role="status">
          {t('organizations.page.mergedInto', { name })}
        </Alert>
      )}
      <Stack gap={4}>
        <Group>
          <Title order={1}>{name}</Title>
          <Badge size="lg" variant="light">
            {t(`organizations.kind.${organization.kind}`)}
          </Badge>
        </Group>
        <Group gap="lg">
          <Text size="sm">
            {t('organizations.page.country')}: {organization.country ?? t('common.none')}
          </Text>
          <Text size="sm">
            {t('organizations.page.parent')}:{' '}
            {organization.parent ? (
              <Anchor component={Link} to={`/organizations/${organization.parent.id}`} size="sm">
                {localized(organization.parent.name, language)}
              </Anchor>
            ) : (
              t('common.none')
            )}
          </Text>
        </Group>
        <OrganizationEdit organization={organization} />
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="names">
          <Title order={2} size="h4" id="names" mb="xs">
            {t('organizations.page.names')}
          </Title>
          <Table variant="vertical" withRowBorders={false}>
            <Table.Tbody>
              {(['th', 'en', 'zh'] as const).map((lang) => (
                <Table.Tr key={lang}>
                  <Table.Th w={110}>{t(`organizations.page.name${lang === 'th' ? 'Th' : lang === 'en' ? 'En' : 'Zh'}`)}</Table.Th>
                  <Table.Td lang={lang}>{organization.name[lang] ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder component="section" aria-labelledby="merged">
          <Title order={2} size="h4" id="merged" mb="xs">
            {t('organizations.page.merged')}
          </Title>
          {organization.merged.length === 0 ? (
            <Text>{t('organizations.page.noMerged')}</Text>
          ) : (
            <List spacing="xs">
              {organization.merged.map((duplicate) => (
                <List.Item key={duplicate.id}>
                  <Text fw={500}>{[duplicate.name.th, duplicate.name.en, duplicate.name.zh].filter(Boolean).join(' · ')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('organizations.page.mergedOn', { date: formatDateTime(duplicate.mergedAt, language) })}
                  </Text>
                  <Text size="sm">{t('organizations.page.mergedReason', { reason: duplicate.reason })}</Text>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>

      <OrganizationActivities organizationId={organization.id} language={language} />

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <OrganizationPrograms organizationId={organization.id} mergedIds={organization.merged.map((m) => m.id)} language={language} />
        <OwedFollowUps organizationId={organization.id} />
      </SimpleGrid>
    </Stack>
  );
}

type ActivityPage = { nodes: Activity[]; next: string | null; totalCount: number };

/**
 * Every activity of the organisation, newest first. The API lists oldest first, a page at a
 * time; the pages are read to the end (each loader reports its page) and shown turned round, so
 * the newest meeting is at the top however many there are.
 */
function OrganizationActivities({ organizationId, language }: { organizationId: string; language: Language }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ActivityKind | null>(null);
  const filterKey = `${organizationId}:${kind ?? ''}`;
  const [pages, setPages] = useState<{ key: string; byCursor: Record<string, ActivityPage> }>({ key: filterKey, byCursor: {} });
  const byCursor = pages.key === filterKey ? pages.byCursor : {};
  const report = useCallback((key: string, cursor: string, page: ActivityPage) => setPages((current) => (current.key === key ? { key, byCursor: { ...current.byCursor, [cursor]: page } } : { key, byCursor: { [cursor]: page } })), []);
  // The cursors to load: the first page, then each page's next until there is none.
  const cursors: string[] = [''];
  for (let page = byCursor['']; page?.next; page = byCursor[page.next]) cursors.push(page.next);
  const first = byCursor[''];
  const complete = cursors.every((cursor) => byCursor[cursor]) && !byCursor[cursors.at(-1) ?? '']?.next;
  const activities = complete ? cursors.flatMap((cursor) => byCursor[cursor]?.nodes ?? []).sort((a, b) => b.startsOn.localeCompare(a.startsOn) || b.id.localeCompare(a.id)) : [];
  return (
    <Card withBorder component="section" aria-labelledby="activities">
      <Group justify="space-between" mb="sm" align="end">
        <Stack gap={0}>
          <Title order={2} size="h4" id="activities">
            {t('organizations.page.activities')}
          </Title>
          {first && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('organizations.page.activitiesCount', { count: first.totalCount })}
            </Text>
          )}
        </Stack>
        <Select
          label={t('organizations.list.kind')}
          placeholder={t('organizations.page.anyKind')}
          clearable
          value={kind}
          onChange={(value) => setKind(ACTIVITY_KINDS.find((k) => k === value) ?? null)}
          data={ACTIVITY_KINDS.map((value) => ({ value, label: t(`activityKind.${value}`) }))}
          w={200}
        />
      </Group>
      {cursors.map((cursor) => (
        <ActivityPageLoader key={`${filterKey}/${cursor}`} filterKey={filterKey} organizationId={organizationId} kind={kind} cursor={cursor} report={report} />
      ))}
      {complete &&
        (activities.length === 0 ? (
          <Text>{t('organizations.page.noActivities')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table highlightOnHover>
              <Table.Tbody>
                {activities.map((activity) => {
                  const Icon = KIND_ICONS[activity.kind];
                  return (
                    <Table.Tr key={activity.id} data-activity-id={activity.id}>
                      <Table.Td w={130} style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(activity.startsOn, language)}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Icon size={18} aria-label={t(`activityKind.${activity.kind}`)} role="img" />
                          <Anchor component={Link} to={`/activities/${activity.id}`}>
                            {localized(activity.title, language)}
                          </Anchor>
                        </Group>
                        {activity.program && (
                          <Anchor component={Link} to={`/programs/${activity.program.id}`} size="xs" c="dimmed">
                            {localized(activity.program.title, language)}
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`activityKind.${activity.kind}`)}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`activityStatus.${activity.status}`)}
                          {activity.location?.city && ` · ${activity.location.city}`}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </Card>
  );
}

/** Loads one page of the organisation's activities and reports it; shows only a failure or a spinner. */
function ActivityPageLoader({ filterKey, organizationId, kind, cursor, report }: { filterKey: string; organizationId: string; kind: ActivityKind | null; cursor: string; report(key: string, cursor: string, page: ActivityPage): void }) {
  const [result, retry] = useQuery({
    query: OrganizationActivitiesQuery,
    variables: { filter: { organizationId, kind: kind ?? undefined }, first: 100, after: cursor || undefined },
  });
  const data = result.data?.activities;
  useEffect(() => {
    if (data) report(filterKey, cursor, { nodes: data.edges.map((edge) => edge.node), next: data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null, totalCount: data.totalCount });
  }, [data, filterKey, cursor, report]);
  if (data) return null;
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={false} retry={() => retry({ requestPolicy: 'network-only' })}>
      {null}
    </QueryState>
  );
}

function OrganizationPrograms({ organizationId, mergedIds, language }: { organizationId: string; mergedIds: string[]; language: Language }) {
  const { t } = useTranslation();
  const [result, retry] = useQuery({ query: OrganizationProgramsQuery, variables: { partnerId: organizationId } });
  const programs = result.data?.programs.edges.map((edge) => edge.node);
  const ours = new Set([organizationId, ...mergedIds]);
  return (
    <Card withBorder component="section" aria-labelledby="programs">
      <Title order={2} size="h4" id="programs" mb="xs">
        {t('organizations.page.programs')}
      </Title>
      <QueryState fetching={result.fetching} error={result.error} hasData={programs !== undefined} retry={() => retry({ requestPolicy: 'network-only' })}>
        {programs?.length === 0 ? (
          <Text>{t('organizations.page.noPrograms')}</Text>
        ) : (
          <List spacing="xs">
            {programs?.map((program) => (
              <List.Item key={program.id} icon={<IconCalendarEvent size={16} aria-hidden />}>
                <Anchor component={Link} to={`/programs/${program.id}`}>
                  {localized(program.title, language)}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {program.partners
                    .filter((partner) => ours.has(partner.organization.id))
                    .map((partner) => t(`partnerRole.${partner.role}`))
                    .join(', ')}{' '}
                  · {t(`programStatus.${program.status}`)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </QueryState>
    </Card>
  );
}

/** What it owes: open first (overdue marked), then done or dropped. */
function OwedFollowUps({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const today = todayIso();
  const [result, retry] = useQuery({
    query: FollowUpsQuery,
    variables: { filter: { ownerId: organizationId }, first: 100 },
    context: useMemo(() => ({ additionalTypenames: ['FollowUp'] }), []),
  });
  const followUps = result.data?.followUps.edges.map((edge) => readFragment(FollowUpFields, edge.node)).sort(byUrgency);
  return (
    <Card withBorder component="section" aria-labelledby="owed">
      <Title order={2} size="h4" id="owed" mb="xs">
        {t('organizations.page.followUps')}
      </Title>
      <QueryState fetching={result.fetching} error={result.error} hasData={followUps !== undefined} retry={() => retry({ requestPolicy: 'network-only' })}>
        {followUps?.length === 0 ? (
          <Text>{t('organizations.page.noFollowUps')}</Text>
        ) : (
          <Stack gap="xs">
            {followUps?.map((followUp) => (
              <FollowUpCard key={followUp.id} followUp={followUp} today={today} showOwner={false} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
