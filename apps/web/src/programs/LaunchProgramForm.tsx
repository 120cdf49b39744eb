import { Select, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useCommandId } from '../forms/command';
import { DateField } from '../forms/DateField';
import { ActionModal, useCommandErrors } from './ActionModal';
import { LaunchProgramMutation } from './programs.operations';

// A program starts as proposed or already active; other statuses come later by a status change.
const LAUNCH_STATUSES = ['PROPOSED', 'ACTIVE'] as const;
type LaunchStatus = (typeof LAUNCH_STATUSES)[number];

/** Launch a program: its titles, summary, start and status; then go to its page. */
export function LaunchProgramForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { commandId } = useCommandId();
  const [title, setTitle] = useState({ th: '', en: '', zh: '' });
  const [summary, setSummary] = useState('');
  const [startedOn, setStartedOn] = useState<string | null>(null);
  const [status, setStatus] = useState<LaunchStatus>('PROPOSED');
  const [checked, setChecked] = useState(false);
  const [result, launch] = useMutation(LaunchProgramMutation);
  const errors = useCommandErrors(result.error);
  const titleMissing = title.th.trim() === '' && title.en.trim() === '';
  const submit = async () => {
    setChecked(true);
    if (titleMissing) return;
    const answer = await launch({
      input: {
        commandId,
        title: { th: title.th.trim() || undefined, en: title.en.trim() || undefined, zh: title.zh.trim() || undefined },
        summary: summary.trim() || undefined,
        startedOn,
        status,
      },
    });
    const program = answer.data?.launchProgram.program;
    if (program) void navigate(`/programs/${program.id}`);
  };
  return (
    <ActionModal title={t('programs.launch.title')} submitLabel={t('programs.launch.submit')} onClose={onClose} onSubmit={() => void submit()} submitting={result.fetching} formError={errors.form}>
      <TextInput
        label={t('programs.launch.titleTh')}
        value={title.th}
        onChange={(e) => setTitle({ ...title, th: e.currentTarget.value })}
        error={errors.fields['title.th'] ?? errors.fields.title ?? (checked && titleMissing ? t('agreements.actions.titleRequired') : null)}
      />
      <TextInput label={t('programs.launch.titleEn')} value={title.en} onChange={(e) => setTitle({ ...title, en: e.currentTarget.value })} error={errors.fields['title.en']} />
      <TextInput label={t('programs.launch.titleZh')} value={title.zh} onChange={(e) => setTitle({ ...title, zh: e.currentTarget.value })} error={errors.fields['title.zh']} />
      <Textarea label={t('programs.launch.summary')} rows={3} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.fields.summary} />
      <DateField label={t('programs.launch.startedOn')} value={startedOn} onChange={setStartedOn} error={errors.fields.startedOn} />
      <Select
        label={t('programs.launch.status')}
        data={LAUNCH_STATUSES.map((value) => ({ value, label: t(`programStatus.${value}`) }))}
        value={status}
        onChange={(value) => setStatus(LAUNCH_STATUSES.find((s) => s === value) ?? 'PROPOSED')}
        allowDeselect={false}
        error={errors.fields.status}
      />
    </ActionModal>
  );
}
