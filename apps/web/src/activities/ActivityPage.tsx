import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconBan, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import { useViewer } from '../app/viewer';
import { formatDate, todayIso } from '../format/dates';
import { formatMoney, formatQuantity } from '../format/money';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { ActivityQuery, CancelActivityMutation, CorrectActivityMutation } from './activities.operations';
import { ActivityFields, KindIcon } from './ActivityFields';
import { correctionInput, fromActivity, validateActivity, type Activity, type ActivityFormValues } from './activity-form';
import { AddFollowUpForm, CloseFollowUpForm, ReopenFollowUpForm, UpdateFollowUpForm, type FollowUp } from './FollowUpForms';
import { FormButtons } from '../forms/FormButtons';
import { FormAlert, ReasonField, ReasonOnlyForm, useSave } from './forms';
import { addDecimals } from './outcome-input';
import { CorrectOutcomeForm, RecordOutcomeForm, VoidOutcomeForm, type Outcome } from './OutcomeForms';

/** One activity: everything recorded about it, its outcomes and follow-ups, and what the viewer may do. */
export function ActivityPage() {
  const { id = '' } = useParams();
  const { i18n } = useTranslation();
  const [result, refetch] = useQuery({ query: ActivityQuery, variables: { id } });
  const activity = result.data?.activity;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={Boolean(activity)} retry={reload}>
      {activity && <ActivityView activity={activity} language={currentLanguage(i18n)} reload={reload} />}
    </QueryState>
  );
}

/** Which inline form is open: one at a time, so the page stays readable. */
type Open = null | 'correct' | 'cancel' | 'record' | 'addFollowUp' | `${'correctOutcome' | 'voidOutcome' | 'close' | 'update' | 'reopen'}:${string}`;

