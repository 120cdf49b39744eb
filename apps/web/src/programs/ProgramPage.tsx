import { ActionIcon, Anchor, Badge, Button, Card, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBroadcast, IconPlus, IconX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { RecordAgreementForm, type RecordedAgreement } from '../agreements/AgreementForms';
import { AgreementStatusBadge } from '../agreements/AgreementStatusBadge';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import { useViewer } from '../app/viewer';
import { formatDate, todayIso } from '../format/dates';
import { formatMoney, formatQuantity } from '../format/money';
import type { ResultOf } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { ActivityTimeline } from './ActivityTimeline';
import { AddPartnerForm, ChangeStatusForm, CorrectProgramForm, NEXT_STATUSES, RemovePartnerForm } from './ProgramActions';
import { ProgramQuery, type ProgramViewFields } from './programs.operations';
import { useProgramLive } from './useProgramLive';

type Program = ResultOf<typeof ProgramViewFields>;
type Partner = Program['partners'][number];
/** The planner dialog open on this page, if any. */
type Action = { kind: 'addPartner' } | { kind: 'removePartner'; partner: Partner } | { kind: 'status' } | { kind: 'correct' } | { kind: 'recordAgreement' };

const DAY_MS = 24 * 60 * 60 * 1000;

/** One program: header, partners by role, totals, agreements, activities by date, open follow-ups; live. */
export function ProgramPage() {
  const { id = '' } = useParams();
  const { i18n } = useTranslation();
  const [result, reexecute] = useQuery({ query: ProgramQuery, variables: { id } });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const updated = useProgramLive(id, refresh);
  const program = result.data?.program;
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={Boolean(program)} retry={refresh}>
      {program && <ProgramView program={program} language={currentLanguage(i18n)} refresh={refresh} updated={updated} />}
    </QueryState>
  );
}

/**
 * The program as the page shows it. Live (with `refresh`): the actions the viewer may take and the
 * live-update line. Without it, a past state, read-only: the history's as-of views show it so.
 */
