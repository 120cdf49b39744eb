import { Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../graphql/graphql';
import { CorrectOutcomeMutation, RecordOutcomeMutation, VoidOutcomeMutation, type ActivityQuery } from './activities.operations';
import { FormButtons } from '../forms/FormButtons';
import { FormAlert, ReasonField, ReasonOnlyForm, useSave } from './forms';
import { readAmount, readQuantity } from './outcome-input';

export const OUTCOME_KINDS = ['REVENUE', 'INVESTMENT', 'ORDERS', 'PARTICIPANTS', 'TRAINED', 'AGREEMENT', 'OTHER'] as const;
type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export type Outcome = NonNullable<ResultOf<typeof ActivityQuery>['activity']>['outcomes'][number];
type MeasureError = 'amount' | 'currency' | 'quantity' | 'measure';

interface Measure {
  amount: string;
  currency: string;
  quantity: string;
}

/** Amount (with currency) or quantity, checked before sending; money stays a decimal string. */
function readMeasure(measure: Measure): { ok: true; amount: string | null; currency: string | null; quantity: number | null } | { ok: false; errors: Partial<Record<'amount' | 'currency' | 'quantity', MeasureError>> } {
  const amount = readAmount(measure.amount);
  const quantity = readQuantity(measure.quantity);
  const errors: Partial<Record<'amount' | 'currency' | 'quantity', MeasureError>> = {};
  if (!amount.ok) errors.amount = 'amount';
  if (!quantity.ok) errors.quantity = 'quantity';
  if (amount.ok && amount.amount !== null && !/^[A-Za-z]{3}$/.test(measure.currency.trim())) errors.currency = 'currency';
  if (amount.ok && quantity.ok && amount.amount === null && quantity.quantity === null) errors.amount = 'measure';
  if (!amount.ok || !quantity.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, amount: amount.amount, currency: amount.amount === null ? null : measure.currency.trim().toUpperCase(), quantity: quantity.quantity };
}

function MeasureFields({ measure, onChange, errors }: { measure: Measure; onChange(measure: Measure): void; errors: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <TextInput label={t('activities.outcomes.amount')} inputMode="decimal" value={measure.amount} onChange={(e) => onChange({ ...measure, amount: e.currentTarget.value })} error={errors.amount} />
      <TextInput label={t('activities.outcomes.currency')} maxLength={3} value={measure.currency} onChange={(e) => onChange({ ...measure, currency: e.currentTarget.value.toUpperCase() })} error={errors.currency} />
      <TextInput label={t('activities.outcomes.quantity')} inputMode="numeric" value={measure.quantity} onChange={(e) => onChange({ ...measure, quantity: e.currentTarget.value })} error={errors.quantity} />
    </SimpleGrid>
  );
}

/** Record an outcome of an activity (it belongs to the activity's program). */
export function RecordOutcomeForm({ activityId, programId, onSaved, onClose }: { activityId: string; programId: string; onSaved?(): void; onClose?(): void }) {
  const { t } = useTranslation();
  const command = useSave(RecordOutcomeMutation);
  const [kind, setKind] = useState<OutcomeKind | null>(null);
  const [measure, setMeasure] = useState<Measure>({ amount: '', currency: 'THB', quantity: '' });
  const [description, setDescription] = useState('');
  const [own, setOwn] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const submit = async () => {
    const read = readMeasure(measure);
    const errors: Record<string, string> = {};
    if (!kind) errors.kind = t('activities.errors.kindRequired');
    if (!read.ok) for (const [field, key] of Object.entries(read.errors)) errors[field] = t(`activities.errors.${key}`);
    setOwn(errors);
    if (!kind || !read.ok) return;
    const done = await command.save({ programId, activityId, kind, amount: read.amount, currency: read.currency, quantity: read.quantity, description: description.trim() || null });
    if (done) {
      setSaved(true);
      setKind(null);
      setMeasure({ amount: '', currency: 'THB', quantity: '' });
      setDescription('');
      onSaved?.();
    }
  };
  const errors = { ...command.fields, ...own };
  return (
    <form
      noValidate
      aria-labelledby={`record-outcome-${activityId}`}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void submit();
      }}
    >
      <Stack>
        <Title order={3} size="h5" id={`record-outcome-${activityId}`}>
          {t('activities.outcomes.recordTitle')}
        </Title>
        {saved && (
          <Text role="status" c="teal.9">
            {t('activities.outcomes.saved')}
          </Text>
        )}
        <FormAlert stale={command.stale} message={command.form} invalid={Object.keys(own).length > 0} />
        <Select
          label={t('activities.outcomes.kind')}
          required
          data={OUTCOME_KINDS.map((value) => ({ value, label: t(`outcomeKind.${value}`) }))}
          value={kind}
          onChange={(value) => setKind(OUTCOME_KINDS.find((k) => k === value) ?? null)}
          error={errors.kind}
        />
        <MeasureFields measure={measure} onChange={setMeasure} errors={errors} />
        <Textarea label={t('activities.outcomes.description')} autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <FormButtons submit={t('activities.outcomes.save')} onClose={onClose} loading={command.fetching} />
      </Stack>
    </form>
  );
}

