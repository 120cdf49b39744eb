import { assertNever, type Decider } from '../shared/decider';
import { ConflictError } from '../shared/errors';
import { localizedText, optionalLocalizedText } from '../shared/localized-text';
import { optionalCountryCode } from '../shared/country-code';
import { dateRange } from '../shared/thai-date';
import {
  assertOrganizationsKnown,
  boundedList,
  comparableText,
  distinctList,
  MAX_SHORT_TEXT,
  oneOf,
  optionalId,
  optionalText,
  requireFact,
  requireId,
} from '../shared/validation';
import { assertProgramOpen } from '../program';
import type { ActivityCommand, LocationInput, LogActivity, ParticipantInput } from './activity.commands';
import {
  activityKinds,
  type ActivityEvent,
  type ActivityKind,
  type ActivityLogged,
  type Location,
  type Participant,
} from './activity.events';

export type ActivityState =
  | { exists: false }
  | { exists: true; activityId: string; programId: string | null; kind: ActivityKind; startsOn: string; endsOn: string };

/**
 * What outcome and follow-up deciders need to know about the activity they link to.
 * A folded ActivityState is itself a valid ActivityFacts.
 */
export type ActivityFacts = { exists: false } | { exists: true; programId: string | null };

export const initialState: ActivityState = { exists: false };

export function evolve(state: ActivityState, event: ActivityEvent): ActivityState {
  switch (event.type) {
    case 'ActivityLogged': {
      const { activityId, programId, kind, startsOn, endsOn } = event.data;
      return { exists: true, activityId, programId, kind, startsOn, endsOn };
    }
    default:
      return assertNever(event.type);
  }
}

export function decide(command: ActivityCommand, state: ActivityState): ActivityEvent[] {
  switch (command.type) {
    case 'LogActivity':
      return [log(command.data, state)];
    default:
      return assertNever(command.type);
  }
}

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = { initialState, evolve, decide };

function log(data: LogActivity['data'], state: ActivityState): ActivityLogged {
  const activityId = requireId(data.activityId, 'activityId');
  if (state.exists) throw new ConflictError(`activity ${activityId} is already logged`);
  const programId = optionalId(data.programId, 'programId');
  if (programId !== null) assertProgramOpen(programId, requireFact(data.program, 'program'), 'activities');
  const { startsOn, endsOn } = dateRange(data.startsOn, data.endsOn);
  const organizerIds = distinctList(
    boundedList(data.organizerIds, 'organizerIds').map((id, i) => requireId(id, `organizerIds[${i}]`)),
    'organizerIds',
  );
  const participants = distinctList(
    boundedList(data.participants, 'participants').map((p, i) => participant(p, `participants[${i}]`)),
    'participants',
    participantKeys,
  );
  assertOrganizationsKnown(organizerIds, data.knownOrganizationIds, 'organizerIds');
  assertOrganizationsKnown(
    participants.flatMap((p) => (p.organizationId === null ? [] : [p.organizationId])),
    data.knownOrganizationIds,
    'participants',
  );
  return {
    type: 'ActivityLogged',
    data: {
      activityId,
      programId,
      kind: oneOf(data.kind, activityKinds, 'kind'),
      title: localizedText(data.title, 'title'),
      startsOn,
      endsOn,
      location: location(data.location),
      organizerIds,
      participants,
      topics: topics(data.topics),
      summary: optionalText(data.summary, 'summary'),
    },
  };
}

/**
 * Blank topics are dropped (there is nothing to keep); a topic repeated, whatever its case or
 * spacing, is refused like any repeat in a list (distinctList).
 */
function topics(input: readonly string[] | null | undefined): string[] {
  const texts = boundedList(input, 'topics').map((topic, i) => optionalText(topic, `topics[${i}]`, MAX_SHORT_TEXT));
  distinctList(texts, 'topics', (topic) => (topic === null ? [] : comparableText(topic)));
  return texts.filter((topic) => topic !== null);
}

/**
 * Two participants are the same person when they belong to the same organisation (or both to
 * none) and share a name in any language: "Paiboon" twice, or the same Thai name written with
 * two transliterations, is one person typed twice.
 */
function participantKeys(participant: Participant): string[] {
  const organization = participant.organizationId ?? '';
  return Object.values(participant.name).map((name) => `${organization}\u0000${comparableText(name)}`);
}

function participant(input: ParticipantInput, field: string): Participant {
  return {
    name: localizedText(input.name, `${field}.name`),
    position: optionalLocalizedText(input.position, `${field}.position`),
    organizationId: optionalId(input.organizationId, `${field}.organizationId`),
  };
}

function location(input: LocationInput | null | undefined): Location | null {
  if (input === null || input === undefined) return null;
  const venue = optionalText(input.venue, 'location.venue', MAX_SHORT_TEXT);
  const city = optionalText(input.city, 'location.city', MAX_SHORT_TEXT);
  const country = optionalCountryCode(input.country, 'location.country');
  return venue === null && city === null && country === null ? null : { venue, city, country };
}
