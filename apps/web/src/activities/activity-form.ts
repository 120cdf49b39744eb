import type { LocalizedText } from '../app/localized';
import type { MutationErrors } from '../forms/command';
import type { ResultOf, VariablesOf } from '../graphql/graphql';
import type { PickedOrganization } from '../organizations/OrganizationPicker';
import type { ActivityQuery, CorrectActivityMutation, LogActivityMutation } from './activities.operations';

export const ACTIVITY_KINDS = ['MEETING', 'SITE_VISIT', 'FAIR', 'WORKSHOP'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
/** The statuses a form may set: CANCELLED has its own action, with a reason. */
export const FORM_STATUSES = ['PLANNED', 'HELD'] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

export type Activity = NonNullable<ResultOf<typeof ActivityQuery>['activity']>;
type LogInput = VariablesOf<typeof LogActivityMutation>['input'];
type CorrectInput = VariablesOf<typeof CorrectActivityMutation>['input'];

export interface ParticipantRow {
  /** Only for React's list keys; never sent. */
  key: string;
  nameTh: string;
  nameEn: string;
  positionTh: string;
  positionEn: string;
  organization: PickedOrganization | null;
}

/** Everything the log and correct forms hold; plain JSON, so a draft can be kept in localStorage. */
export interface ActivityFormValues {
  kind: ActivityKind | null;
  /** null: follow the date (ahead of today PLANNED, today or past HELD) until the person picks one. */
  status: FormStatus | null;
  title: { th: string; en: string; zh: string };
  startsOn: string | null;
  endsOn: string | null;
  venue: string;
  city: string;
  country: string;
  programId: string | null;
  organizers: PickedOrganization[];
  participants: ParticipantRow[];
  topics: string[];
  summary: string;
}

export function emptyActivity(programId: string | null = null): ActivityFormValues {
  return { kind: null, status: null, title: { th: '', en: '', zh: '' }, startsOn: null, endsOn: null, venue: '', city: '', country: '', programId, organizers: [], participants: [], topics: [], summary: '' };
}

export function emptyParticipant(): ParticipantRow {
  return { key: crypto.randomUUID(), nameTh: '', nameEn: '', positionTh: '', positionEn: '', organization: null };
}

/** One flow for past and future: a date ahead of today is PLANNED, today or before HELD. */
export function statusFor(startsOn: string | null, today: string): FormStatus {
  return startsOn !== null && startsOn > today ? 'PLANNED' : 'HELD';
}

export function effectiveStatus(values: ActivityFormValues, today: string): FormStatus {
  return values.status ?? statusFor(values.startsOn, today);
}

/** What the form refuses before sending, as keys of `activities.errors`, by the API's field names. */
export type FormErrorKey = 'kindRequired' | 'titleRequired' | 'startsOnRequired' | 'endsBeforeStart' | 'participantName' | 'country' | 'reasonRequired' | 'nothingChanged';

export function validateActivity(values: ActivityFormValues): Record<string, FormErrorKey> {
  const errors: Record<string, FormErrorKey> = {};
  if (!values.kind) errors.kind = 'kindRequired';
  if (!values.title.th.trim() && !values.title.en.trim() && !values.title.zh.trim()) errors.title = 'titleRequired';
  if (!values.startsOn) errors.startsOn = 'startsOnRequired';
  // ISO dates compare as text.
  if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) errors.endsOn = 'endsBeforeStart';
  if (values.country.trim() && !/^[A-Za-z]{2}$/.test(values.country.trim())) errors['location.country'] = 'country';
  values.participants.forEach((row, index) => {
    if (!row.nameTh.trim() && !row.nameEn.trim()) errors[`participants.${index}.name`] = 'participantName';
  });
  return errors;
}

const text = (value: string) => value.trim() || undefined;
const localizedInput = (value: { th: string; en: string; zh?: string }) => ({ th: text(value.th), en: text(value.en), zh: value.zh === undefined ? undefined : text(value.zh) });

