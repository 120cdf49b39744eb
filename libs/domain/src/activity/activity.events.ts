import type { Event } from '../shared/decider';
import type { LocalizedText } from '../shared/localized-text';

export const activityKinds = ['MEETING', 'SITE_VISIT', 'FAIR', 'WORKSHOP'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * PLANNED (a fair next year), HELD (it took place: the default) or CANCELLED. An activity is
 * logged and corrected as PLANNED or HELD; only cancelActivity makes it CANCELLED, so the
 * cancellation always carries its own event and reason.
 */
export const activityStatuses = ['PLANNED', 'HELD', 'CANCELLED'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** Each part may be missing; a location with no part at all is recorded as null. */
export type Location = { venue: string | null; city: string | null; country: string | null };

export type Participant = {
  name: LocalizedText;
  position: LocalizedText | null;
  organizationId: string | null;
};

/** Everything recorded about an activity, as logged or as it stands after a correction. */
export type ActivityDetails = {
  activityId: string;
  programId: string | null;
  kind: ActivityKind;
  status: ActivityStatus;
  title: LocalizedText;
  startsOn: string;
  /** Equal to startsOn for a one-day activity, never before it. */
  endsOn: string;
  location: Location | null;
  organizerIds: string[];
  participants: Participant[];
  topics: string[];
  summary: string | null;
};

/** The fields a correction may change, in the order `changed` lists them. */
export const correctableActivityFields = [
  'programId',
  'kind',
  'status',
  'title',
  'startsOn',
  'endsOn',
  'location',
  'organizerIds',
  'participants',
  'topics',
  'summary',
] as const satisfies readonly (keyof ActivityDetails)[];
export type CorrectableActivityField = (typeof correctableActivityFields)[number];

/** Current shape (schema version 3): PLANNED or HELD. */
export type ActivityLogged = Event<'ActivityLogged', ActivityDetails>;

/**
 * Schema version 2, as stored before activities had a status: every one of them had taken
 * place (HELD). Kept so stored V2 events can still be read (see activity.upcasters).
 */
export type ActivityLoggedV2 = Event<'ActivityLogged', Omit<ActivityDetails, 'status'>>;

/**
 * Schema version 1, as stored before fairs spanning several days were tracked: one `date`
 * instead of startsOn/endsOn. Kept so stored V1 events can still be read (see activity.upcasters).
 */
export type ActivityLoggedV1 = Event<'ActivityLogged', Omit<ActivityLoggedV2['data'], 'startsOn' | 'endsOn'> & { date: string }>;

/**
 * A correction: the activity's whole state after it (not a diff), so a projection overwrites
 * the row and a replay that starts here (the history of the program the activity moved to)
 * can build the row from this event alone. `changed` names what the correction changed;
 * `previousProgramId` is the program the activity belonged to before it (equal to programId
 * unless the correction moved it). The recorded original stays in the history.
 */
export type ActivityCorrected = Event<
  'ActivityCorrected',
  ActivityDetails & { changed: CorrectableActivityField[]; previousProgramId: string | null; reason: string }
>;

/**
 * The activity will not take place, or did not. Its outcomes and follow-ups are left as they
 * are: each is a record of its own, voided, closed or dropped by its own command.
 */
export type ActivityCancelled = Event<
  'ActivityCancelled',
  { activityId: string; programId: string | null; previousStatus: ActivityStatus; reason: string }
>;

export type ActivityEvent = ActivityLogged | ActivityCorrected | ActivityCancelled;

export const activityEventSchemaVersions = {
  ActivityLogged: 3,
  ActivityCorrected: 1,
  ActivityCancelled: 1,
} as const satisfies Record<ActivityEvent['type'], number>;
