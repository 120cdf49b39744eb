import type { Command } from '../shared/decider';
import type { LocalizedTextInput } from '../shared/localized-text';
import type { ProgramFacts } from '../program';
import type { ActivityKind, ActivityStatus } from './activity.events';

export type LocationInput = { venue?: string | null; city?: string | null; country?: string | null };

export type ParticipantInput = {
  name: LocalizedTextInput;
  position?: LocalizedTextInput | null;
  organizationId?: string | null;
};

export type LogActivity = Command<
  'LogActivity',
  {
    activityId: string;
    programId?: string | null;
    kind: ActivityKind;
    /** PLANNED or HELD; HELD when left out. */
    status?: ActivityStatus | null;
    title: LocalizedTextInput;
    startsOn: string;
    /** Defaults to startsOn. */
    endsOn?: string | null;
    location?: LocationInput | null;
    organizerIds?: readonly string[] | null;
    participants?: readonly ParticipantInput[] | null;
    topics?: readonly string[] | null;
    summary?: string | null;
    /** Fact: which of the referenced organisation ids (organizers, participants) the handler found. */
    knownOrganizationIds: readonly string[];
    /** Fact, required when programId is set (the program's stream, folded). */
    program?: ProgramFacts;
  }
>;

/**
 * Fields left undefined keep their value; null clears an optional one (endsOn null: a one-day
 * activity; a list null: empty) and is refused for a required one (kind, status, title,
 * startsOn). A list given replaces the whole list.
 */
export type CorrectActivity = Command<
  'CorrectActivity',
  {
    activityId: string;
    /** Another program moves the activity there; it must be open, as for logging. */
    programId?: string | null;
    kind?: ActivityKind | null;
    /** PLANNED or HELD; CANCELLED is cancelActivity's. */
    status?: ActivityStatus | null;
    title?: LocalizedTextInput | null;
    startsOn?: string | null;
    endsOn?: string | null;
    location?: LocationInput | null;
    organizerIds?: readonly string[] | null;
    participants?: readonly ParticipantInput[] | null;
    topics?: readonly string[] | null;
    summary?: string | null;
    reason: string;
    /** Fact: which of the referenced organisation ids (organizers, participants) the handler found. */
    knownOrganizationIds: readonly string[];
    /** Fact, required when programId is set (the program's stream, folded). */
    program?: ProgramFacts;
  }
>;

export type CancelActivity = Command<'CancelActivity', { activityId: string; reason: string }>;

export type ActivityCommand = LogActivity | CorrectActivity | CancelActivity;