/** The fields both commands share, from a valid form. */
function details(values: ActivityFormValues, today: string) {
  const location = { venue: text(values.venue), city: text(values.city), country: text(values.country.toUpperCase()) };
  return {
    kind: values.kind ?? 'MEETING',
    status: effectiveStatus(values, today),
    title: localizedInput(values.title),
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? values.startsOn ?? '',
    location: location.venue || location.city || location.country ? location : null,
    programId: values.programId,
    organizerIds: values.organizers.map((organization) => organization.id),
    participants: values.participants.map((row) => ({
      name: localizedInput({ th: row.nameTh, en: row.nameEn }),
      position: row.positionTh.trim() || row.positionEn.trim() ? localizedInput({ th: row.positionTh, en: row.positionEn }) : null,
      organizationId: row.organization?.id ?? null,
    })),
    topics: values.topics.map((topic) => topic.trim()).filter(Boolean),
    summary: text(values.summary) ?? null,
  };
}

export function logInput(values: ActivityFormValues, today: string): Omit<LogInput, 'commandId'> {
  const { programId, ...rest } = details(values, today);
  return { ...rest, programId: programId ?? undefined };
}

/** Whether anything was typed: an untouched form keeps no draft. */
export function isBlank(values: ActivityFormValues): boolean {
  return JSON.stringify(values) === JSON.stringify(emptyActivity(values.programId));
}

/**
 * A correction names only what changed (the domain records the changed fields, and the history
 * reads "title corrected ..."), or null when nothing did.
 */
export function correctionInput(original: Activity, values: ActivityFormValues, today: string): Omit<CorrectInput, 'id' | 'reason' | 'commandId' | 'expectedVersion'> | null {
  const before = details(fromActivity(original), today);
  const after = details(values, today);
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changed[key] = after[key];
  }
  // A cancelled activity is corrected only together with a status back to PLANNED or HELD.
  if (original.status === 'CANCELLED') changed.status = after.status;
  return Object.keys(changed).length === 0 ? null : (changed as Omit<CorrectInput, 'id' | 'reason' | 'commandId' | 'expectedVersion'>);
}

/** The form filled from a recorded activity (for a correction). */
export function fromActivity(activity: Activity): ActivityFormValues {
  const name = (value: LocalizedText | null | undefined, language: 'th' | 'en') => value?.[language] ?? '';
  return {
    kind: activity.kind,
    status: activity.status === 'CANCELLED' ? null : activity.status,
    title: { th: activity.title.th ?? '', en: activity.title.en ?? '', zh: activity.title.zh ?? '' },
    startsOn: activity.startsOn,
    endsOn: activity.endsOn,
    venue: activity.location?.venue ?? '',
    city: activity.location?.city ?? '',
    country: activity.location?.country ?? '',
    programId: activity.program?.id ?? null,
    organizers: activity.organizers.map((organization) => ({ id: organization.id, name: organization.name })),
    participants: activity.participants.map((participant, index) => ({
      key: `recorded-${index}`,
      nameTh: name(participant.name, 'th'),
      nameEn: name(participant.name, 'en'),
      positionTh: name(participant.position, 'th'),
      positionEn: name(participant.position, 'en'),
      organization: participant.organization ? { id: participant.organization.id, name: participant.organization.name } : null,
    })),
    topics: [...activity.topics],
    summary: activity.summary ?? '',
  };
}

/**
 * The API's errors by field, in the form's spelling: the domain names list items
 * `participants[1].name`, the form `participants.1.name`.
 */
export function apiFieldErrors(errors: MutationErrors): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors.fields)) {
    const key = field.replace(/\[(\d+)\]/g, '.$1');
    fields[key] ??= message;
    // A list's item (organizerIds.2, topics.1) is shown at the list's field.
    const list = /^(organizerIds|topics)\.\d+$/.exec(key);
    if (list) fields[list[1]] ??= message;
    if (key.startsWith('title.')) fields.title ??= message;
  }
  return fields;
}
