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

export type FollowUpEvent = FollowUpAdded | FollowUpClosed;

export const followUpEventSchemaVersions = {
  FollowUpAdded: 1,
  FollowUpClosed: 1,
} as const satisfies Record<FollowUpEvent['type'], number>;
