import { assertNever, type CommandMetadata, type Decider } from '../shared/decider';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
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
import type { AddFollowUp, CloseFollowUp, FollowUpCommand, ReopenFollowUp, UpdateFollowUp } from './follow-up.commands';
import {
  followUpUpdatableFields,
  type FollowUpAdded,
  type FollowUpClosed,
  type FollowUpEvent,
  type FollowUpReopened,
  type FollowUpStatus,
  type FollowUpUpdated,
} from './follow-up.events';

export type FollowUpState =
  | { exists: false }
  | {
      exists: true;
      followUpId: string;
      activityId: string;
      programId: string | null;
      description: string;
      ownerId: string | null;
      dueOn: string | null;
      status: FollowUpStatus;
      closedOn: string | null;
    };

export const initialState: FollowUpState = { exists: false };

export function evolve(state: FollowUpState, event: FollowUpEvent): FollowUpState {
  switch (event.type) {
    case 'FollowUpAdded': {
      const { followUpId, activityId, programId, description, ownerId, dueOn } = event.data;
      return { exists: true, followUpId, activityId, programId, description, ownerId, dueOn, status: 'OPEN', closedOn: null };
    }
    case 'FollowUpClosed':
      return state.exists ? { ...state, status: event.data.status, closedOn: event.data.closedOn } : state;
    case 'FollowUpUpdated':
    case 'FollowUpReopened': {
      if (!state.exists) return state;
      const { description, ownerId, dueOn } = event.data;
      return { ...state, description, ownerId, dueOn, status: 'OPEN', closedOn: null };
    }
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
    case 'UpdateFollowUp':
      return [update(command.data, state)];
    case 'ReopenFollowUp':
      return [reopen(command.data, state)];
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

/**
 * Omitted fields keep their value, null clears the owner or the due date. Allowed whatever the
 * program's status, like adding one. Only an OPEN follow-up is updated (see UpdateFollowUp).
 */
function update(data: UpdateFollowUp['data'], state: FollowUpState): FollowUpUpdated {
  const followUpId = requireId(data.followUpId, 'followUpId');
  if (!state.exists) throw new NotFoundError('follow-up', followUpId, 'followUpId');
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  if (data.description === null) throw new ValidationError('description cannot be cleared: a follow-up says what is to be done', 'description');
  const description = data.description === undefined ? state.description : requiredText(data.description, 'description', MAX_LONG_TEXT);
  const ownerId = data.ownerId === undefined ? state.ownerId : optionalId(data.ownerId, 'ownerId');
  // Only a new owner is checked: the current one was checked when it was set.
  if (ownerId !== null && ownerId !== state.ownerId) assertOrganizationsKnown([ownerId], data.knownOrganizationIds, 'ownerId');
  const dueOn = data.dueOn === undefined ? state.dueOn : optionalDate(data.dueOn, 'dueOn');
  assertOpen(state, 'updated');
  const updated = { description, ownerId, dueOn };
  const changed = followUpUpdatableFields.filter((field) => updated[field] !== state[field]);
  if (changed.length === 0) throw new ValidationError(`the update leaves follow-up ${followUpId} as it is`);
  const { activityId, programId } = state;
  return { type: 'FollowUpUpdated', data: { followUpId, activityId, programId, ...updated, changed, reason } };
}

function reopen(data: ReopenFollowUp['data'], state: FollowUpState): FollowUpReopened {
  const followUpId = requireId(data.followUpId, 'followUpId');
  if (!state.exists) throw new NotFoundError('follow-up', followUpId, 'followUpId');
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  if (state.status === 'OPEN') {
    throw new ConflictError(`follow-up ${followUpId} is OPEN: only a DONE or DROPPED follow-up can be reopened`);
  }
  const { activityId, programId, description, ownerId, dueOn, status: previousStatus } = state;
  return { type: 'FollowUpReopened', data: { followUpId, activityId, programId, description, ownerId, dueOn, previousStatus, reason } };
}

function assertOpen(state: Extract<FollowUpState, { exists: true }>, what: string): void {
  if (state.status !== 'OPEN') {
    throw new ConflictError(
      `follow-up ${state.followUpId} is ${state.status} (closed on ${state.closedOn}) and cannot be ${what}: reopen it first`,
    );
  }
}
