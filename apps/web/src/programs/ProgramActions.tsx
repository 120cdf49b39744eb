import { Select, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { localized } from '../app/localized';
import { mutationErrors, useCommandId } from '../forms/command';
import { DateField } from '../forms/DateField';
import type { ResultOf } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import { OrganizationPicker, type PickedOrganization } from '../organizations/OrganizationPicker';
import { ActionModal, useCommandErrors } from './ActionModal';
import { AddProgramPartnerMutation, ChangeProgramStatusMutation, CorrectProgramMutation, RemoveProgramPartnerMutation, type ProgramQuery } from './programs.operations';

type Program = NonNullable<ResultOf<typeof ProgramQuery>['program']>;
type Partner = Program['partners'][number];

export const PROGRAM_STATUSES = ['PROPOSED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
/**
 * The statuses a program may move to, as the domain's lifecycle allows (libs/domain program
 * decider: PROPOSED -> ACTIVE <-> ON_HOLD; ACTIVE -> COMPLETED; any open status -> CANCELLED):
 * the form offers only these, and the api still decides.
 */
export const NEXT_STATUSES: Record<ProgramStatus, readonly ProgramStatus[]> = {
  PROPOSED: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['ON_HOLD', 'COMPLETED', 'CANCELLED'],
  ON_HOLD: ['ACTIVE', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};
export const PARTNER_ROLES = ['LEAD', 'PARTNER', 'PLATFORM', 'MARKETING', 'SPONSOR', 'OBSERVER'] as const;
type PartnerRole = (typeof PARTNER_ROLES)[number];

interface FormProps {
  program: Program;
  onClose(): void;
  /** After a success: the page shows the projected record and a short "saved". */
  onSaved(): void;
  /** Re-read the program now (after a stale-version refusal). */
  refresh(): void;
}

/**
 * The version a command expects: the one shown when the form opened, so a change made meanwhile
 * by someone else is refused (CONFLICT) rather than overwritten. After that refusal the page has
 * re-read the program, and the next try expects the version now shown.
 */
export function useExpectedVersion(shown: number, refresh: () => void) {
  const [opened] = useState(shown);
  const [acceptShown, setAcceptShown] = useState(false);
  return {
    expectedVersion: acceptShown ? shown : opened,
    check(error: CombinedError | undefined) {
      if (mutationErrors(error).stale) {
        setAcceptShown(true);
        refresh();
      }
    },
  };
}

/** A required reason (corrections, removals, terminations): kept in the history, so never blank. */
export function useReason() {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return {
    reason: reason.trim(),
    /** False (and the field says why) when no reason is given: nothing is sent then. */
    validate() {
      setMissing(reason.trim() === '');
      return reason.trim() !== '';
    },
    field: (apiError?: string) => (
      <Textarea
        label={t('programs.actions.reason')}
        withAsterisk
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={missing && reason.trim() === '' ? t('programs.actions.reasonRequired') : apiError}
      />
    ),
  };
}

export function AddPartnerForm({ program, onClose, onSaved, refresh }: FormProps) {
  const { t } = useTranslation();
  const { commandId, next } = useCommandId();
  const version = useExpectedVersion(program.version, refresh);
  const [organization, setOrganization] = useState<PickedOrganization | null>(null);
  const [role, setRole] = useState<PartnerRole>('PARTNER');
  const [joinedOn, setJoinedOn] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [result, add] = useMutation(AddProgramPartnerMutation);
  const errors = useCommandErrors(result.error);
  const submit = async () => {
    if (!organization) return setMissing(true);
    const answer = await add({ input: { commandId, programId: program.id, expectedVersion: version.expectedVersion, organizationId: organization.id, role, joinedOn } });
    version.check(answer.error);
    if (answer.data?.addProgramPartner.program) {
      next();
      onSaved();
    }
  };
  return (
    <ActionModal title={t('programs.actions.addPartner')} submitLabel={t('programs.actions.addPartner')} onClose={onClose} onSubmit={() => void submit()} submitting={result.fetching} formError={errors.form}>
      <OrganizationPicker
        label={t('programs.actions.organization')}
        required
        value={organization}
        onChange={setOrganization}
        exclude={program.partners.map((partner) => partner.organization.id)}
        error={errors.fields.organizationId ?? (missing && !organization ? t('programs.actions.organizationRequired') : null)}
      />
      <Select
        label={t('programs.actions.role')}
        data={PARTNER_ROLES.map((value) => ({ value, label: t(`partnerRole.${value}`) }))}
        value={role}
        onChange={(value) => setRole(PARTNER_ROLES.find((r) => r === value) ?? 'PARTNER')}
        allowDeselect={false}
        error={errors.fields.role}
      />
      <DateField label={t('programs.actions.joinedOn')} value={joinedOn} onChange={setJoinedOn} error={errors.fields.joinedOn} />
    </ActionModal>
  );
}

export function RemovePartnerForm({ program, partner, onClose, onSaved, refresh }: FormProps & { partner: Partner }) {
  const { t, i18n } = useTranslation();
  const { commandId, next } = useCommandId();
  const version = useExpectedVersion(program.version, refresh);
  const [leftOn, setLeftOn] = useState<string | null>(null);
  const reason = useReason();
  const [result, remove] = useMutation(RemoveProgramPartnerMutation);
  const errors = useCommandErrors(result.error);
  const name = localized(partner.organization.name, currentLanguage(i18n));
  const submit = async () => {
    if (!reason.validate()) return;
    const answer = await remove({
      input: { commandId, programId: program.id, expectedVersion: version.expectedVersion, organizationId: partner.organization.id, leftOn, reason: reason.reason },
    });
    version.check(answer.error);
    if (answer.data?.removeProgramPartner.program) {
      next();
      onSaved();
    }
  };
  return (
    <ActionModal title={t('programs.actions.removePartnerOf', { name })} submitLabel={t('programs.actions.removePartner')} onClose={onClose} onSubmit={() => void submit()} submitting={result.fetching} formError={errors.form}>
      <DateField label={t('programs.actions.leftOn')} value={leftOn} onChange={setLeftOn} error={errors.fields.leftOn} />
      {reason.field(errors.fields.reason)}
    </ActionModal>
  );
}

export function ChangeStatusForm({ program, onClose, onSaved, refresh }: FormProps) {
  const { t } = useTranslation();
  const { commandId, next } = useCommandId();
  const version = useExpectedVersion(program.version, refresh);
  const choices = NEXT_STATUSES[program.status];
  const [status, setStatus] = useState<ProgramStatus>(choices[0]);
  const reason = useReason();
  const [result, change] = useMutation(ChangeProgramStatusMutation);
  const errors = useCommandErrors(result.error);
  const submit = async () => {
    // A status change is a decision to explain: the reason is kept in the history.
    if (!reason.validate()) return;
    const answer = await change({ input: { commandId, programId: program.id, expectedVersion: version.expectedVersion, status, reason: reason.reason } });
    version.check(answer.error);
    if (answer.data?.changeProgramStatus.program) {
      next();
      onSaved();
    }
  };
  return (
    <ActionModal title={t('programs.actions.changeStatus')} submitLabel={t('programs.actions.changeStatus')} onClose={onClose} onSubmit={() => void submit()} submitting={result.fetching} formError={errors.form}>
      <Select
        label={t('programs.actions.status')}
        data={choices.map((value) => ({ value, label: t(`programStatus.${value}`) }))}
        value={status}
        onChange={(value) => setStatus(choices.find((s) => s === value) ?? choices[0])}
        allowDeselect={false}
        error={errors.fields.status}
      />
      {reason.field(errors.fields.reason)}
    </ActionModal>
  );
}

export function CorrectProgramForm({ program, onClose, onSaved, refresh }: FormProps) {
  const { t } = useTranslation();
  const { commandId, next } = useCommandId();
  const version = useExpectedVersion(program.version, refresh);
  const [title, setTitle] = useState({ th: program.title.th ?? '', en: program.title.en ?? '', zh: program.title.zh ?? '' });
  const [summary, setSummary] = useState(program.summary ?? '');
  const [startedOn, setStartedOn] = useState<string | null>(program.startedOn);
  const reason = useReason();
  const [result, correct] = useMutation(CorrectProgramMutation);
  const errors = useCommandErrors(result.error);
  const submit = async () => {
    if (!reason.validate()) return;
    // Only what changed: a field left out keeps its recorded value.
    const titleChanged = title.th !== (program.title.th ?? '') || title.en !== (program.title.en ?? '') || title.zh !== (program.title.zh ?? '');
    const answer = await correct({
      input: {
        commandId,
        programId: program.id,
        expectedVersion: version.expectedVersion,
        reason: reason.reason,
        title: titleChanged ? { th: title.th || undefined, en: title.en || undefined, zh: title.zh || undefined } : undefined,
        summary: summary !== (program.summary ?? '') ? summary : undefined,
        startedOn: startedOn !== program.startedOn ? startedOn : undefined,
      },
    });
    version.check(answer.error);
    if (answer.data?.correctProgram.program) {
      next();
      onSaved();
    }
  };
  return (
    <ActionModal title={t('programs.actions.correct')} submitLabel={t('common.save')} onClose={onClose} onSubmit={() => void submit()} submitting={result.fetching} formError={errors.form}>
      <TextInput label={t('programs.actions.titleTh')} value={title.th} onChange={(e) => setTitle({ ...title, th: e.currentTarget.value })} error={errors.fields['title.th'] ?? errors.fields.title} />
      <TextInput label={t('programs.actions.titleEn')} value={title.en} onChange={(e) => setTitle({ ...title, en: e.currentTarget.value })} error={errors.fields['title.en']} />
      <TextInput label={t('programs.actions.titleZh')} value={title.zh} onChange={(e) => setTitle({ ...title, zh: e.currentTarget.value })} error={errors.fields['title.zh']} />
      <Textarea label={t('programs.actions.summary')} rows={3} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.fields.summary} />
      <DateField label={t('programs.actions.startedOn')} value={startedOn} onChange={setStartedOn} error={errors.fields.startedOn} />
      {reason.field(errors.fields.reason)}
    </ActionModal>
  );
}
