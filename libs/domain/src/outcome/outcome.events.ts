import type { Event } from '../shared/decider';

export const outcomeKinds = ['REVENUE', 'INVESTMENT', 'ORDERS', 'PARTICIPANTS', 'TRAINED', 'AGREEMENT', 'OTHER'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/**
 * What an outcome measures: an amount of money, a count, or both (120 orders worth
 * 2,500,000.00 THB). amount and currency are set together; amount is a decimal string at
 * the currency's scale.
 */
export type OutcomeMeasure = { amount: string | null; currency: string | null; quantity: number | null };

export type OutcomeRecorded = Event<
  'OutcomeRecorded',
  OutcomeMeasure & {
    outcomeId: string;
    programId: string;
    activityId: string | null;
    kind: OutcomeKind;
    description: string | null;
  }
>;

/**
 * A correction replaces the measure and description as a whole (the full new values, not a
 * diff), so a projection overwrites; the recorded original stays in the history.
 */
export type OutcomeCorrected = Event<
  'OutcomeCorrected',
  OutcomeMeasure & { outcomeId: string; programId: string; description: string | null; reason: string }
>;

/**
 * The outcome was recorded by mistake (entered twice, for the wrong program): it stays in the
 * history and in outcome lists, marked voided, and counts in no total from then on.
 */
export type OutcomeVoided = Event<'OutcomeVoided', { outcomeId: string; programId: string; reason: string }>;

export type OutcomeEvent = OutcomeRecorded | OutcomeCorrected | OutcomeVoided;

export const outcomeEventSchemaVersions = {
  OutcomeRecorded: 1,
  OutcomeCorrected: 1,
  OutcomeVoided: 1,
} as const satisfies Record<OutcomeEvent['type'], number>;
