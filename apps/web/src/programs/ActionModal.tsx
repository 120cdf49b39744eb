import { Alert, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { mutationErrors, type MutationErrors } from '../forms/command';
import { FormButtons } from '../forms/FormButtons';

/**
 * A command's errors in the reader's words: a stale version says plainly that someone else changed
 * the record (the page re-reads it), another CONFLICT says it conflicts with what is recorded.
 */
export function useCommandErrors(error: CombinedError | undefined): MutationErrors {
  const { t } = useTranslation();
  const errors = mutationErrors(error);
  if (errors.code === 'CONFLICT') {
    errors.form = errors.stale ? t('programs.actions.conflictVersion') : t('programs.actions.conflict', { message: errors.form ?? '' });
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
          <FormButtons submit={submitLabel} onClose={onClose} loading={submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
