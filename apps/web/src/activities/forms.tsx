import { Alert, Button, Group, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMutation, type AnyVariables, type CombinedError, type DocumentInput } from 'urql';
import { mutationErrors, useCommandId } from '../forms/command';
import { apiFieldErrors } from './activity-form';

/** The record was changed by someone else since the form read its version (expectedVersion). */
export function isStale(error: CombinedError | undefined): boolean {
  return Boolean(error?.graphQLErrors.some((e) => e.extensions?.reason === 'WRONG_EXPECTED_VERSION'));
}

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
  return { save, commandId, fetching: result.fetching, form: errors.form, fields: apiFieldErrors(errors), stale: isStale(result.error) };
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

/** Submit and close buttons of an inline action form. */
export function FormButtons({ submit, onClose, loading }: { submit: string; onClose?: () => void; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {onClose && (
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" loading={loading}>
        {submit}
      </Button>
    </Group>
  );
}
