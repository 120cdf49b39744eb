import { assertNever, type CommandMetadata, type Decider } from '../shared/decider';
import { ConflictError, NotFoundError } from '../shared/errors';
import { businessDateOf, optionalDate } from '../shared/thai-date';
import {
  assertOrganizationsKnown,
  MAX_LONG_TEXT,
  oneOf,
  optionalId,
  optionalText,
  requiredText,
  requireFact,
  requireId,
} from '../shared/validation';
import type { AddFollowUp, CloseFollowUp, FollowUpCommand } from './follow-up.commands';
import type { FollowUpAdded, FollowUpClosed, FollowUpEvent, FollowUpStatus } from './follow-up.events';

export type FollowUpState =
  | { exists: false }
  | {
      exists: true;
      followUpId: string;
      activityId: string;
      programId: string | null;
      ownerId: string | null;
      status: FollowUpStatus;
      closedOn: string | null;
    };

export const initialState: FollowUpState = { exists: false };

export function evolve(state: FollowUpState, event: FollowUpEvent): FollowUpState {
  switch (event.type) {
    case 'FollowUpAdded': {
      const { followUpId, activityId, programId, ownerId } = event.data;
      return { exists: true, followUpId, activityId, programId, ownerId, status: 'OPEN', closedOn: null };
    }
    case 'FollowUpClosed':
      return state.exists ? { ...state, status: event.data.status, closedOn: event.data.closedOn } : state;
    default:
      return assertNever(event);
  }
}

export function decide(command: FollowUpCommand, state: FollowUpState): FollowUpEvent[] {
  switch (command.type) {
    case 'AddFollowUp':
      return [add(command.data, state)];
    case 'CloseFollowUp':
      return [close(command.data, command.metadata, state)];
    default:
      return assertNever(command);
  }
}

export const followUpDecider: Decider<FollowUpCommand, FollowUpEvent, FollowUpState> = { initialState, evolve, decide };

/** A follow-up may be added whatever the program's status: the promises made at a meeting outlive the program. */
function add(data: AddFollowUp['data'], state: FollowUpState): FollowUpAdded {
  const followUpId = requireId(data.followUpId, 'followUpId');
  if (state.exists) throw new ConflictError(`follow-up ${followUpId} is already added`);
  const activityId = requireId(data.activityId, 'activityId');
  const activity = requireFact(data.activity, 'activity');
  if (!activity.exists) throw new NotFoundError('activity', activityId, 'activityId');
  const ownerId = optionalId(data.ownerId, 'ownerId');
  if (ownerId !== null) assertOrganizationsKnown([ownerId], data.knownOrganizationIds, 'ownerId');
  return {
    type: 'FollowUpAdded',
    data: {
      followUpId,
      activityId,
      programId: activity.programId,
      description: requiredText(data.description, 'description', MAX_LONG_TEXT),
      ownerId,
      dueOn: optionalDate(data.dueOn, 'dueOn'),
    },
  };
}

function close(data: CloseFollowUp['data'], metadata: CommandMetadata, state: FollowUpState): FollowUpClosed {
  const followUpId = requireId(data.followUpId, 'followUpId');
  if (!state.exists) throw new NotFoundError('follow-up', followUpId, 'followUpId');
  const status = oneOf(data.status, ['DONE', 'DROPPED'] as const, 'status');
  if (state.status !== 'OPEN') {
    throw new ConflictError(`follow-up ${followUpId} was already closed as ${state.status} on ${state.closedOn}`);
  }
  return {
    type: 'FollowUpClosed',
    data: { followUpId, status, note: optionalText(data.note, 'note'), closedOn: businessDateOf(metadata.now) },
  };
}
