import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { localized } from '../app/localized';
import { useViewer } from '../app/viewer';
import { FormButtons } from '../forms/FormButtons';
import { mutationErrors, useCommandId, type MutationErrors } from '../forms/command';
import type { ResultOf } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import { asOrganizationKind, ORGANIZATION_KINDS, type OrganizationKind } from './kinds';
import { OrganizationPicker, type PickedOrganization } from './OrganizationPicker';
import { MergeOrganizationsMutation, RenameOrganizationMutation, UpdateOrganizationMutation, type OrganizationQuery } from './organizations.operations';

type Organization = NonNullable<ResultOf<typeof OrganizationQuery>['organization']>;
type Form = 'rename' | 'update' | 'merge';

/**
 * A planner's changes to an organisation, each offered only when the API allows it: rename,
 * update kind/country/parent (with a reason), merge a duplicate into it (with a reason, after
 * saying plainly that it cannot be undone but is recorded). Each form sends one commandId and
 * the shown version; a success closes it and the page shows the saved organisation.
 */
export function OrganizationEdit({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [form, setForm] = useState<Form | null>(null);
  const offered = (
    [
      ['rename', 'Mutation.renameOrganization'],
      ['update', 'Mutation.updateOrganization'],
      ['merge', 'Mutation.mergeOrganizations'],
    ] as const
  ).filter(([, operation]) => viewer.may(operation));
  if (offered.length === 0) return null;
  const close = () => setForm(null);
  return (
    <>
      <Group gap="xs" role="group" aria-label={t('organizations.edit.actions')}>
        {offered.map(([name]) => (
          <Button key={name} size="xs" variant={name === 'merge' ? 'outline' : 'light'} onClick={() => setForm(name)}>
            {t(`organizations.edit.${name}`)}
          </Button>
        ))}
      </Group>
      {form === 'rename' && <RenameForm organization={organization} onClose={close} />}
      {form === 'update' && <UpdateForm organization={organization} onClose={close} />}
      {form === 'merge' && <MergeForm organization={organization} onClose={close} />}
    </>
  );
}

function FormAlert({ errors }: { errors: MutationErrors }) {
  const { t } = useTranslation();
  if (!errors.form && errors.code !== 'CONFLICT') return null;
  return (
    <Alert color="red" role="alert">
      {errors.code === 'CONFLICT' ? t('organizations.edit.conflict') : errors.form}
    </Alert>
  );
}

function RenameForm({ organization, onClose }: { organization: Organization; onClose(): void }) {
  const { t } = useTranslation();
  const { commandId } = useCommandId();
  const [name, setName] = useState({ th: organization.name.th ?? '', en: organization.name.en ?? '', zh: organization.name.zh ?? '' });
  const [missing, setMissing] = useState(false);
  const [result, rename] = useMutation(RenameOrganizationMutation);
  const errors = mutationErrors(result.error);
  const submit = async () => {
    const empty = !name.th.trim() && !name.en.trim();
    setMissing(empty);
    if (empty) return;
    const answer = await rename({
      input: { commandId, id: organization.id, expectedVersion: organization.version, name: { th: name.th.trim() || undefined, en: name.en.trim() || undefined, zh: name.zh.trim() || undefined } },
    });
    if (!answer.error) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('organizations.edit.renameTitle')}>
      <form
        // Our own checks, in the reader's language and at the field, instead of the browser's bubbles.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <FormAlert errors={errors} />
          <TextInput label={t('organizations.register.nameTh')} value={name.th} onChange={(e) => setName({ ...name, th: e.currentTarget.value })} error={(missing && t('organizations.edit.nameRequired')) || errors.fields['name.th'] || errors.fields.name} />
          <TextInput label={t('organizations.register.nameEn')} value={name.en} onChange={(e) => setName({ ...name, en: e.currentTarget.value })} error={errors.fields['name.en']} />
          <TextInput label={t('organizations.register.nameZh')} value={name.zh} onChange={(e) => setName({ ...name, zh: e.currentTarget.value })} error={errors.fields['name.zh']} />
          <FormButtons submit={t('organizations.edit.rename')} loading={result.fetching} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function UpdateForm({ organization, onClose }: { organization: Organization; onClose(): void }) {
  const { t } = useTranslation();
  const { commandId } = useCommandId();
  const [kind, setKind] = useState<OrganizationKind>(organization.kind);
  const [country, setCountry] = useState(organization.country ?? '');
  const [parent, setParent] = useState<PickedOrganization | null>(organization.parent ? { id: organization.parent.id, name: organization.parent.name } : null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, update] = useMutation(UpdateOrganizationMutation);
  const errors = mutationErrors(result.error);
  const submit = async () => {
    setMissing(reason.trim() === '');
    if (reason.trim() === '') return;
    // Only what changed: a field left out keeps its value, null clears country or parent.
    const countryNow = country.trim() || null;
    const parentNow = parent?.id ?? null;
    const answer = await update({
      input: {
        commandId,
        id: organization.id,
        expectedVersion: organization.version,
        reason: reason.trim(),
        ...(kind !== organization.kind && { kind }),
        ...(countryNow !== (organization.country ?? null) && { country: countryNow }),
        ...(parentNow !== (organization.parent?.id ?? null) && { parentId: parentNow }),
      },
    });
    if (!answer.error) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('organizations.edit.updateTitle')}>
      <form
        // Our own checks, in the reader's language and at the field, instead of the browser's bubbles.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <FormAlert errors={errors} />
          <Select
            label={t('organizations.register.kind')}
            data={ORGANIZATION_KINDS.map((value) => ({ value, label: t(`organizations.kind.${value}`) }))}
            value={kind}
            onChange={(value) => setKind(asOrganizationKind(value) ?? kind)}
            allowDeselect={false}
            error={errors.fields.kind}
          />
          <TextInput label={t('organizations.register.country')} value={country} onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())} maxLength={2} error={errors.fields.country} />
          <OrganizationPicker label={t('organizations.edit.parent')} value={parent} onChange={setParent} exclude={[organization.id]} error={errors.fields.parentId} />
          <Textarea label={t('organizations.edit.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={(missing && t('organizations.edit.reasonRequired')) || errors.fields.reason} rows={2} />
          <FormButtons submit={t('common.save')} loading={result.fetching} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function MergeForm({ organization, onClose }: { organization: Organization; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const name = localized(organization.name, currentLanguage(i18n));
  const { commandId } = useCommandId();
  const [duplicate, setDuplicate] = useState<PickedOrganization | null>(null);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [missing, setMissing] = useState<{ duplicate?: boolean; reason?: boolean; confirm?: boolean }>({});
  const [result, merge] = useMutation(MergeOrganizationsMutation);
  const errors = mutationErrors(result.error);
  const submit = async () => {
    const lacking = { duplicate: duplicate === null, reason: reason.trim() === '', confirm: !confirmed };
    setMissing(lacking);
    if (!duplicate || lacking.reason || lacking.confirm) return;
    const answer = await merge({ input: { commandId, survivorId: organization.id, duplicateId: duplicate.id, reason: reason.trim() } });
    if (!answer.error) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('organizations.edit.mergeTitle', { name })}>
      <form
        // Our own checks, in the reader's language and at the field, instead of the browser's bubbles.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <FormAlert errors={errors} />
          <OrganizationPicker
            label={t('organizations.edit.duplicate')}
            required
            value={duplicate}
            onChange={setDuplicate}
            exclude={[organization.id]}
            error={(missing.duplicate && t('organizations.edit.duplicateRequired')) || errors.fields.duplicateId}
          />
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
            {t('organizations.edit.mergeWarning', { name })}
          </Alert>
          <Textarea label={t('organizations.edit.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={(missing.reason && t('organizations.edit.reasonRequired')) || errors.fields.reason} rows={2} />
          <Checkbox label={t('organizations.edit.confirm')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} error={missing.confirm ? t('organizations.edit.confirm') : undefined} />
          <FormButtons submit={t('organizations.edit.mergeSubmit')} loading={result.fetching} onClose={onClose} color="red" />
        </Stack>
      </form>
    </Modal>
  );
}
