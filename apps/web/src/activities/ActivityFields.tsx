import { ActionIcon, Button, Card, Fieldset, Group, Radio, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconBuildingFactory2, IconBuildingStore, IconPlus, IconSchool, IconTrash, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { DateField } from '../forms/DateField';
import { currentLanguage } from '../i18n/i18n';
import { OrganizationListField, OrganizationPicker } from '../organizations/OrganizationPicker';
import { ProgramChoicesQuery } from './activities.operations';
import { ACTIVITY_KINDS, effectiveStatus, emptyParticipant, FORM_STATUSES, type ActivityFormValues, type ActivityKind, type ParticipantRow } from './activity-form';

/** An icon per kind, so a list of activities reads at a glance. */
export const KIND_ICONS: Record<ActivityKind, Icon> = { MEETING: IconUsers, SITE_VISIT: IconBuildingFactory2, FAIR: IconBuildingStore, WORKSHOP: IconSchool };

export function KindIcon({ kind, size = 18 }: { kind: ActivityKind; size?: number }) {
  const KindIconOf = KIND_ICONS[kind];
  return <KindIconOf size={size} aria-hidden />;
}

interface ActivityFieldsProps {
  values: ActivityFormValues;
  onChange(values: ActivityFormValues): void;
  /** Messages by field, the form's own and the API's, already in the reader's language. */
  errors: Record<string, string | undefined>;
  today: string;
}

/** The fields of an activity, shared by "log an activity" and "correct the activity". */
export function ActivityFields({ values, onChange, errors, today }: ActivityFieldsProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) => onChange({ ...values, [key]: value });
  const [programs] = useQuery({ query: ProgramChoicesQuery, variables: {} });
  const programOptions = (programs.data?.programs.edges ?? []).map(({ node }) => ({ value: node.id, label: localized(node.title, language) }));
  const setParticipant = (index: number, row: ParticipantRow) => set('participants', values.participants.map((p, i) => (i === index ? row : p)));

  return (
    <Stack>
      <Radio.Group label={t('activities.form.kind')} required value={values.kind ?? ''} onChange={(kind) => set('kind', ACTIVITY_KINDS.find((k) => k === kind) ?? null)} error={errors.kind}>
        <Group mt="xs">
          {ACTIVITY_KINDS.map((kind) => (
            <Radio
              key={kind}
              value={kind}
              label={
                <Group gap={4} wrap="nowrap">
                  <KindIcon kind={kind} />
                  {t(`activityKind.${kind}`)}
                </Group>
              }
            />
          ))}
        </Group>
      </Radio.Group>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DateField
          label={t('activities.form.startsOn')}
          required
          value={values.startsOn}
          // The end follows the start until the person sets it apart: most activities last a day.
          onChange={(startsOn) => onChange({ ...values, startsOn, endsOn: values.endsOn === null || values.endsOn === values.startsOn ? startsOn : values.endsOn })}
          error={errors.startsOn}
        />
        <DateField label={t('activities.form.endsOn')} description={t('activities.form.endsOnHint')} value={values.endsOn} onChange={(endsOn) => set('endsOn', endsOn)} error={errors.endsOn} />
      </SimpleGrid>

      <Radio.Group label={t('activities.form.status')} description={t('activities.form.statusHint')} value={effectiveStatus(values, today)} onChange={(status) => set('status', FORM_STATUSES.find((s) => s === status) ?? null)} error={errors.status}>
        <Group mt="xs">
          {FORM_STATUSES.map((status) => (
            <Radio key={status} value={status} label={t(`activityStatus.${status}`)} />
          ))}
        </Group>
      </Radio.Group>

      <Fieldset legend={t('activities.form.titleHint')}>
        <Stack gap="xs">
          <TextInput label={t('activities.form.titleTh')} lang="th" value={values.title.th} onChange={(e) => set('title', { ...values.title, th: e.currentTarget.value })} error={errors.title ?? errors['title.th']} />
          <TextInput label={t('activities.form.titleEn')} lang="en" value={values.title.en} onChange={(e) => set('title', { ...values.title, en: e.currentTarget.value })} error={errors['title.en']} />
          <TextInput label={t('activities.form.titleZh')} lang="zh" value={values.title.zh} onChange={(e) => set('title', { ...values.title, zh: e.currentTarget.value })} error={errors['title.zh']} />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('activities.form.place')}>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput label={t('activities.form.venue')} value={values.venue} onChange={(e) => set('venue', e.currentTarget.value)} error={errors['location.venue']} />
          <TextInput label={t('activities.form.city')} value={values.city} onChange={(e) => set('city', e.currentTarget.value)} error={errors['location.city']} />
          <TextInput label={t('activities.form.country')} value={values.country} maxLength={2} onChange={(e) => set('country', e.currentTarget.value.toUpperCase())} error={errors['location.country'] ?? errors.location} />
        </SimpleGrid>
      </Fieldset>

      <Select
        label={t('activities.form.program')}
        placeholder={t('activities.form.programPlaceholder')}
        searchable
        clearable
        data={programOptions}
        value={values.programId}
        onChange={(programId) => set('programId', programId)}
        error={errors.programId}
      />

      <OrganizationListField label={t('activities.form.organizers')} value={values.organizers} onChange={(organizers) => set('organizers', organizers)} error={errors.organizerIds} />

      <Fieldset legend={t('activities.form.participants')}>
        <Stack>
          {values.participants.map((row, index) => {
            const at = (field: string) => errors[`participants.${index}.${field}`];
            return (
              <Card key={row.key} withBorder padding="sm" component="section" aria-label={t('activities.form.participant', { number: index + 1 })}>
                <Group justify="space-between" mb={4}>
                  <Text fw={600} size="sm">
                    {t('activities.form.participant', { number: index + 1 })}
                  </Text>
                  <ActionIcon variant="subtle" color="red" aria-label={t('activities.form.removeParticipant', { number: index + 1 })} onClick={() => set('participants', values.participants.filter((_, i) => i !== index))}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
                {errors[`participants.${index}`] && (
                  <Text c="red.8" size="sm" role="alert">
                    {errors[`participants.${index}`]}
                  </Text>
                )}
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <TextInput label={t('activities.form.nameTh')} value={row.nameTh} onChange={(e) => setParticipant(index, { ...row, nameTh: e.currentTarget.value })} error={at('name') ?? at('name.th')} />
                  <TextInput label={t('activities.form.nameEn')} value={row.nameEn} onChange={(e) => setParticipant(index, { ...row, nameEn: e.currentTarget.value })} error={at('name.en')} />
                  <TextInput label={t('activities.form.positionTh')} value={row.positionTh} onChange={(e) => setParticipant(index, { ...row, positionTh: e.currentTarget.value })} error={at('position') ?? at('position.th')} />
                  <TextInput label={t('activities.form.positionEn')} value={row.positionEn} onChange={(e) => setParticipant(index, { ...row, positionEn: e.currentTarget.value })} error={at('position.en')} />
                </SimpleGrid>
                <OrganizationPicker label={t('activities.form.organization')} value={row.organization} onChange={(organization) => setParticipant(index, { ...row, organization })} error={at('organizationId')} />
              </Card>
            );
          })}
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => set('participants', [...values.participants, emptyParticipant()])}>
              {t('activities.form.addParticipant')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <TagsInput label={t('activities.form.topics')} description={t('activities.form.topicsHint')} value={values.topics} onChange={(topics) => set('topics', topics)} error={errors.topics} clearable />

      <Textarea label={t('activities.form.summary')} autosize minRows={3} value={values.summary} onChange={(e) => set('summary', e.currentTarget.value)} error={errors.summary} />
    </Stack>
  );
}
