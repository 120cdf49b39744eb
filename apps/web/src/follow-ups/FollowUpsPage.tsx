import { Button, Card, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import { addDays, todayIso } from '../format/dates';
import { readFragment } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import { OrganizationPicker, type PickedOrganization } from '../organizations/OrganizationPicker';
import { FollowUpCard } from './FollowUpCard';
import { FollowUpFields, FollowUpProgramsQuery, FollowUpsQuery, type FollowUpItem } from './follow-ups.operations';

const SOON_DAYS = 14;
const PAGE = 50;
// An empty section has no FollowUp in its result; this tells the document cache to refetch it
// too when a follow-up changes (a reopened one may belong here now).
const FOLLOW_UP_CONTEXT = { additionalTypenames: ['FollowUp'] };

interface Scope {
  ownerId?: string;
  programId?: string;
}

/**
 * Follow-ups across programs, what needs doing first at the top: overdue (the API's dueBy with
 * the reader's today), due in the next 14 days, then all open, done or dropped with "show more".
 * Filter by owner and program; each follow-up links to its owner, program and activity.
 */
export function FollowUpsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const today = todayIso();
  const [owner, setOwner] = useState<PickedOrganization | null>(null);
  const [programId, setProgramId] = useState<string | null>(null);
  const [{ data: programs }] = useQuery({ query: FollowUpProgramsQuery });
  const scope: Scope = { ownerId: owner?.id, programId: programId ?? undefined };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('followUps.page.title')}</Title>
        <Text c="dimmed">{t('followUps.page.intro')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} maw={760}>
        <OrganizationPicker label={t('followUps.page.owner')} value={owner} onChange={setOwner} />
        <Select
          label={t('followUps.page.program')}
          placeholder={t('followUps.page.anyProgram')}
          clearable
          searchable
          value={programId}
          onChange={setProgramId}
          data={(programs?.programs.edges ?? []).map(({ node }) => ({ value: node.id, label: localized(node.title, language) }))}
        />
      </SimpleGrid>
      <FollowUpSection id="overdue" title={t('followUps.page.overdue')} empty={t('followUps.page.noneOverdue')} filter={{ ...scope, dueBy: today }} today={today} />
      <FollowUpSection
        id="due-soon"
        title={t('followUps.page.dueSoon')}
        empty={t('followUps.page.noneDueSoon')}
        filter={{ ...scope, dueBy: addDays(today, SOON_DAYS) }}
        // The overdue ones are above already.
        keep={(followUp) => followUp.dueOn !== null && followUp.dueOn > today}
        today={today}
      />
      <ByStatus scope={scope} today={today} />
    </Stack>
  );
}

function ByStatus({ scope, today }: { scope: Scope; today: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'OPEN' | 'DONE' | 'DROPPED'>('OPEN');
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('common.status')}
        value={status}
        onChange={(value) => setStatus(value === 'DONE' || value === 'DROPPED' ? value : 'OPEN')}
        data={[
          { value: 'OPEN', label: t('followUps.page.open') },
          { value: 'DONE', label: t('followUpStatus.DONE') },
          { value: 'DROPPED', label: t('followUpStatus.DROPPED') },
        ]}
        w="fit-content"
      />
      <FollowUpSection
        id="by-status"
        title={status === 'OPEN' ? t('followUps.page.open') : t(`followUpStatus.${status}`)}
        empty={status === 'OPEN' ? t('followUps.page.noneOpen') : t('followUps.page.noneClosed')}
        filter={{ ...scope, status }}
        today={today}
      />
    </Stack>
  );
}

interface SectionProps {
  id: string;
  title: string;
  empty: string;
  filter: Scope & { dueBy?: string; status?: 'OPEN' | 'DONE' | 'DROPPED' };
  today: string;
  keep?: (followUp: FollowUpItem) => boolean;
}

/** A titled list of follow-ups, a page at a time: "show more" appends the next page, nothing jumps. */
function FollowUpSection({ id, title, ...list }: SectionProps) {
  // The cursor of each page shown (null: the first); a new filter starts again from the first.
  const key = JSON.stringify(list.filter);
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = pages.key === key ? pages.cursors : [null];
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h4" id={`${id}-title`} mb="xs">
        {title}
      </Title>
      <Stack gap="xs">
        {cursors.map((after, index) => (
          <FollowUpPage key={after ?? 'first'} {...list} after={after} last={index === cursors.length - 1} onMore={(cursor) => setPages({ key, cursors: [...cursors, cursor] })} />
        ))}
      </Stack>
    </Card>
  );
}

function FollowUpPage({ filter, today, empty, keep = () => true, after, last, onMore }: Omit<SectionProps, 'id' | 'title'> & { after: string | null; last: boolean; onMore(cursor: string): void }) {
  const { t } = useTranslation();
  const [result, retry] = useQuery({ query: FollowUpsQuery, variables: { filter, first: PAGE, after: after ?? undefined }, context: useMemo(() => FOLLOW_UP_CONTEXT, []) });
  const page = result.data?.followUps;
  const items = (page?.edges ?? []).map((edge) => readFragment(FollowUpFields, edge.node)).filter(keep);
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={page !== undefined} retry={() => retry({ requestPolicy: 'network-only' })}>
      {after === null && items.length === 0 && <Text>{empty}</Text>}
      {items.map((followUp) => (
        <FollowUpCard key={followUp.id} followUp={followUp} today={today} />
      ))}
      {last && page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <Button variant="light" w="fit-content" onClick={() => page.pageInfo.endCursor && onMore(page.pageInfo.endCursor)}>
          {t('common.loadMore')}
        </Button>
      )}
    </QueryState>
  );
}