export function ProgramView({ program, language, refresh, updated = false }: { program: Program; language: Language; refresh?(): void; updated?: boolean }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const live = refresh !== undefined;
  const [action, setAction] = useState<Action | null>(null);
  const [saved, setSaved] = useState<RecordedAgreement | 'program' | null>(null);
  const today = todayIso();
  const activities = program.activities.edges.map((edge) => edge.node).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  // Overdue first, then by due date; undated last.
  const followUps = [...program.followUps].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  const overdueCount = followUps.filter((followUp) => followUp.dueOn !== null && followUp.dueOn < today).length;
  // Completed and cancelled programs are final: their partners no longer change (the api refuses).
  const open = NEXT_STATUSES[program.status].length > 0;
  const may = {
    addPartner: live && open && viewer.may('Mutation.addProgramPartner'),
    removePartner: live && open && viewer.may('Mutation.removeProgramPartner'),
    changeStatus: live && open && viewer.may('Mutation.changeProgramStatus'),
    correct: live && viewer.may('Mutation.correctProgram'),
    recordAgreement: live && viewer.may('Mutation.recordAgreement'),
    logActivity: live && viewer.may('Mutation.logActivity'),
  };
  const close = () => setAction(null);
  const savedProgram = () => {
    setAction(null);
    setSaved('program');
  };
  const formProps = { program, onClose: close, onSaved: savedProgram, refresh: refresh ?? (() => undefined) };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group>
          <Title order={1}>{localized(program.title, language)}</Title>
          <Badge size="lg" variant="light">
            {t(`programStatus.${program.status}`)}
          </Badge>
          {viewer.may('Query.programHistory') && (
            <Anchor component={Link} to={`/programs/${program.id}/history`}>
              {t('history.link')}
            </Anchor>
          )}
        </Group>
        {language === 'th' && program.title.en && <Text c="dimmed">{program.title.en}</Text>}
        {language === 'en' && program.title.th && <Text c="dimmed">{program.title.th}</Text>}
        {program.startedOn && <Text size="sm">{t('programs.page.startedOn', { date: formatDate(program.startedOn, language) })}</Text>}
        {program.summary && <Text>{program.summary}</Text>}
        {may.logActivity && (
          <Group>
            <Button component={Link} to={`/activities/new?programId=${program.id}`} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('activities.logHere')}
            </Button>
          </Group>
        )}
        {live && (
          <Group gap={6}>
            <IconBroadcast size={16} aria-hidden />
            <Text size="xs" c="dimmed">
              {t('programs.page.live')}
            </Text>
            {/* Always in the page, so screen readers announce the words when a signal fills it. */}
            <Text size="xs" fw={600} c="teal.9" role="status" aria-live="polite">
              {updated ? t('programs.page.updated') : ''}
            </Text>
          </Group>
        )}
      </Stack>

      {/* Planner actions on the program itself; offered only when the viewer's roles allow them. */}
      {(may.changeStatus || may.correct) && (
        <Group gap="xs">
          {may.changeStatus && (
            <Button variant="default" onClick={() => setAction({ kind: 'status' })}>
              {t('programs.actions.changeStatus')}
            </Button>
          )}
          {may.correct && (
            <Button variant="default" onClick={() => setAction({ kind: 'correct' })}>
              {t('programs.actions.correct')}
            </Button>
          )}
        </Group>
      )}
      <SavedNotice saved={saved} language={language} />

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="partners">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="partners">
              {t('programs.page.partners')}
            </Title>
            {may.addPartner && (
              <Button size="xs" variant="light" onClick={() => setAction({ kind: 'addPartner' })}>
                {t('programs.actions.addPartner')}
              </Button>
            )}
          </Group>
          {program.partners.length === 0 ? (
            <Text>{t('programs.page.noPartners')}</Text>
          ) : (
            <List spacing={4}>
              {program.partners.map((partner) => (
                <List.Item key={partner.organization.id}>
                  <Group gap={6} wrap="nowrap">
                    <Text span>
                      {localized(partner.organization.name, language)} · <Text span c="dimmed">{t(`partnerRole.${partner.role}`)}</Text>
                      {partner.joinedOn && (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          ({t('programs.page.joinedOn', { date: formatDate(partner.joinedOn, language) })})
                        </Text>
                      )}
                    </Text>
                    {may.removePartner && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={t('programs.actions.removePartnerOf', { name: localized(partner.organization.name, language) })}
                        onClick={() => setAction({ kind: 'removePartner', partner })}
                      >
                        <IconX size={14} />
                      </ActionIcon>
                    )}
                  </Group>
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
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="agreements">
            {t('programs.page.agreements')}
          </Title>
          {may.recordAgreement && (
            <Button size="xs" variant="light" onClick={() => setAction({ kind: 'recordAgreement' })}>
              {t('agreements.actions.record')}
            </Button>
          )}
        </Group>
        {program.agreements.length === 0 ? (
          <Text>{t('programs.page.noAgreements')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('programs.page.agreements')}</Table.Th>
                  <Table.Th>{t('agreements.page.status')}</Table.Th>
                  <Table.Th>{t('agreements.page.signedOn')}</Table.Th>
                  <Table.Th>{t('agreements.page.expiresOn')}</Table.Th>
                  <Table.Th>{t('agreements.page.parties')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {program.agreements.map((agreement) => (
                  <Table.Tr key={agreement.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/agreements/${agreement.id}`}>
                        {localized(agreement.title, language)}
                      </Anchor>
                    </Table.Td>
                    {/* Wide enough for the badge: Mantine's badge label would otherwise shrink to "DRA…". */}
                    <Table.Td miw={120}>
                      <AgreementStatusBadge status={agreement.status} />
                    </Table.Td>
                    <Table.Td>{agreement.signedOn ? formatDate(agreement.signedOn, language) : t('common.none')}</Table.Td>
                    <Table.Td>
                      {agreement.terminatedOn
                        ? `${t('agreements.page.terminatedOn')} ${formatDate(agreement.terminatedOn, language)}`
                        : agreement.expiresOn
                          ? formatDate(agreement.expiresOn, language)
                          : t('common.none')}
                    </Table.Td>
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
          <ActivityTimeline activities={activities} language={language} />
        </Card>
        <Card withBorder component="section" aria-labelledby="follow-ups">
          <Group mb="sm" gap="xs">
            <Title order={2} size="h4" id="follow-ups">
              {t('programs.page.followUps')}
            </Title>
            {overdueCount > 0 && (
              <Badge color="red" variant="light">
                {t('programs.page.overdueCount', { count: overdueCount })}
              </Badge>
            )}
          </Group>
          {followUps.length === 0 ? (
            <Text>{t('programs.page.noFollowUps')}</Text>
          ) : (
            <Stack gap="xs">
              {followUps.map((followUp) => {
                const overdue = followUp.dueOn !== null && followUp.dueOn < today;
                const daysLate = followUp.dueOn ? Math.round((Date.parse(today) - Date.parse(followUp.dueOn)) / DAY_MS) : 0;
                return (
                  // Not an Alert: role="alert" would interrupt a screen reader for every overdue item on load.
                  <Paper
                    key={followUp.id}
                    withBorder
                    p="xs"
                    bg={overdue ? 'red.0' : undefined}
                    style={overdue ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}
                    data-overdue={overdue || undefined}
                  >
                    <Text>{followUp.description}</Text>
                    <Group gap="xs">
                      {overdue && followUp.dueOn ? (
                        <Text size="sm" fw={700} c="red.9">
                          <IconAlertTriangle size={14} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} />
                          {t('programs.page.overdueBy', { count: daysLate, date: formatDate(followUp.dueOn, language) })}
                        </Text>
                      ) : (
                        followUp.dueOn && <Text size="sm">{t('programs.page.dueOn', { date: formatDate(followUp.dueOn, language) })}</Text>
                      )}
                      {followUp.owner && (
                        <Text size="sm" c="dimmed">
                          {t('programs.page.owner')}: {localized(followUp.owner.name, language)}
                        </Text>
                      )}
                    </Group>
                  </Paper>
                );
              })}
            </Stack>
          )}
        </Card>
      </SimpleGrid>

      {action?.kind === 'addPartner' && <AddPartnerForm {...formProps} />}
      {action?.kind === 'removePartner' && <RemovePartnerForm {...formProps} partner={action.partner} />}
      {action?.kind === 'status' && <ChangeStatusForm {...formProps} />}
      {action?.kind === 'correct' && <CorrectProgramForm {...formProps} />}
      {action?.kind === 'recordAgreement' && (
        <RecordAgreementForm
          programId={program.id}
          onClose={close}
          onSaved={(agreement) => {
            setAction(null);
            setSaved(agreement);
          }}
        />
      )}
    </Stack>
  );
}

/** What the last save did, with a link to a new agreement: announced politely, kept until the next. */
function SavedNotice({ saved, language }: { saved: RecordedAgreement | 'program' | null; language: Language }) {
  const { t } = useTranslation();
  return (
    <Text role="status" size="sm" c="teal.9">
      {saved === 'program' && t('programs.actions.saved')}
      {saved && saved !== 'program' && (
        <>
          {t('agreements.actions.saved', { title: localized(saved.title, language) })}{' '}
          <Anchor component={Link} to={`/agreements/${saved.id}`}>
            {t('agreements.actions.openSaved')}
          </Anchor>
        </>
      )}
    </Text>
  );
}
