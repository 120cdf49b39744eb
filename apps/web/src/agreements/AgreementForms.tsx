import { Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useCommandId } from '../forms/command';
import { DateField } from '../forms/DateField';
import type { ResultOf } from '../graphql/graphql';
import { OrganizationListField, type PickedOrganization } from '../organizations/OrganizationPicker';
import { ActionModal, useCommandErrors } from '../programs/ActionModal';
import { useExpectedVersion, useReason } from '../programs/ProgramActions';
import { AmendAgreementMutation, RecordAgreementMutation, SignAgreementMutation, TerminateAgreementMutation, type AgreementQuery } from './agreements.operations';

type Agreement = NonNullable<ResultOf<typeof AgreementQuery>['agreement']>;
export type RecordedAgreement = NonNullable<ResultOf<typeof RecordAgreementMutation>['recordAgreement']['agreement']>;

const STATUSES = ['DRAFT', 'SIGNED'] as const;
type RecordStatus = (typeof STATUSES)[number];

/** A new agreement of a program: title, two or more parties, draft or signed, its dates. */
export function RecordAgreementForm({ programId, onClose, onSaved }: { programId: string; onClose(): void; onSaved(agreement: RecordedAgreement): void }) {
  const { t } = useTranslation();
  const { commandId, next } = useCommandId();
  const [title, setTitle] = useState({ th: '', en: '' });
  const [parties, setParties] = useState<PickedOrganization[]>([]);
  const [status, setStatus] = useState<RecordStatus>('DRAFT');
  const [signedOn, setSignedOn] = useState<string | null>(null);
  const [expiresOn, setExpiresOn] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [result, record] = useMutation(RecordAgreementMutation);
  const errors = useCommandErrors(result.error);
  const titleMissing = title.th.trim() === '' && title.en.trim() === '';
  const partiesMissing = parties.length < 2;
  const submit = async () => {
    setChecked(true);
    if (titleMissing || partiesMissing) return;
    const answer = await record({
      input: {
        commandId,
        programId,
        title: { th: title.th.trim() || undefined, en: title.en.trim() || undefined },
        partyIds: parties.map((party) => party.id),
        status,
        signedOn,
        expiresOn,
      },
    });
    const agreement = answer.data?.recordAgreement.agreement;
    if (agreement) {
      next();
      onSaved(agreement);
    }
  };
  const partyError = Object.entries(errors.fields).find(([field]) => field.startsWith('partyIds'))?.[1];
  return (
    <ActionModal title={t('agreements.actions.record')} submitLabel={t('agreements.actions.record')} onClose={onClose} onSubmit={() => void submit()} submitting={result.fetching} formError={errors.form}>
      <TextInput
        label={t('agreements.actions.titleTh')}
        value={title.th}
        onChange={(e) => setTitle({ ...title, th: e.currentTarget.value })}
        error={errors.fields['title.th'] ?? errors.fields.title ?? (checked && titleMissing ? t('agreements.actions.titleRequired') : null)}
      />
      <TextInput label={t('agreements.actions.titleEn')} value={title.en} onChange={(e) => setTitle({ ...title, en: e.currentTarget.value })} error={errors.fields['title.en']} />
      <OrganizationListField label={t('agreements.actions.parties')} value={parties} onChange={setParties} error={partyError ?? (checked && partiesMissing ? t('agreements.actions.partiesRequired') : null)} />
      <Select
        label={t('agreements.actions.status')}
        data={STATUSES.map((value) => ({ value, label: t(`agreementStatus.${value}`) }))}
        value={status}
        onChange={(value) => setStatus(STATUSES.find((s) => s === value) ?? 'DRAFT')}
        allowDeselect={false}
        error={errors.fields.status}
      />
      <DateField label={t('agreements.actions.signedOn')} value={signedOn} onChange={setSignedOn} error={errors.fields.signedOn} />
      <DateField label={t('agreements.actions.expiresOn')} value={expiresOn} onChange={setExpiresOn} error={errors.fields.expiresOn} />
    </ActionModal>
  );
}

interface AgreementFormProps {
  agreement: Agreement;
  onClose(): void;
  onSaved(): void;
  refresh(): void;
}

export function SignAgreementForm({ agreement, onClose, onSaved, refresh }: AgreementFormProps) {
  const { t } = useTranslation();
  const { commandId, next } = useCommandId();
  const version = useExpectedVersion(agreement.version, refresh);
  const [signedOn, setSignedOn] = useState<string | null>(null);
  const [expiresOn, setExpiresOn] = useState<string | null>(agreement.expiresOn);
  const [checked, setChecked] = useState(false);
  const [result, sign] = useMutation(SignAgreementMutation);
  const errors = useCommandErrors(result.error);
  const submit = async () => {
    setChecked(true);
    if (!signedOn) return;
    const answer = await sign({ input: { commandId, id: agreement.id, expectedVersion: version.expectedVersion, signedOn, expiresOn } });
    version.check(answer.error);
    if (answer.data?.signAgreement.agreement) {
      next();
      onSaved();
    }
  };
  return (
    <ActionModal title={t('agreements.actions.signTitle')} submitLabel={t('agreements.actions.sign')} onClose={onClose} onSubmit={() => void submit()} submitting={result.fetching} formError={errors.form}>
      <DateField
        label={t('agreements.actions.signedOn')}
        withAsterisk
        value={signedOn}
        onChange={setSignedOn}
        error={errors.fields.signedOn ?? (checked && !signedOn ? t('agreements.actions.dateRequired') : null)}
      />
      <DateField label={t('agreements.actions.expiresOn')} value={expiresOn} onChange={setExpiresOn} error={errors.fields.expiresOn} />
    </ActionModal>
  );
}

