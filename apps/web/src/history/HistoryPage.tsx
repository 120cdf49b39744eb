import { Alert, Anchor, Button, Card, Center, Checkbox, Code, Collapse, Group, Loader, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconBuildingCommunity, IconCalendarEvent, IconChecklist, IconCoin, IconFileCertificate, IconFileDownload, IconFlag } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { localized } from '../app/localized';
import { formatDate, formatDateTime } from '../format/dates';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { AsOfView } from './AsOfView';
import { describeTimeline, eventFamilies, familyOf, organizationIdsIn, type EventFamily } from './describe-event';
import { allHistory, download, lookUpNames, useHistoryPages, useOrganizationNames, type HistoryEvent } from './history-data';
import { HistoryProgramQuery } from './history.operations';
import { LookBack, type LookBackTarget } from './LookBack';
import { timelineCsv } from './timeline-csv';
import { VerifyPanel } from './VerifyPanel';

const familyIcons: Record<EventFamily, ReactNode> = {
  program: <IconFlag size={14} aria-hidden />,
  activity: <IconCalendarEvent size={14} aria-hidden />,
  outcome: <IconCoin size={14} aria-hidden />,
  followUp: <IconChecklist size={14} aria-hidden />,
  agreement: <IconFileCertificate size={14} aria-hidden />,
  organization: <IconBuildingCommunity size={14} aria-hidden />,
};

/**
 * A program's history for auditors and planners: the timeline in words, looking back ("as known
 * on", "as happened by", in the address so a view can be shared), verification and CSV export.
 */
export function HistoryPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const knownOn = params.get('knownOn');
  const happenedBy = params.get('happenedBy');
  const look = (target: LookBackTarget) => setParams(target.knownOn ? { knownOn: target.knownOn } : { happenedBy: target.happenedBy ?? '' });
  const back = () => setParams({});

  if (knownOn || happenedBy) {
    return (
      <Stack gap="lg">
        {/* keyed: a new time is a new view, asked afresh */}
        <AsOfView key={`${knownOn}|${happenedBy}`} programId={id} knownOn={knownOn} happenedBy={happenedBy} onBack={back} />
        <LookBack key={`look-${knownOn}|${happenedBy}`} knownOn={knownOn} happenedBy={happenedBy} onLook={look} />
      </Stack>
    );
  }
  return <HistoryOverview programId={id} onLook={look} />;
}

function HistoryOverview({ programId, onLook }: { programId: string; onLook(target: LookBackTarget): void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [programResult] = useQuery({ query: HistoryProgramQuery, variables: { id: programId } });
  const program = programResult.data?.program;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{program ? t('history.title', { program: localized(program.title, language) }) : t('history.titleNoName')}</Title>
        <Text c="gray.7">{t('history.intro')}</Text>
        <Anchor component={Link} to={`/programs/${programId}`} size="sm">
          {t('history.backToProgram')}
        </Anchor>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <LookBack onLook={onLook} />
        <VerifyPanel programId={programId} />
      </SimpleGrid>
      <HistoryTimeline programId={programId} language={language} onLook={onLook} />
    </Stack>
  );
}

