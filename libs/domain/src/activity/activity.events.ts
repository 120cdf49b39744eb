import type { Event } from '../shared/decider';
import type { LocalizedText } from '../shared/localized-text';

export const activityKinds = ['MEETING', 'SITE_VISIT', 'FAIR', 'WORKSHOP'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Each part may be missing; a location with no part at all is recorded as null. */
export type Location = { venue: string | null; city: string | null; country: string | null };

export type Participant = {
  name: LocalizedText;
  position: LocalizedText | null;
  organizationId: string | null;
};

type ActivityLoggedData = {
  activityId: string;
  programId: string | null;
  kind: ActivityKind;
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

/** Current shape (schema version 2). */
export type ActivityLogged = Event<'ActivityLogged', ActivityLoggedData>;

/**
 * Schema version 1, as stored before fairs spanning several days were tracked: one `date`
 * instead of startsOn/endsOn. Kept so stored V1 events can still be read (see activity.upcasters).
 */
export type ActivityLoggedV1 = Event<'ActivityLogged', Omit<ActivityLoggedData, 'startsOn' | 'endsOn'> & { date: string }>;

export type ActivityEvent = ActivityLogged;

export const activityEventSchemaVersions = {
  ActivityLogged: 2,
} as const satisfies Record<ActivityEvent['type'], number>;
