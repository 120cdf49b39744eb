import type { Event } from '../shared/decider';

export const followUpStatuses = ['OPEN', 'DONE', 'DROPPED'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
export type FollowUpClosingStatus = Exclude<FollowUpStatus, 'OPEN'>;

export type FollowUpAdded = Event<
  'FollowUpAdded',
  {
    followUpId: string;
    activityId: string;
    /** The activity's program, copied when the follow-up is added, so program queries need no join. */
    programId: string | null;
    description: string;
    ownerId: string | null;
    dueOn: string | null;
  }
>;

export type FollowUpClosed = Event<
  'FollowUpClosed',
  { followUpId: string; status: FollowUpClosingStatus; note: string | null; closedOn: string }
>;

/** What a follow-up says and who does it by when: the fields an update may change. */
export const followUpUpdatableFields = ['description', 'ownerId', 'dueOn'] as const;
export type FollowUpUpdatableField = (typeof followUpUpdatableFields)[number];

/**
 * An open follow-up reassigned, rescheduled or reworded. It carries the follow-up's whole
 * state after the update (an open follow-up: status OPEN, nothing closed), not a diff, so the
 * event stands alone: an as-of replay that starts from it still has the row. `changed` names
 * the fields that differ from before, for the auditor reading the history and for the
 * projection, which writes only those onto a row it already has.
 */
export type FollowUpUpdated = Event<
  'FollowUpUpdated',
  {
    followUpId: string;
    activityId: string;
    programId: string | null;
    description: string;
    ownerId: string | null;
    dueOn: string | null;
    changed: FollowUpUpdatableField[];
    reason: string;
  }
>;

/**
 * A DONE or DROPPED follow-up back to OPEN: its closing (status, note, closing day) no longer
 * holds. Carries the rest of its state, like FollowUpUpdated, so it stands alone, and the
 * status it left, so the history says what was undone.
 */
export type FollowUpReopened = Event<
  'FollowUpReopened',
  {
    followUpId: string;
    activityId: string;
    programId: string | null;
    description: string;
    ownerId: string | null;
    dueOn: string | null;
    previousStatus: FollowUpClosingStatus;
    reason: string;
  }
>;

export type FollowUpEvent = FollowUpAdded | FollowUpClosed | FollowUpUpdated | FollowUpReopened;

export const followUpEventSchemaVersions = {
  FollowUpAdded: 1,
  FollowUpClosed: 1,
  FollowUpUpdated: 1,
  FollowUpReopened: 1,
} as const satisfies Record<FollowUpEvent['type'], number>;
