import { Radio, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../forms/DateField';
import type { ResultOf } from '../graphql/graphql';
import { OrganizationPicker, type PickedOrganization } from '../organizations/OrganizationPicker';
import { AddFollowUpMutation, CloseFollowUpMutation, ReopenFollowUpMutation, UpdateFollowUpMutation, type ActivityQuery } from './activities.operations';
import { FormButtons } from '../forms/FormButtons';
import { FormAlert, ReasonField, ReasonOnlyForm, useSave } from './forms';

export type FollowUp = NonNullable<ResultOf<typeof ActivityQuery>['activity']>['followUps'][number];

/** Add a follow-up to an activity: what, who owes it, by when. */
export function AddFollowUpForm({ activityId, onSaved, onClose }: { activityId: string; onSaved?(): void; onClose?(): void }) {
  const { t } = useTranslation();
  const command = useSave(AddFollowUpMutation);
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<PickedOrganization | null>(null);
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [own, setOwn] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <form
      noValidate
      aria-labelledby={`add-follow-up-${activityId}`}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        if (!description.trim()) {
          setOwn(t('activities.errors.descriptionRequired'));
          return;
        }
        setOwn(null);
        void command.save({ activityId, description: description.trim(), ownerId: owner?.id ?? null, dueOn }).then((done) => {
          if (!done) return;
          setSaved(true);
          setDescription('');
          setOwner(null);
          setDueOn(null);
          onSaved?.();
        });
      }}
    >
      <Stack>
        <Title order={3} size="h5" id={`add-follow-up-${activityId}`}>
          {t('activities.followUps.addTitle')}
        </Title>
        {saved && (
          <Text role="status" c="teal.9">
            {t('activities.followUps.saved')}
          </Text>
        )}
        <FormAlert stale={command.stale} message={command.form} invalid={own !== null} />
        <Textarea label={t('activities.followUps.description')} required autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={own ?? command.fields.description} />
        <OrganizationPicker label={t('activities.followUps.owner')} value={owner} onChange={setOwner} error={command.fields.ownerId} />
        <DateField label={t('activities.followUps.dueOn')} value={dueOn} onChange={setDueOn} error={command.fields.dueOn} />
        <FormButtons submit={t('activities.followUps.save')} onClose={onClose} loading={command.fetching} />
      </Stack>
    </form>
  );
}

const CLOSED = ['DONE', 'DROPPED'] as const;

/** Close an open follow-up as done or dropped, with an optional note. */
export function CloseFollowUpForm({ followUp, onDone, onClose, onReload }: { followUp: FollowUp; onDone(): void; onClose(): void; onReload(): void }) {
  const { t } = useTranslation();
  const command = useSave(CloseFollowUpMutation);
  const [status, setStatus] = useState<(typeof CLOSED)[number]>('DONE');
  const [note, setNote] = useState('');
  return (
    <form
      noValidate
      aria-label={t('activities.followUps.closeTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void command.save({ id: followUp.id, expectedVersion: followUp.version, status, note: note.trim() || null }).then((done) => done && onDone());
      }}
    >
      <Stack>
        <FormAlert stale={command.stale} message={command.form} onReload={onReload} />
        <Radio.Group label={t('activities.followUps.closeAs')} required value={status} onChange={(value) => setStatus(CLOSED.find((s) => s === value) ?? 'DONE')}>
          <Group mt="xs">
            {CLOSED.map((value) => (
              <Radio key={value} value={value} label={t(`followUpStatus.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea label={t('activities.followUps.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={command.fields.note} />
        <FormButtons submit={t('activities.followUps.close')} onClose={onClose} loading={command.fetching} />
      </Stack>
    </form>
  );
}

/** Reword, reassign or reschedule an open follow-up, with a reason; only what changed is sent. */
export function UpdateFollowUpForm({ followUp, onDone, onClose, onReload }: { followUp: FollowUp; onDone(): void; onClose(): void; onReload(): void }) {
  const { t } = useTranslation();
  const command = useSave(UpdateFollowUpMutation);
  const [description, setDescription] = useState(followUp.description);
  const [owner, setOwner] = useState<PickedOrganization | null>(followUp.owner ? { id: followUp.owner.id, name: followUp.owner.name } : null);
  const [dueOn, setDueOn] = useState<string | null>(followUp.dueOn);
  const [reason, setReason] = useState('');
  const [own, setOwn] = useState<Record<string, string>>({});
  const submit = async () => {
    const changes = {
      ...(description.trim() !== followUp.description ? { description: description.trim() } : {}),
      ...((owner?.id ?? null) !== (followUp.owner?.id ?? null) ? { ownerId: owner?.id ?? null } : {}),
      ...(dueOn !== followUp.dueOn ? { dueOn } : {}),
    };
    const errors: Record<string, string> = {};
    if (!description.trim()) errors.description = t('activities.errors.descriptionRequired');
    else if (Object.keys(changes).length === 0) errors.description = t('activities.errors.nothingChanged');
    if (!reason.trim()) errors.reason = t('activities.errors.reasonRequired');
    setOwn(errors);
    if (Object.keys(errors).length > 0) return;
    if (await command.save({ id: followUp.id, expectedVersion: followUp.version, reason: reason.trim(), ...changes })) onDone();
  };
  const errors = { ...command.fields, ...own };
  return (
    <form
      noValidate
      aria-label={t('activities.followUps.updateTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <FormAlert stale={command.stale} message={command.form} invalid={Object.keys(own).length > 0} onReload={onReload} />
        <Textarea label={t('activities.followUps.description')} required autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <OrganizationPicker label={t('activities.followUps.owner')} value={owner} onChange={setOwner} error={errors.ownerId} />
        <DateField label={t('activities.followUps.dueOn')} value={dueOn} onChange={setDueOn} error={errors.dueOn} />
        <ReasonField value={reason} onChange={setReason} error={errors.reason} />
        <FormButtons submit={t('activities.followUps.update')} onClose={onClose} loading={command.fetching} />
      </Stack>
    </form>
  );
}

/** Reopen a done or dropped follow-up, with a reason. */
export function ReopenFollowUpForm({ followUp, onDone, onClose, onReload }: { followUp: FollowUp; onDone(): void; onClose(): void; onReload(): void }) {
  const { t } = useTranslation();
  return (
    <ReasonOnlyForm
      mutation={ReopenFollowUpMutation}
      record={followUp}
      title={t('activities.followUps.reopenTitle')}
      submit={t('activities.followUps.reopen')}
      onDone={onDone}
      onClose={onClose}
      onReload={onReload}
    />
  );
}