/** Correct an outcome's figure or description, with a reason; the earlier figure stays in the history. */
export function CorrectOutcomeForm({ outcome, onDone, onClose, onReload }: { outcome: Outcome; onDone(): void; onClose(): void; onReload(): void }) {
  const { t } = useTranslation();
  const command = useSave(CorrectOutcomeMutation);
  const [measure, setMeasure] = useState<Measure>({ amount: outcome.amount ?? '', currency: outcome.currency ?? 'THB', quantity: outcome.quantity?.toString() ?? '' });
  const [description, setDescription] = useState(outcome.description ?? '');
  const [reason, setReason] = useState('');
  const [own, setOwn] = useState<Record<string, string>>({});

  const submit = async () => {
    const read = readMeasure(measure);
    const errors: Record<string, string> = {};
    if (!read.ok) for (const [field, key] of Object.entries(read.errors)) errors[field] = t(`activities.errors.${key}`);
    if (!reason.trim()) errors.reason = t('activities.errors.reasonRequired');
    if (read.ok) {
      // Only what changed: an unchanged figure sent again would read as a correction of it.
      const changes = {
        ...(read.amount !== outcome.amount ? { amount: read.amount } : {}),
        ...(read.currency !== outcome.currency ? { currency: read.currency } : {}),
        ...(read.quantity !== outcome.quantity ? { quantity: read.quantity } : {}),
        ...((description.trim() || null) !== (outcome.description ?? null) ? { description: description.trim() || null } : {}),
      };
      if (Object.keys(changes).length === 0) errors.amount = t('activities.errors.nothingChanged');
      setOwn(errors);
      if (Object.keys(errors).length > 0) return;
      if (await command.save({ id: outcome.id, expectedVersion: outcome.version, reason: reason.trim(), ...changes })) onDone();
      return;
    }
    setOwn(errors);
  };
  const errors = { ...command.fields, ...own };
  return (
    <form
      noValidate
      aria-label={t('activities.outcomes.correctTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <FormAlert stale={command.stale} message={command.form} invalid={Object.keys(own).length > 0} onReload={onReload} />
        <MeasureFields measure={measure} onChange={setMeasure} errors={errors} />
        <Textarea label={t('activities.outcomes.description')} autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <ReasonField value={reason} onChange={setReason} error={errors.reason} />
        <FormButtons submit={t('activities.page.saveCorrection')} onClose={onClose} loading={command.fetching} />
      </Stack>
    </form>
  );
}

/** Void an outcome recorded by mistake: it stays in the history and counts in no total. */
export function VoidOutcomeForm({ outcome, onDone, onClose, onReload }: { outcome: Outcome; onDone(): void; onClose(): void; onReload(): void }) {
  const { t } = useTranslation();
  return (
    <ReasonOnlyForm
      mutation={VoidOutcomeMutation}
      record={outcome}
      title={t('activities.outcomes.voidTitle')}
      submit={t('activities.outcomes.voidSubmit')}
      onDone={onDone}
      onClose={onClose}
      onReload={onReload}
    />
  );
}
