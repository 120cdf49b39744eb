import type { ActivityFacts } from '../activity';
import type { Command } from '../shared/decider';
import type { ProgramFacts } from '../program';
import type { OutcomeKind } from './outcome.events';

export type RecordOutcome = Command<
  'RecordOutcome',
  {
    outcomeId: string;
    programId: string;
    activityId?: string | null;
    kind: OutcomeKind;
    /** Decimal string ("10000000" or "10000000.00"); never a number. */
    amount?: string | null;
    currency?: string | null;
    quantity?: number | null;
    description?: string | null;
    /** Fact: the program's stream, folded. */
    program: ProgramFacts;
    /** Fact, required when activityId is set: the activity's stream, folded. */
    activity?: ActivityFacts;
  }
>;

/**
 * Fields left undefined keep their current value; null clears them. The result must still
 * be a valid measure.
 */
export type CorrectOutcome = Command<
  'CorrectOutcome',
  {
    outcomeId: string;
    amount?: string | null;
    currency?: string | null;
    quantity?: number | null;
    description?: string | null;
    reason: string;
  }
>;

export type VoidOutcome = Command<'VoidOutcome', { outcomeId: string; reason: string }>;

export type OutcomeCommand = RecordOutcome | CorrectOutcome | VoidOutcome;