export function AmendAgreementForm({ agreement, onClose, onSaved, refresh }: AgreementFormProps) {
  const { t } = useTranslation();
  const { commandId, next } = useCommandId();
  const version = useExpectedVersion(agreement.version, refresh);
  const [title, setTitle] = useState({ th: agreement.title.th ?? '', en: agreement.title.en ?? '' });
  const [parties, setParties] = useState<PickedOrganization[]>(agreement.parties.map((party) => ({ id: party.id, name: party.name })));
  const [expiresOn, setExpiresOn] = useState<string | null>(agreement.expiresOn);
  const reason = useReason();
  const [result, amend] = useMutation(AmendAgreementMutation);
  const errors = useCommandErrors(result.error);
  const submit = async () => {
    if (!reason.validate()) return;
    // Only what changed: a field left out keeps its recorded value.
    const titleChanged = title.th !== (agreement.title.th ?? '') || title.en !== (agreement.title.en ?? '');
    const partyIds = parties.map((party) => party.id);
    const partiesChanged = partyIds.join() !== agreement.parties.map((party) => party.id).join();
    const answer = await amend({
      input: {
        commandId,
        id: agreement.id,
        expectedVersion: version.expectedVersion,
        reason: reason.reason,
        title: titleChanged ? { th: title.th || undefined, en: title.en || undefined, zh: agreement.title.zh ?? undefined } : undefined,
        partyIds: partiesChanged ? partyIds : undefined,
        expiresOn: expiresOn !== agreement.expiresOn ? expiresOn : undefined,
      },
    });
    version.check(answer.error);
    if (answer.data?.amendAgreement.agreement) {
      next();
      onSaved();
    }
  };
  const partyError = Object.entries(errors.fields).find(([field]) => field.startsWith('partyIds'))?.[1];
  return (
    <ActionModal title={t('agreements.actions.amendTitle')} submitLabel={t('common.save')} onClose={onClose} onSubmit={() => void submit()} submitting={result.fetching} formError={errors.form}>
      <TextInput label={t('agreements.actions.titleTh')} value={title.th} onChange={(e) => setTitle({ ...title, th: e.currentTarget.value })} error={errors.fields['title.th'] ?? errors.fields.title} />
      <TextInput label={t('agreements.actions.titleEn')} value={title.en} onChange={(e) => setTitle({ ...title, en: e.currentTarget.value })} error={errors.fields['title.en']} />
      <OrganizationListField label={t('agreements.actions.parties')} value={parties} onChange={setParties} error={partyError} />
      <DateField label={t('agreements.actions.expiresOn')} value={expiresOn} onChange={setExpiresOn} error={errors.fields.expiresOn} />
      {reason.field(errors.fields.reason)}
    </ActionModal>
  );
}

export function TerminateAgreementForm({ agreement, onClose, onSaved, refresh }: AgreementFormProps) {
  const { t } = useTranslation();
  const { commandId, next } = useCommandId();
  const version = useExpectedVersion(agreement.version, refresh);
  const [terminatedOn, setTerminatedOn] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const reason = useReason();
  const [result, terminate] = useMutation(TerminateAgreementMutation);
  const errors = useCommandErrors(result.error);
  const submit = async () => {
    setChecked(true);
    const hasReason = reason.validate();
    if (!terminatedOn || !hasReason) return;
    const answer = await terminate({ input: { commandId, id: agreement.id, expectedVersion: version.expectedVersion, terminatedOn, reason: reason.reason } });
    version.check(answer.error);
    if (answer.data?.terminateAgreement.agreement) {
      next();
      onSaved();
    }
  };
  return (
    <ActionModal title={t('agreements.actions.terminateTitle')} submitLabel={t('agreements.actions.terminate')} onClose={onClose} onSubmit={() => void submit()} submitting={result.fetching} formError={errors.form}>
      <DateField
        label={t('agreements.actions.terminatedOn')}
        withAsterisk
        value={terminatedOn}
        onChange={setTerminatedOn}
        error={errors.fields.terminatedOn ?? (checked && !terminatedOn ? t('agreements.actions.dateRequired') : null)}
      />
      {reason.field(errors.fields.reason)}
    </ActionModal>
  );
}
