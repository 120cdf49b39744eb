import { Alert, Button, Group, Modal, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useViewer } from '../app/viewer';
import { mutationErrors, useCommandId } from '../forms/command';
import { DateField } from '../forms/DateField';
import { OrganizationPicker, type PickedOrganization } from '../organizations/OrganizationPicker';
import { CloseFollowUpMutation, ReopenFollowUpMutation, UpdateFollowUpMutation, type FollowUpItem } from './follow-ups.operations';

type Action = 'reassign' | 'reschedule' | 'close' | 'reopen';

/**
 * The actions a person may take on one follow-up, as the API allows them (viewer.may): an open
 * one can be reassigned, rescheduled or closed, a closed one reopened. Each opens its own small
 * form with its own commandId; the follow-up's shown version goes as expectedVersion, so a
 * change made meanwhile by someone else is a CONFLICT, said plainly, not overwritten.
 */
export function FollowUpActions({ followUp }: { followUp: FollowUpItem }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [action, setAction] = useState<Action | null>(null);
  const open = followUp.status === 'OPEN';
  const offered: Action[] = open
    ? [...(viewer.may('Mutation.updateFollowUp') ? (['reassign', 'reschedule'] as const) : []), ...(viewer.may('Mutation.closeFollowUp') ? (['close'] as const) : [])]
    : viewer.may('Mutation.reopenFollowUp')
      ? ['reopen']
      : [];
  if (offered.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {offered.map((name) => (
          <Button key={name} size="compact-xs" variant="light" onClick={() => setAction(name)}>
            {t(`followUps.actions.${name}`)}
          </Button>
        ))}
      </Group>
      {action && <FollowUpActionForm action={action} followUp={followUp} onClose={() => setAction(null)} />}
    </>
  );
}

function FollowUpActionForm({ action, followUp, onClose }: { action: Action; followUp: FollowUpItem; onClose(): void }) {
  const { t } = useTranslation();
  // Mounted when the form opens: one commandId for every try of this form.
  const { commandId } = useCommandId();
  const [owner, setOwner] = useState<PickedOrganization | null>(null);
  const [dueOn, setDueOn] = useState<string | null>(followUp.dueOn);
  const [outcome, setOutcome] = useState<'DONE' | 'DROPPED'>('DONE');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<{ reason?: boolean; owner?: boolean }>({});
  const [updateResult, update] = useMutation(UpdateFollowUpMutation);
  const [closeResult, close] = useMutation(CloseFollowUpMutation);
  const [reopenResult, reopen] = useMutation(ReopenFollowUpMutation);
  const result = action === 'close' ? closeResult : action === 'reopen' ? reopenResult : updateResult;
  const errors = mutationErrors(result.error);
  const needsReason = action !== 'close';
  const expectedVersion = followUp.version;

  const submit = async () => {
    const lacking = { reason: needsReason && reason.trim() === '', owner: action === 'reassign' && owner === null };
    setMissing(lacking);
    if (lacking.reason || lacking.owner) return;
    const answer =
      action === 'reassign'
        ? await update({ input: { commandId, id: followUp.id, expectedVersion, ownerId: owner?.id, reason: reason.trim() } })
        : action === 'reschedule'
          ? await update({ input: { commandId, id: followUp.id, expectedVersion, dueOn, reason: reason.trim() } })
          : action === 'close'
            ? await close({ input: { commandId, id: followUp.id, expectedVersion, status: outcome, note: note.trim() || undefined } })
            : await reopen({ input: { commandId, id: followUp.id, expectedVersion, reason: reason.trim() } });
    // The list refetches (the document cache knows FollowUp changed) and shows the saved record.
    if (!answer.error) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t(`followUps.actions.${action}Title`)}>
      <form
        // Our own checks, in the reader's language and at the field, instead of the browser's bubbles.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {(errors.form || errors.code === 'CONFLICT') && (
            <Alert color="red" role="alert">
              {errors.code === 'CONFLICT' ? t('followUps.actions.conflict') : errors.form}
            </Alert>
          )}
          {action === 'reassign' && (
            <OrganizationPicker
              label={t('followUps.actions.newOwner')}
              required
              value={owner}
              onChange={setOwner}
              exclude={followUp.owner ? [followUp.owner.id] : []}
              error={missing.owner ? t('followUps.actions.ownerRequired') : errors.fields.ownerId}
            />
          )}
          {action === 'reschedule' && <DateField label={t('followUps.actions.newDueOn')} value={dueOn} onChange={setDueOn} error={errors.fields.dueOn} />}
          {action === 'close' && (
            <>
              <SegmentedControl
                aria-label={t('followUps.actions.outcome')}
                value={outcome}
                onChange={(value) => setOutcome(value === 'DROPPED' ? 'DROPPED' : 'DONE')}
                data={[
                  { value: 'DONE', label: t('followUpStatus.DONE') },
                  { value: 'DROPPED', label: t('followUpStatus.DROPPED') },
                ]}
              />
              <Textarea label={t('followUps.actions.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.fields.note} rows={2} />
            </>
          )}
          {needsReason && (
            <Textarea
              label={t('followUps.actions.reason')}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={missing.reason ? t('followUps.actions.reasonRequired') : errors.fields.reason}
              rows={2}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={result.fetching}>
              {t(`followUps.actions.${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
