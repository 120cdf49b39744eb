import type { Command } from '../shared/decider';
import type { LocalizedTextInput } from '../shared/localized-text';
import type { ProgramFacts } from '../program';
import type { ActivityKind } from './activity.events';

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

export type ActivityCommand = LogActivity;
