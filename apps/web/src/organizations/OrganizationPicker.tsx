import { Button, Group, Modal, Pill, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { localized, type LocalizedText } from '../app/localized';
import { useViewer } from '../app/viewer';
import { mutationErrors, useCommandId } from '../forms/command';
import { currentLanguage } from '../i18n/i18n';
import { OrganizationSearchQuery, RegisterOrganizationMutation } from './organizations.operations';

/** An organisation as a form holds it: its id for the API, its name to show. */
export interface PickedOrganization {
  id: string;
  name: LocalizedText;
}

const REGISTER = '__register__';
const KINDS = ['MINISTRY', 'DEPARTMENT', 'EMBASSY', 'CONSULATE', 'COMPANY', 'ASSOCIATION', 'INTERNATIONAL_ORGANIZATION', 'OTHER'] as const;
type Kind = (typeof KINDS)[number];
const THAI = /[\u0E00-\u0E7F]/;

interface OrganizationPickerProps {
  label: string;
  value: PickedOrganization | null;
  onChange(organization: PickedOrganization | null): void;
  error?: string | null;
  required?: boolean;
  /** Organisations already chosen elsewhere in the form, left out of the suggestions. */
  exclude?: readonly string[];
}

/**
 * A typeahead over `organizations(search)`: the API matches Thai, English and Chinese names and
 * forgives tone marks typed differently. When nothing fits, the last suggestion registers the
 * typed name as a new organisation in place (for roles that may), and picks it.
 */
export function OrganizationPicker({ label, value, onChange, error, required, exclude = [] }: OrganizationPickerProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const viewer = useViewer();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [registering, setRegistering] = useState<string | null>(null);
  const [{ data }] = useQuery({ query: OrganizationSearchQuery, variables: { search: debounced || undefined, first: 20 }, pause: debounced === '' && value !== null });
  const found = (data?.organizations.edges ?? []).map((edge) => edge.node).filter((node) => !exclude.includes(node.id));
  const options = found.map((node) => ({ value: node.id, label: localized(node.name, language) }));
  if (value && !options.some((option) => option.value === value.id)) options.unshift({ value: value.id, label: localized(value.name, language) });
  if (debounced && viewer.may('Mutation.registerOrganization')) options.push({ value: REGISTER, label: t('organizations.picker.register', { name: debounced }) });

  return (
    <>
      <Select
        label={label}
        required={required}
        error={error}
        searchable
        clearable
        placeholder={t('organizations.picker.placeholder')}
        nothingFoundMessage={t('organizations.picker.nothingFound')}
        data={options}
        value={value?.id ?? null}
        searchValue={search}
        onSearchChange={setSearch}
        // The API has searched already; Mantine's own filter would drop matches it cannot see.
        filter={({ options: all }) => all}
        onChange={(id) => {
          if (id === REGISTER) {
            setRegistering(debounced);
            return;
          }
          const node = found.find((candidate) => candidate.id === id);
          onChange(node ? { id: node.id, name: node.name } : id && value?.id === id ? value : null);
        }}
      />
      {registering !== null && (
        <RegisterOrganizationModal
          typedName={registering}
          onClose={() => setRegistering(null)}
          onRegistered={(organization) => {
            setRegistering(null);
            setSearch('');
            onChange(organization);
          }}
        />
      )}
    </>
  );
}

/** Several organisations (organisers, parties): the chosen ones as removable pills, and a picker to add one. */
export function OrganizationListField({ label, value, onChange, error }: { label: string; value: readonly PickedOrganization[]; onChange(value: PickedOrganization[]): void; error?: string | null }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <Stack gap={4}>
      <OrganizationPicker label={label} value={null} error={error} exclude={value.map((o) => o.id)} onChange={(picked) => picked && onChange([...value, picked])} />
      {value.length > 0 && (
        <Pill.Group>
          {value.map((organization) => (
            <Pill key={organization.id} withRemoveButton onRemove={() => onChange(value.filter((o) => o.id !== organization.id))}>
              {localized(organization.name, language)}
            </Pill>
          ))}
        </Pill.Group>
      )}
    </Stack>
  );
}

function RegisterOrganizationModal({ typedName, onClose, onRegistered }: { typedName: string; onClose(): void; onRegistered(organization: PickedOrganization): void }) {
  const { t } = useTranslation();
  const { commandId } = useCommandId();
  const thai = THAI.test(typedName);
  const [name, setName] = useState({ th: thai ? typedName : '', en: thai ? '' : typedName, zh: '' });
  const [kind, setKind] = useState<Kind>('COMPANY');
  const [country, setCountry] = useState('');
  const [result, register] = useMutation(RegisterOrganizationMutation);
  const errors = mutationErrors(result.error);

  const submit = async () => {
    const answer = await register({
      input: { commandId, kind, name: { th: name.th || undefined, en: name.en || undefined, zh: name.zh || undefined }, country: country.trim() || undefined },
    });
    const organization = answer.data?.registerOrganization.organization;
    if (organization) onRegistered({ id: organization.id, name: organization.name });
  };

  return (
    <Modal opened onClose={onClose} title={t('organizations.register.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {errors.form && (
            <Text c="red.8" role="alert">
              {errors.form}
            </Text>
          )}
          <TextInput label={t('organizations.register.nameTh')} value={name.th} onChange={(e) => setName({ ...name, th: e.currentTarget.value })} error={errors.fields['name.th'] ?? errors.fields.name} />
          <TextInput label={t('organizations.register.nameEn')} value={name.en} onChange={(e) => setName({ ...name, en: e.currentTarget.value })} error={errors.fields['name.en']} />
          <TextInput label={t('organizations.register.nameZh')} value={name.zh} onChange={(e) => setName({ ...name, zh: e.currentTarget.value })} error={errors.fields['name.zh']} />
          <Select
            label={t('organizations.register.kind')}
            data={KINDS.map((value) => ({ value, label: t(`organizations.kind.${value}`) }))}
            value={kind}
            onChange={(value) => setKind(KINDS.find((k) => k === value) ?? 'OTHER')}
            allowDeselect={false}
            error={errors.fields.kind}
          />
          <TextInput label={t('organizations.register.country')} value={country} onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())} maxLength={2} error={errors.fields.country} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={result.fetching}>
              {t('organizations.register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
