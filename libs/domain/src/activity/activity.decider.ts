import { assertNever, type Decider } from '../shared/decider';
import { sameValue } from '../shared/equality';
import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '../shared/errors';
import { localizedText, optionalLocalizedText } from '../shared/localized-text';
import { optionalCountryCode } from '../shared/country-code';
import { dateRange } from '../shared/thai-date';
import {
  assertOrganizationsKnown,
  boundedList,
  comparableText,
  distinctList,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  oneOf,
  optionalId,
  optionalText,
  requiredText,
  requireFact,
  requireId,
} from '../shared/validation';
import { assertProgramOpen } from '../program';
import type {
  ActivityCommand,
  CancelActivity,
  CorrectActivity,
  LocationInput,
  LogActivity,
  ParticipantInput,
} from './activity.commands';
import {
  activityKinds,
  activityStatuses,
  correctableActivityFields,
  type ActivityCancelled,
  type ActivityCorrected,
  type ActivityDetails,
  type ActivityEvent,
  type ActivityLogged,
  type ActivityStatus,
  type Location,
  type Participant,
} from './activity.events';

export type ActivityState = { exists: false } | ({ exists: true } & ActivityDetails);

/**
 * What outcome and follow-up deciders need to know about the activity they link to.
 * A folded ActivityState is itself a valid ActivityFacts.
 */
export type ActivityFacts = { exists: false } | { exists: true; programId: string | null };

export const initialState: ActivityState = { exists: false };

export function evolve(state: ActivityState, event: ActivityEvent): ActivityState {
  switch (event.type) {
    case 'ActivityLogged':
    case 'ActivityCorrected':
      // A correction carries the whole state after it, so both read the same way.
      return { exists: true, ...detailsOf(event.data) };
    case 'ActivityCancelled':
      return state.exists ? { ...state, status: 'CANCELLED' } : state;
    default:
      return assertNever(event);
  }
}

export function decide(command: ActivityCommand, state: ActivityState): ActivityEvent[] {
  switch (command.type) {
    case 'LogActivity':
      return [log(command.data, state)];
    case 'CorrectActivity':
      return [correct(command.data, state)];
    case 'CancelActivity':
      return [cancel(command.data, state)];
    default:
      return assertNever(command);
  }
}

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = { initialState, evolve, decide };

