import { assertNever, type Decider } from '../shared/decider';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { money } from '../shared/money';
import { assertProgramOpen } from '../program';
import { oneOf, optionalId, optionalText, requiredText, requireFact, requireId, MAX_LONG_TEXT } from '../shared/validation';
import type { CorrectOutcome, OutcomeCommand, RecordOutcome, VoidOutcome } from './outcome.commands';
import {
  outcomeKinds,
  type OutcomeCorrected,
  type OutcomeEvent,
  type OutcomeKind,
  type OutcomeMeasure,
  type OutcomeRecorded,
  type OutcomeVoided,
} from './outcome.events';

export type OutcomeState =
  | { exists: false }
  | (OutcomeMeasure & {
      exists: true;
      outcomeId: string;
      programId: string;
      activityId: string | null;
      kind: OutcomeKind;
      description: string | null;
      /** Recorded by mistake: it takes no correction and no second void. */
      voided: boolean;
    });

/** GraphQL's Int is a signed 32-bit integer; a larger count could be stored but never served. */
const MAX_QUANTITY = 2_147_483_647;

export const initialState: OutcomeState = { exists: false };

export function evolve(state: OutcomeState, event: OutcomeEvent): OutcomeState {
  switch (event.type) {
    case 'OutcomeRecorded': {
      const { outcomeId, programId, activityId, kind, amount, currency, quantity, description } = event.data;
      return { exists: true, outcomeId, programId, activityId, kind, amount, currency, quantity, description, voided: false };
    }
    case 'OutcomeCorrected': {
      if (!state.exists) return state;
      const { amount, currency, quantity, description } = event.data;
      return { ...state, amount, currency, quantity, description };
    }
    case 'OutcomeVoided':
      return state.exists ? { ...state, voided: true } : state;
    default:
      return assertNever(event);
  }
}

export function decide(command: OutcomeCommand, state: OutcomeState): OutcomeEvent[] {
  switch (command.type) {
    case 'RecordOutcome':
      return [record(command.data, state)];
    case 'CorrectOutcome':
      return [correct(command.data, state)];
    case 'VoidOutcome':
      return [voidOutcome(command.data, state)];
    default:
      return assertNever(command);
  }
}

export const outcomeDecider: Decider<OutcomeCommand, OutcomeEvent, OutcomeState> = { initialState, evolve, decide };

function record(data: RecordOutcome['data'], state: OutcomeState): OutcomeRecorded {
  const outcomeId = requireId(data.outcomeId, 'outcomeId');
  if (state.exists) throw new ConflictError(`outcome ${outcomeId} is already recorded`);
  const programId = requireId(data.programId, 'programId');
  assertProgramOpen(programId, requireFact(data.program, 'program'), 'outcomes');
  const activityId = optionalId(data.activityId, 'activityId');
  if (activityId !== null) {
    const activity = requireFact(data.activity, 'activity');
    if (!activity.exists) throw new NotFoundError('activity', activityId, 'activityId');
    // Totals are per program: an outcome credited to another program's activity would be counted twice or lost.
    if (activity.programId !== programId) {
      const owner = activity.programId === null ? 'no program' : `program ${activity.programId}`;
      throw new ValidationError(`activity ${activityId} belongs to ${owner}, not to program ${programId}`, 'activityId');
    }
  }
  return {
    type: 'OutcomeRecorded',
    data: {
      outcomeId,
      programId,
      activityId,
      kind: oneOf(data.kind, outcomeKinds, 'kind'),
      ...measure(data),
      description: optionalText(data.description, 'description'),
    },
  };
}

/** Corrections are allowed whatever the program's status: fixing the record is not new work. */
function correct(data: CorrectOutcome['data'], state: OutcomeState): OutcomeCorrected {
  const outcomeId = requireId(data.outcomeId, 'outcomeId');
  if (!state.exists) throw new NotFoundError('outcome', outcomeId, 'outcomeId');
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  // A voided outcome says "this was never so": a new figure for it is a new outcome.
  if (state.voided) throw new ConflictError(`outcome ${outcomeId} is voided and cannot be corrected; record a new outcome instead`);
  const keep = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);
  const corrected = {
    ...measure({
      amount: keep(data.amount, state.amount),
      currency: keep(data.currency, state.currency),
      quantity: keep(data.quantity, state.quantity),
    }),
    description: optionalText(keep(data.description, state.description), 'description'),
  };
  if (
    corrected.amount === state.amount &&
    corrected.currency === state.currency &&
    corrected.quantity === state.quantity &&
    corrected.description === state.description
  ) {
    throw new ValidationError(`the correction leaves outcome ${outcomeId} as it is`);
  }
  return { type: 'OutcomeCorrected', data: { outcomeId, programId: state.programId, ...corrected, reason } };
}

/** Like a correction, allowed whatever the program's status: it fixes the record. */
function voidOutcome(data: VoidOutcome['data'], state: OutcomeState): OutcomeVoided {
  const outcomeId = requireId(data.outcomeId, 'outcomeId');
  if (!state.exists) throw new NotFoundError('outcome', outcomeId, 'outcomeId');
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  if (state.voided) throw new ConflictError(`outcome ${outcomeId} is already voided`);
  return { type: 'OutcomeVoided', data: { outcomeId, programId: state.programId, reason } };
}

function measure(input: { amount?: unknown; currency?: unknown; quantity?: unknown }): OutcomeMeasure {
  const hasAmount = input.amount !== undefined && input.amount !== null && input.amount !== '';
  const hasCurrency = input.currency !== undefined && input.currency !== null && input.currency !== '';
  const quantity = input.quantity === undefined || input.quantity === null ? null : count(input.quantity);
  if (!hasAmount && quantity === null) throw new ValidationError('an outcome needs an amount or a quantity', 'amount');
  if (hasAmount && !hasCurrency) throw new ValidationError('an amount needs a currency', 'currency');
  if (!hasAmount && hasCurrency) throw new ValidationError('a currency needs an amount', 'amount');
  const exact = hasAmount ? money(input.amount, input.currency) : null;
  return { amount: exact?.amount ?? null, currency: exact?.currency ?? null, quantity };
}

function count(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_QUANTITY) {
    throw new ValidationError(`quantity must be a whole number from 0 to ${MAX_QUANTITY}`, 'quantity');
  }
  return value;
}