function HistoryTimeline({ programId, language, onLook }: { programId: string; language: Language; onLook(target: LookBackTarget): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const history = useHistoryPages(programId);
  const names = useOrganizationNames(history.events);
  const [families, setFamilies] = useState<string[]>([...eventFamilies]);
  const [exporting, setExporting] = useState<string | null>(null);
  // The wording folds the whole timeline in order (a correction says "from" what came before),
  // whatever the filter shows.
  const descriptions = useMemo(() => describeTimeline(history.events, language, (id) => names.get(id)), [history.events, language, names]);
  const shown = history.events.map((event, index) => ({ event, description: descriptions[index] })).filter(({ event }) => families.includes(familyOf(event.type) ?? ''));

  const exportCsv = async () => {
    setExporting(t('history.exporting'));
    try {
      const events = await allHistory(client, programId);
      const more = await lookUpNames(client, [...new Set(events.flatMap(organizationIdsIn))].filter((id) => !names.has(id)));
      const csv = timelineCsv(events, (id) => names.get(id) ?? more.get(id));
      const file = `program-${programId}-history.csv`;
      download(file, csv, 'text/csv;charset=utf-8');
      setExporting(t('history.exported', { count: events.length, file }));
    } catch (error) {
      setExporting(t('common.error', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="timeline">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="timeline">
          {t('history.timeline')}
        </Title>
        <Button variant="default" leftSection={<IconFileDownload size={16} aria-hidden />} onClick={() => void exportCsv()}>
          {t('history.export')}
        </Button>
      </Group>
      {exporting && (
        <Text size="sm" role="status" mb="xs">
          {exporting}
        </Text>
      )}
      <Checkbox.Group label={t('history.filter')} value={families} onChange={setFamilies} mb="sm">
        <Group gap="md" mt={4}>
          {eventFamilies.map((family) => (
            <Checkbox key={family} value={family} label={t(`history.family.${family}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      {history.events.length > 0 && (
        <Text size="sm" c="gray.7" mb="sm">
          {t('history.count', { count: history.totalCount, shown: history.events.length })}
        </Text>
      )}
      {history.error && (
        <Alert color="red" role="alert" mb="sm" title={t('common.error', { message: history.error })}>
          <Button variant="light" size="xs" onClick={history.retry}>
            {t('common.retry')}
          </Button>
        </Alert>
      )}
      {history.loading && history.events.length === 0 && (
        <Center p="md">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {!history.loading && shown.length === 0 && !history.error && <Text>{t('history.empty')}</Text>}
      <Timeline bulletSize={24} lineWidth={2}>
        {shown.map(({ event, description }) => (
          <Timeline.Item key={event.eventId} bullet={familyIcons[familyOf(event.type) ?? 'program']} title={<Text fw={600}>{description.text}</Text>}>
            <EventDetails event={event} reason={description.reason} language={language} onLook={onLook} />
          </Timeline.Item>
        ))}
      </Timeline>
      {history.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="light" loading={history.loading} onClick={history.showMore}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** When, about when, who, why; the stored event folded open on demand. */
function EventDetails({ event, reason, language, onLook }: { event: HistoryEvent; reason: string | null; language: Language; onLook(target: LookBackTarget): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rawId = `raw-${event.eventId}`;
  // The instant just before this event was recorded: the program without it.
  const before = new Date(new Date(event.recordedAt).getTime() - 1).toISOString();
  return (
    <Stack gap={4} mt={2}>
      <Text size="sm" c="gray.7">
        {t('history.recordedAt', { time: formatDateTime(event.recordedAt, language) })}
        {event.occurredOn && ` · ${t('history.occurredOn', { date: formatDate(event.occurredOn, language) })}`} · {t('history.by', { actor: event.actor })}
      </Text>
      {reason && <Text size="sm">{t('history.reason', { reason })}</Text>}
      <Group gap="xs">
        <Button variant="subtle" size="compact-xs" aria-expanded={open} aria-controls={rawId} onClick={() => setOpen((o) => !o)}>
          {open ? t('history.rawHide') : t('history.raw')}
        </Button>
        <Button variant="subtle" size="compact-xs" onClick={() => onLook({ knownOn: before })}>
          {t('history.knownBefore')}
        </Button>
      </Group>
      <Collapse expanded={open} id={rawId}>
        {open && (
          <Stack gap={4}>
            <Table withTableBorder={false} fz="xs" layout="fixed">
              <Table.Tbody>
                {(
                  [
                    ['type', event.type],
                    ['version', String(event.version)],
                    ['stream', event.streamId],
                    ['position', event.position],
                    ['hash', event.hash],
                    ['schemaVersion', String(event.schemaVersion)],
                  ] as const
                ).map(([key, value]) => (
                  <Table.Tr key={key}>
                    <Table.Th w={140}>{t(`history.rawFields.${key}`)}</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" fw={600}>
              {t('history.rawFields.data')}
            </Text>
            <Code block>{JSON.stringify(event.data, null, 2)}</Code>
          </Stack>
        )}
      </Collapse>
    </Stack>
  );
}