function log(data: LogActivity['data'], state: ActivityState): ActivityLogged {
  const activityId = requireId(data.activityId, 'activityId');
  if (state.exists) throw new ConflictError(`activity ${activityId} is already logged`);
  const programId = optionalId(data.programId, 'programId');
  if (programId !== null) assertProgramOpen(programId, requireFact(data.program, 'program'), 'activities');
  const status = recordableStatus(data.status ?? 'HELD');
  const { startsOn, endsOn } = dateRange(data.startsOn, data.endsOn);
  const organizerIds = organizers(data.organizerIds);
  const participants = participantList(data.participants);
  assertOrganizationsKnown(organizerIds, data.knownOrganizationIds, 'organizerIds');
  assertOrganizationsKnown(organizationsOf(participants), data.knownOrganizationIds, 'participants');
  return {
    type: 'ActivityLogged',
    data: {
      activityId,
      programId,
      kind: oneOf(data.kind, activityKinds, 'kind'),
      status,
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
 * Replaces what the correction gives and keeps what it leaves out; the event carries the whole
 * result. Rules beyond "omitted keeps, null clears":
 * - dates: a one-day activity stays one day when only its start is corrected (the end moves
 *   with it); an activity over several days keeps its end, which may not fall before the new
 *   start (then endsOn must be corrected too);
 * - programId: another program moves the activity there and must be open, as for logging; null
 *   is refused for an activity of a program, which moves between programs but never leaves
 *   them all (the history of each program it belonged to keeps what happened under it);
 * - a CANCELLED activity takes a correction only if the correction also sets its status back to
 *   PLANNED or HELD (reinstating it, with the correction's reason); anything else is CONFLICT:
 *   a cancelled record is not edited in silence;
 * - like an outcome's, a correction is allowed whatever the program's status: fixing the record
 *   is not new work.
 */
function correct(data: CorrectActivity['data'], state: ActivityState): ActivityCorrected {
  const activityId = requireId(data.activityId, 'activityId');
  if (!state.exists) throw new NotFoundError('activity', activityId, 'activityId');
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  const status = data.status === undefined ? state.status : recordableStatus(required(data.status, 'status'));
  if (state.status === 'CANCELLED' && data.status === undefined) {
    throw new ConflictError(
      `activity ${activityId} is CANCELLED: correct it only together with setting its status back to PLANNED or HELD`,
    );
  }
  const programId = correctedProgram(data, state, activityId);
  const { startsOn, endsOn } = dateRange(
    data.startsOn === undefined ? state.startsOn : required(data.startsOn, 'startsOn'),
    data.endsOn !== undefined ? data.endsOn : state.endsOn === state.startsOn ? null : state.endsOn,
  );
  const organizerIds = data.organizerIds === undefined ? state.organizerIds : organizers(data.organizerIds);
  const participants = data.participants === undefined ? state.participants : participantList(data.participants);
  // Only lists the correction gives are checked: the ones kept were checked when recorded.
  if (data.organizerIds !== undefined) assertOrganizationsKnown(organizerIds, data.knownOrganizationIds, 'organizerIds');
  if (data.participants !== undefined) {
    assertOrganizationsKnown(organizationsOf(participants), data.knownOrganizationIds, 'participants');
  }
  const corrected: ActivityDetails = {
    activityId,
    programId,
    kind: data.kind === undefined ? state.kind : oneOf(required(data.kind, 'kind'), activityKinds, 'kind'),
    status,
    title: data.title === undefined ? state.title : localizedText(required(data.title, 'title'), 'title'),
    startsOn,
    endsOn,
    location: data.location === undefined ? state.location : location(data.location),
    organizerIds,
    participants,
    topics: data.topics === undefined ? state.topics : topics(data.topics),
    summary: data.summary === undefined ? state.summary : optionalText(data.summary, 'summary'),
  };
  const changed = correctableActivityFields.filter((field) => !sameValue(corrected[field], state[field]));
  if (changed.length === 0) throw new ValidationError(`the correction leaves activity ${activityId} as it is`);
  return { type: 'ActivityCorrected', data: { ...corrected, changed, previousProgramId: state.programId, reason } };
}

function cancel(data: CancelActivity['data'], state: ActivityState): ActivityCancelled {
  const activityId = requireId(data.activityId, 'activityId');
  if (!state.exists) throw new NotFoundError('activity', activityId, 'activityId');
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  if (state.status === 'CANCELLED') {
    throw new ForbiddenTransitionError(`activity ${activityId} is already CANCELLED`, 'CANCELLED', 'CANCELLED');
  }
  return { type: 'ActivityCancelled', data: { activityId, programId: state.programId, previousStatus: state.status, reason } };
}

function correctedProgram(data: CorrectActivity['data'], state: Extract<ActivityState, { exists: true }>, activityId: string): string | null {
  if (data.programId === undefined) return state.programId;
  if (data.programId === null) {
    if (state.programId === null) return null;
    throw new ValidationError(
      `programId cannot be cleared: activity ${activityId} can move to another program, not out of every program`,
      'programId',
    );
  }
  const programId = requireId(data.programId, 'programId');
  if (programId !== state.programId) assertProgramOpen(programId, requireFact(data.program, 'program'), 'activities');
  return programId;
}

/** A required field may be left out of a correction (kept) but not cleared. */
function required<T>(value: T | null, field: string): T {
  if (value === null) throw new ValidationError(`${field} cannot be cleared: an activity always has one`, field);
  return value;
}

/** The statuses a command may set directly: CANCELLED has its own command (cancelActivity). */
function recordableStatus(value: unknown): ActivityStatus {
  const status = oneOf(value, activityStatuses, 'status');
  if (status === 'CANCELLED') {
    throw new ValidationError('status CANCELLED is set by cancelActivity, with a reason; log or correct as PLANNED or HELD', 'status');
  }
  return status;
}

/** An event's data as details only: a correction's changed, previousProgramId and reason left out. */
function detailsOf(data: ActivityDetails): ActivityDetails {
  const { activityId, programId, kind, status, title, startsOn, endsOn, location, organizerIds, participants, topics, summary } = data;
  return { activityId, programId, kind, status, title, startsOn, endsOn, location, organizerIds, participants, topics, summary };
}

function organizers(input: readonly string[] | null | undefined): string[] {
  return distinctList(
    boundedList(input, 'organizerIds').map((id, i) => requireId(id, `organizerIds[${i}]`)),
    'organizerIds',
  );
}

function participantList(input: readonly ParticipantInput[] | null | undefined): Participant[] {
  return distinctList(
    boundedList(input, 'participants').map((p, i) => participant(p, `participants[${i}]`)),
    'participants',
    participantKeys,
  );
}

function organizationsOf(participants: readonly Participant[]): string[] {
  return participants.flatMap((p) => (p.organizationId === null ? [] : [p.organizationId]));
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
