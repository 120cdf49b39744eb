import { Alert, Button, Stack, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type AnyVariables, type DocumentInput } from 'urql';
import { mutationErrors, useCommandId } from '../forms/command';
import { FormButtons } from '../forms/FormButtons';
import { apiFieldErrors } from './activity-form';

/**
 * One command form's sending: its commandId (made when the form opens, sent with every try, so a
 * double click or a retry records once; a new one only after a success), and the API's errors
 * by field in the form's spelling. `save` answers the payload, or null when the API refused.
 */
export function useSave<Data, Input extends { commandId?: string | null }>(mutation: DocumentInput<Data, { input: Input } & AnyVariables>, initialCommandId?: string) {
  const { commandId, next } = useCommandId(initialCommandId);
  const [result, execute] = useMutation(mutation);
  const errors = mutationErrors(result.error);
  const save = async (input: Omit<Input, 'commandId'>): Promise<Data | null> => {
    const answer = await execute({ input: { ...input, commandId } as Input });
    if (answer.error || !answer.data) return null;
    next();
    return answer.data;
  };
  return { save, commandId, fetching: result.fetching, form: errors.form, fields: apiFieldErrors(errors), stale: errors.stale };
}

/**
 * What belongs to no field, above the form and announced: a stale record (with a reload), the
 * API's refusal, or "correct the fields below" when the form itself refused.
 */
export function FormAlert({ stale, message, invalid, onReload }: { stale?: boolean; message?: string | null; invalid?: boolean; onReload?: () => void }) {
  const { t } = useTranslation();
  if (stale) {
    return (
      <Alert color="orange" role="alert" icon={<IconAlertTriangle aria-hidden />} title={t('activities.errors.stale')}>
        {onReload && (
          <Button size="xs" variant="light" onClick={onReload}>
            {t('activities.errors.reload')}
          </Button>
        )}
      </Alert>
    );
  }
  if (message) {
    return (
      <Alert color="red" role="alert">
        {message}
      </Alert>
    );
  }
  if (invalid) {
    return (
      <Alert color="red" role="alert">
        {t('activities.errors.fixBelow')}
      </Alert>
    );
  }
  return null;
}

/** The reason every correction, cancellation, void and reopening needs. */
export function ReasonField({ value, onChange, error }: { value: string; onChange(value: string): void; error?: string | null }) {
  const { t } = useTranslation();
  return <Textarea label={t('common.reason')} required autosize minRows={2} value={value} onChange={(event) => onChange(event.currentTarget.value)} error={error} />;
}

/** The input of a command whose only field is its reason. */
type ReasonInput = { commandId?: string | null; id: string; expectedVersion?: number | null; reason: string };

/**
 * A command that takes nothing but a reason (cancel an activity, void an outcome, reopen a
 * follow-up): sent for the record as shown (its version, so a stale form gets CONFLICT), and
 * refused here, in the reader's language, while the reason is blank.
 */
export function ReasonOnlyForm<Data>({
  mutation,
  record,
  title,
  showTitle = false,
  submit,
  onDone,
  onClose,
  onReload,
}: {
  mutation: DocumentInput<Data, { input: ReasonInput } & AnyVariables>;
  record: { id: string; version: number };
  title: string;
  showTitle?: boolean;
  submit: string;
  onDone(): void;
  onClose(): void;
  onReload(): void;
}) {
  const { t } = useTranslation();
  const command = useSave(mutation);
  const [reason, setReason] = useState('');
  const [own, setOwn] = useState<string | null>(null);
  return (
    <form
      noValidate
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) {
          setOwn(t('activities.errors.reasonRequired'));
          return;
        }
        setOwn(null);
        void command.save({ id: record.id, expectedVersion: record.version, reason: reason.trim() }).then((saved) => saved && onDone());
      }}
    >
      <Stack>
        {showTitle && (
          <Title order={3} size="h5">
            {title}
          </Title>
        )}
        <FormAlert stale={command.stale} message={command.form} onReload={onReload} />
        <ReasonField value={reason} onChange={setReason} error={own ?? command.fields.reason} />
        <FormButtons submit={submit} onClose={onClose} loading={command.fetching} />
      </Stack>
    </form>
  );
}