function ActivityView({ activity, language, reload }: { activity: Activity; language: Language; reload(): void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const today = todayIso();
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
    reload();
  };
  const toggle = (form: Open) => {
    setNotice(null);
    setOpen((current) => (current === form ? null : form));
  };
  const title = localized(activity.title, language);
  const others = (['th', 'en', 'zh'] as const).filter((l) => activity.title[l] && activity.title[l] !== title).map((l) => activity.title[l]);
  const place = [activity.location?.venue, activity.location?.city, activity.location?.country].filter(Boolean).join(', ');
  const cancelled = activity.status === 'CANCELLED';

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm">
          <KindIcon kind={activity.kind} size={28} />
          <Title order={1}>{title}</Title>
        </Group>
        <Group gap="xs">
          <Badge variant="light">{t(`activityKind.${activity.kind}`)}</Badge>
          <Badge variant={cancelled ? 'filled' : 'light'} color={cancelled ? 'red' : activity.status === 'PLANNED' ? 'blue' : 'teal'}>
            {t(`activityStatus.${activity.status}`)}
          </Badge>
        </Group>
        {others.length > 0 && (
          <Text c="dimmed" aria-label={t('activities.page.titleIn')}>
            {others.join(' · ')}
          </Text>
        )}
      </Stack>

      {notice && (
        <Text role="status" c="teal.9" fw={600}>
          {notice}
        </Text>
      )}

      <Card withBorder>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Detail label={t('activities.page.when')}>
            {formatDate(activity.startsOn, language)}
            {activity.endsOn !== activity.startsOn && ` – ${formatDate(activity.endsOn, language)}`}
          </Detail>
          <Detail label={t('activities.page.place')}>{place || t('common.none')}</Detail>
          <Detail label={t('activities.page.program')}>
            {activity.program ? (
              <Anchor component={Link} to={`/programs/${activity.program.id}`}>
                {localized(activity.program.title, language)}
              </Anchor>
            ) : (
              t('activities.page.noProgram')
            )}
          </Detail>
          <Detail label={t('activities.page.organizers')}>{activity.organizers.map((o) => localized(o.name, language)).join(', ') || t('common.none')}</Detail>
          <Detail label={t('activities.page.topics')}>
            {activity.topics.length === 0 ? (
              t('common.none')
            ) : (
              <Group gap={4}>
                {activity.topics.map((topic) => (
                  <Badge key={topic} variant="outline" tt="none">
                    {topic}
                  </Badge>
                ))}
              </Group>
            )}
          </Detail>
          <Detail label={t('activities.page.summary')}>{activity.summary || t('common.none')}</Detail>
        </SimpleGrid>
        <Title order={2} size="h5" mt="md" mb={4}>
          {t('activities.page.participants')}
        </Title>
        {activity.participants.length === 0 ? (
          <Text>{t('activities.page.none')}</Text>
        ) : (
          <List spacing={4}>
            {activity.participants.map((participant, index) => (
              <List.Item key={index}>
                <Text span fw={600}>
                  {localized(participant.name, language)}
                </Text>
                {participant.position && localized(participant.position, language) && <Text span>{`, ${localized(participant.position, language)}`}</Text>}
                {participant.organization && <Text span c="dimmed">{` · ${localized(participant.organization.name, language)}`}</Text>}
              </List.Item>
            ))}
          </List>
        )}
      </Card>

      {(viewer.may('Mutation.correctActivity') || (viewer.may('Mutation.cancelActivity') && !cancelled)) && (
        <Stack component="section" aria-labelledby="activity-actions">
          <Title order={2} size="h4" id="activity-actions">
            {t('activities.page.actions')}
          </Title>
          <Group>
            {viewer.may('Mutation.correctActivity') && (
              <Button variant={open === 'correct' ? 'filled' : 'light'} leftSection={<IconPencil size={16} aria-hidden />} onClick={() => toggle('correct')} aria-expanded={open === 'correct'}>
                {t('activities.page.correct')}
              </Button>
            )}
            {viewer.may('Mutation.cancelActivity') && !cancelled && (
              <Button variant={open === 'cancel' ? 'filled' : 'light'} color="red" leftSection={<IconBan size={16} aria-hidden />} onClick={() => toggle('cancel')} aria-expanded={open === 'cancel'}>
                {t('activities.page.cancel')}
              </Button>
            )}
          </Group>
          {open === 'correct' && <CorrectActivityForm activity={activity} today={today} onDone={() => done(t('activities.page.corrected'))} onClose={() => setOpen(null)} onReload={reload} />}
          {open === 'cancel' && <CancelActivityForm activity={activity} onDone={() => done(t('activities.page.cancelled'))} onClose={() => setOpen(null)} onReload={reload} />}
        </Stack>
      )}

      <OutcomesSection activity={activity} language={language} open={open} toggle={toggle} close={() => setOpen(null)} done={done} reload={reload} />
      <FollowUpsSection activity={activity} language={language} today={today} open={open} toggle={toggle} close={() => setOpen(null)} done={done} reload={reload} />
    </Stack>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

interface SectionProps {
  activity: Activity;
  language: Language;
  open: Open;
  toggle(form: Open): void;
  close(): void;
  done(message: string): void;
  reload(): void;
}

function outcomeFigure(outcome: Outcome, language: Language, none: string): string {
  if (outcome.amount != null) return formatMoney(outcome.amount, outcome.currency, language);
  if (outcome.quantity != null) return formatQuantity(outcome.quantity, language);
  return none;
}

function OutcomesSection({ activity, language, open, toggle, close, done, reload }: SectionProps) {
  const { t } = useTranslation();
  const viewer = useViewer();
  // Totals by kind and currency, exactly (decimal strings), leaving voided outcomes out.
  const totals = new Map<string, { kind: Outcome['kind']; currency: string | null; amount: string | null; quantity: number | null }>();
  for (const outcome of activity.outcomes.filter((o) => !o.voided)) {
    const key = `${outcome.kind}:${outcome.currency ?? ''}`;
    const total = totals.get(key) ?? { kind: outcome.kind, currency: outcome.currency, amount: null, quantity: null };
    if (outcome.amount != null) total.amount = total.amount === null ? outcome.amount : addDecimals(total.amount, outcome.amount);
    if (outcome.quantity != null) total.quantity = (total.quantity ?? 0) + outcome.quantity;
    totals.set(key, total);
  }
  const label = (outcome: Outcome) => `${t(`outcomeKind.${outcome.kind}`)} ${outcomeFigure(outcome, language, '')}`.trim();
  return (
    <Card withBorder component="section" aria-labelledby="outcomes">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="outcomes">
          {t('activities.outcomes.title')}
        </Title>
        {viewer.may('Mutation.recordOutcome') && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => toggle('record')} aria-expanded={open === 'record'}>
            {t('activities.outcomes.record')}
          </Button>
        )}
      </Group>
      {open === 'record' &&
        (activity.program ? (
          <Card withBorder mb="md">
            <RecordOutcomeForm activityId={activity.id} programId={activity.program.id} onSaved={() => done(t('activities.outcomes.saved'))} onClose={close} />
          </Card>
        ) : (
          <Text mb="md">{t('activities.outcomes.needsProgram')}</Text>
        ))}
      {activity.outcomes.length === 0 ? (
        <Text>{t('activities.outcomes.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table>
            <Table.Tbody>
              {activity.outcomes.map((outcome) => (
                <OutcomeRow key={outcome.id} outcome={outcome} language={language} label={label(outcome)} open={open} toggle={toggle} close={close} done={done} reload={reload} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {totals.size > 0 && (
        <Text size="sm" mt="sm">
          {t('activities.outcomes.total')}:{' '}
          {[...totals.values()].map((total) => `${t(`outcomeKind.${total.kind}`)} ${total.amount !== null ? formatMoney(total.amount, total.currency, language) : formatQuantity(total.quantity ?? 0, language)}`).join(' · ')}
        </Text>
      )}
      {activity.outcomes.some((o) => o.voided) && (
        <Text size="sm" c="dimmed">
          {t('activities.outcomes.voidedNote')}
        </Text>
      )}
    </Card>
  );
}

function OutcomeRow({ outcome, language, label, open, toggle, close, done, reload }: { outcome: Outcome; language: Language; label: string } & Omit<SectionProps, 'activity'>) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const struck = outcome.voided ? { textDecoration: 'line-through' } : undefined;
  return (
    <>
      <Table.Tr data-outcome-id={outcome.id}>
        <Table.Td style={struck}>{t(`outcomeKind.${outcome.kind}`)}</Table.Td>
        <Table.Td style={struck} fw={600}>
          {outcomeFigure(outcome, language, t('common.none'))}
        </Table.Td>
        <Table.Td style={struck}>{outcome.description}</Table.Td>
        <Table.Td>
          {outcome.voided ? (
            <Badge color="gray">{t('activities.outcomes.voided')}</Badge>
          ) : (
            <Group gap="xs" wrap="nowrap">
              {viewer.may('Mutation.correctOutcome') && (
                <Button size="compact-xs" variant="subtle" aria-label={t('activities.outcomes.actionsFor', { action: t('activities.outcomes.correct'), outcome: label })} onClick={() => toggle(`correctOutcome:${outcome.id}`)}>
                  {t('activities.outcomes.correct')}
                </Button>
              )}
              {viewer.may('Mutation.voidOutcome') && (
                <Button size="compact-xs" variant="subtle" color="red" aria-label={t('activities.outcomes.actionsFor', { action: t('activities.outcomes.void'), outcome: label })} onClick={() => toggle(`voidOutcome:${outcome.id}`)}>
                  {t('activities.outcomes.void')}
                </Button>
              )}
            </Group>
          )}
        </Table.Td>
      </Table.Tr>
      {(open === `correctOutcome:${outcome.id}` || open === `voidOutcome:${outcome.id}`) && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <Title order={3} size="h5" mb="xs">
              {open.startsWith('correct') ? t('activities.outcomes.correctTitle') : t('activities.outcomes.voidTitle')}
            </Title>
            {open.startsWith('correct') ? (
              <CorrectOutcomeForm outcome={outcome} onDone={() => done(t('activities.page.corrected'))} onClose={close} onReload={reload} />
            ) : (
              <VoidOutcomeForm outcome={outcome} onDone={() => done(t('activities.outcomes.voided'))} onClose={close} onReload={reload} />
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function FollowUpsSection({ activity, language, today, open, toggle, close, done, reload }: SectionProps & { today: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  // Open ones first, overdue at the top, then by due date.
  const followUps = [...activity.followUps].sort((a, b) => Number(a.status !== 'OPEN') - Number(b.status !== 'OPEN') || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  return (
    <Card withBorder component="section" aria-labelledby="follow-ups">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="follow-ups">
          {t('activities.followUps.title')}
        </Title>
        {viewer.may('Mutation.addFollowUp') && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => toggle('addFollowUp')} aria-expanded={open === 'addFollowUp'}>
            {t('activities.followUps.add')}
          </Button>
        )}
      </Group>
      {open === 'addFollowUp' && (
        <Card withBorder mb="md">
          <AddFollowUpForm activityId={activity.id} onSaved={() => done(t('activities.followUps.saved'))} onClose={close} />
        </Card>
      )}
      {followUps.length === 0 ? (
        <Text>{t('activities.followUps.none')}</Text>
      ) : (
        <Stack gap="sm">
          {followUps.map((followUp) => (
            <FollowUpItem key={followUp.id} followUp={followUp} language={language} today={today} open={open} toggle={toggle} close={close} done={done} reload={reload} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function FollowUpItem({ followUp, language, today, open, toggle, close, done, reload }: { followUp: FollowUp; language: Language; today: string } & Omit<SectionProps, 'activity' | 'language'>) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const overdue = followUp.status === 'OPEN' && followUp.dueOn !== null && followUp.dueOn < today;
  const name = followUp.description;
  const action = (key: 'close' | 'update' | 'reopen', operation: 'closeFollowUp' | 'updateFollowUp' | 'reopenFollowUp') =>
    viewer.may(`Mutation.${operation}`) && (
      <Button size="compact-xs" variant="subtle" aria-label={t('activities.followUps.actionsFor', { action: t(`activities.followUps.${key}`), followUp: name })} onClick={() => toggle(`${key}:${followUp.id}`)}>
        {t(`activities.followUps.${key}`)}
      </Button>
    );
  return (
    <div data-follow-up-id={followUp.id}>
      <Text>{followUp.description}</Text>
      <Group gap="xs">
        <Badge variant="light" color={followUp.status === 'OPEN' ? 'blue' : 'gray'}>
          {t(`followUpStatus.${followUp.status}`)}
        </Badge>
        {overdue && (
          <Badge color="red" variant="filled">
            {t('activities.followUps.overdue')}
          </Badge>
        )}
        {followUp.dueOn && <Text size="sm">{t('activities.followUps.due', { date: formatDate(followUp.dueOn, language) })}</Text>}
        {followUp.owner && (
          <Text size="sm" c="dimmed">
            {t('activities.followUps.owner')}: {localized(followUp.owner.name, language)}
          </Text>
        )}
        {followUp.status === 'OPEN' ? (
          <>
            {action('close', 'closeFollowUp')}
            {action('update', 'updateFollowUp')}
          </>
        ) : (
          action('reopen', 'reopenFollowUp')
        )}
      </Group>
      {open === `close:${followUp.id}` && <CloseFollowUpForm followUp={followUp} onDone={() => done(t('activities.followUps.closeTitle'))} onClose={close} onReload={reload} />}
      {open === `update:${followUp.id}` && <UpdateFollowUpForm followUp={followUp} onDone={() => done(t('activities.followUps.updateTitle'))} onClose={close} onReload={reload} />}
      {open === `reopen:${followUp.id}` && <ReopenFollowUpForm followUp={followUp} onDone={() => done(t('activities.followUps.reopenTitle'))} onClose={close} onReload={reload} />}
    </div>
  );
}

/** Correct the activity: the same fields as logging it, filled with what is recorded, and a reason. */
function CorrectActivityForm({ activity, today, onDone, onClose, onReload }: { activity: Activity; today: string; onDone(): void; onClose(): void; onReload(): void }) {
  const { t } = useTranslation();
  const command = useSave(CorrectActivityMutation);
  const [values, setValues] = useState<ActivityFormValues>(() => fromActivity(activity));
  const [reason, setReason] = useState('');
  const [own, setOwn] = useState<Record<string, string>>({});
  const [nothing, setNothing] = useState(false);
  const submit = async () => {
    const messages: Record<string, string> = Object.fromEntries(Object.entries(validateActivity(values)).map(([field, key]) => [field, t(`activities.errors.${key}`)]));
    if (!reason.trim()) messages.reason = t('activities.errors.reasonRequired');
    const changes = correctionInput(activity, values, today);
    setNothing(changes === null);
    setOwn(messages);
    if (Object.keys(messages).length > 0 || changes === null) return;
    // expectedVersion: the version this form was filled from; a change by someone else since is CONFLICT.
    if (await command.save({ id: activity.id, expectedVersion: activity.version, reason: reason.trim(), ...changes })) onDone();
  };
  const errors = { ...command.fields, ...own };
  return (
    <Card withBorder>
      <form
        noValidate
        aria-label={t('activities.page.correctTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Title order={3} size="h5">
            {t('activities.page.correctTitle')}
          </Title>
          <FormAlert stale={command.stale} message={command.form ?? (nothing ? t('activities.errors.nothingChanged') : null)} invalid={Object.keys(own).length > 0} onReload={onReload} />
          <ActivityFields values={values} onChange={setValues} errors={errors} today={today} />
          <ReasonField value={reason} onChange={setReason} error={errors.reason} />
          <FormButtons submit={t('activities.page.saveCorrection')} onClose={onClose} loading={command.fetching} />
        </Stack>
      </form>
    </Card>
  );
}

/** Cancel the activity, with a reason (a correction back to PLANNED or HELD reinstates it). */
function CancelActivityForm({ activity, onDone, onClose, onReload }: { activity: Activity; onDone(): void; onClose(): void; onReload(): void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <ReasonOnlyForm
        mutation={CancelActivityMutation}
        record={activity}
        title={t('activities.page.cancelTitle')}
        showTitle
        submit={t('activities.page.cancelSubmit')}
        onDone={onDone}
        onClose={onClose}
        onReload={onReload}
      />
    </Card>
  );
}
