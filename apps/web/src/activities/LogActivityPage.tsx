import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { localized } from '../app/localized';
import { todayIso } from '../format/dates';
import { currentLanguage } from '../i18n/i18n';
import { LogActivityMutation } from './activities.operations';
import { ActivityFields } from './ActivityFields';
import { emptyActivity, isBlank, logInput, validateActivity, type Activity, type ActivityFormValues } from './activity-form';
import { clearDraft, useKeepDraft, useRestoredDraft } from './draft';
import { AddFollowUpForm } from './FollowUpForms';
import { FormAlert, useSave } from './forms';
import { RecordOutcomeForm } from './OutcomeForms';

export const LOG_DRAFT_KEY = 'tracker.draft.logActivity';

/**
 * Log an activity: one form for past and future (the date sets PLANNED or HELD), saved once
 * (one commandId per form), its draft kept on the device until saved. After the save: a link to
 * the new activity and, on the same page, its first outcome and follow-up.
 */
export function LogActivityPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const programId = params.get('programId');
  const today = todayIso();
  const found = useRestoredDraft<ActivityFormValues>(LOG_DRAFT_KEY);
  const restored = found && !isBlank(found.values) ? found : null;
  const [values, setValues] = useState<ActivityFormValues>(() => {
    const base = restored?.values ?? emptyActivity();
    // Opened from a program's page: file it there unless the draft already names a program.
    return programId && !base.programId ? { ...base, programId } : base;
  });
  const command = useSave(LogActivityMutation, restored?.commandId);
  const [own, setOwn] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Activity | null>(null);
  useKeepDraft(LOG_DRAFT_KEY, { values, commandId: command.commandId }, saved === null && !isBlank(values));

  const submit = async () => {
    const invalid = validateActivity(values);
    const messages = Object.fromEntries(Object.entries(invalid).map(([field, key]) => [field, t(`activities.errors.${key}`)]));
    setOwn(messages);
    if (Object.keys(messages).length > 0) return;
    const answer = await command.save(logInput(values, today));
    if (!answer) return;
    clearDraft(LOG_DRAFT_KEY);
    const { activity, result } = answer.logActivity;
    if (activity) setSaved(activity);
    // Recorded but not yet in the read model: its own page waits for it.
    else void navigate(`/activities/${result.streamId.replace(/^activity-/, '')}`);
  };

  if (saved) {
    const title = localized(saved.title, language);
    return (
      <Stack>
        <Title order={1}>{t('activities.form.title')}</Title>
        <Alert color="teal" icon={<IconCheck aria-hidden />} title={t('activities.saved.title')} role="status">
          <Stack gap="xs">
            <Text>{t('activities.saved.body')}</Text>
            <Anchor component={Link} to={`/activities/${saved.id}`} aria-label={t('activities.saved.open', { title })} data-activity-id={saved.id}>
              {title}
            </Anchor>
          </Stack>
        </Alert>
        <Text>{t('activities.saved.next')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder component="section">
            {saved.program ? <RecordOutcomeForm activityId={saved.id} programId={saved.program.id} /> : <Text>{t('activities.outcomes.needsProgram')}</Text>}
          </Card>
          <Card withBorder component="section">
            <AddFollowUpForm activityId={saved.id} />
          </Card>
        </SimpleGrid>
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setValues(emptyActivity(programId));
              setOwn({});
              setSaved(null);
            }}
          >
            {t('activities.saved.another')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const errors = { ...command.fields, ...own };
  return (
    <Stack maw={900}>
      <Title order={1}>{t('activities.form.title')}</Title>
      <Text c="dimmed">{t('activities.form.intro')}</Text>
      {restored && (
        <Text size="sm" role="status">
          {t('activities.form.draftRestored')}
        </Text>
      )}
      <form
        noValidate
        aria-label={t('activities.form.title')}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <FormAlert message={command.form} invalid={Object.keys(own).length > 0 || Object.keys(command.fields).length > 0} />
          <ActivityFields values={values} onChange={setValues} errors={errors} today={today} />
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                clearDraft(LOG_DRAFT_KEY);
                setValues(emptyActivity(programId));
                setOwn({});
              }}
            >
              {t('activities.form.discard')}
            </Button>
            <Button type="submit" loading={command.fetching}>
              {t('activities.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
