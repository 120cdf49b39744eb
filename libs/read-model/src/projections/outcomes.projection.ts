import type { Projection } from '../projection';
import { alreadyApplied, stamp } from '../projection';

/** An outcome's current values: a correction replaces them; history keeps the original. */
export type OutcomeRow = {
  id: string;
  program_id: string;
  activity_id: string | null;
  kind: string;
  /** NUMERIC in PostgreSQL, a decimal string here: never a float. */
  amount: string | null;
  currency: string | null;
  quantity: number | null;
  description: string | null;
  /** Recorded by mistake: still listed, counted in no total. */
  voided: boolean;
  version: number;
  created_at: string;
  updated_at: string;
  last_position: string;
};

export const outcomesProjection: Projection = {
  name: 'outcomes',
  tables: [{ name: 'outcomes', key: 'id' }],
  keysOf(event) {
    return event.type === 'OutcomeRecorded' || event.type === 'OutcomeCorrected' || event.type === 'OutcomeVoided'
      ? [{ table: 'outcomes', id: event.data.outcomeId }]
      : [];
  },
  apply(event, rows) {
    if (event.type !== 'OutcomeRecorded' && event.type !== 'OutcomeCorrected' && event.type !== 'OutcomeVoided') return;
    const row = rows.get<OutcomeRow>('outcomes', event.data.outcomeId);
    if (alreadyApplied(row, event)) return;
    if (event.type === 'OutcomeVoided') {
      if (row) rows.put('outcomes', { ...row, voided: true, ...stamp(event, row.created_at) });
      return;
    }
    const { amount, currency, quantity, description } = event.data;
    if (event.type === 'OutcomeRecorded') {
      const { outcomeId, programId, activityId, kind } = event.data;
      rows.put('outcomes', {
        id: outcomeId,
        program_id: programId,
        activity_id: activityId,
        kind,
        amount,
        currency,
        quantity,
        description,
        voided: false,
        ...stamp(event),
      });
    } else if (row) {
      rows.put('outcomes', { ...row, amount, currency, quantity, description, ...stamp(event, row.created_at) });
    }
  },
};
