import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { mutationErrors, type MutationErrors } from '../forms/command';

/** Whether a failed command was refused because the record moved on since the form opened. */
export function isStaleVersion(error: CombinedError | undefined): boolean {
  return Boolean(error?.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT' && e.extensions?.reason === 'WRONG_EXPECTED_VERSION'));
}

/**
 * A command's errors in the reader's words: a stale version says plainly that someone else changed
 * the record (the page re-reads it), another CONFLICT says it conflicts with what is recorded.
 */
export function useCommandErrors(error: CombinedError | undefined): MutationErrors {
  const { t } = useTranslation();
  const errors = mutationErrors(error);
  if (errors.code === 'CONFLICT') {
    errors.form = isStaleVersion(error) ? t('programs.actions.conflictVersion') : t('programs.actions.conflict', { message: errors.form ?? '' });
  }
  return errors;
}

/**
 * One planner command as a dialog: its fields, the form-level error announced above them, cancel
 * and submit. A failed save keeps everything typed (the fields live in the caller's state).
 */
export function ActionModal({
  title,
  submitLabel,
  onClose,
  onSubmit,
  submitting,
  formError,
  children,
}: {
  title: string;
  submitLabel: string;
  onClose(): void;
  onSubmit(): void;
  submitting: boolean;
  formError: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
