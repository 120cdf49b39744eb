import type {
  ActivityKind,
  AgreementStatus,
  FollowUpStatus,
  LocalizedTextInput,
  OrganizationKind,
  OutcomeKind,
  PartnerRole,
  ProgramStatus,
} from '@tracker/domain';

/**
 * The mutations' inputs as in contract/schema.graphql, field for field. Dates are strings the
 * domain parses (ISO or Thai Buddhist Era), amounts decimal strings. Optional GraphQL fields
 * arrive as undefined (left out) or null; the domain validates every value again, so the
 * enum types here only document what is expected.
 */
type Optional<T> = T | null | undefined;

/** Every input may carry a commandId: retrying with it records nothing new (see README). */
interface Idempotent {
  commandId?: Optional<string>;
}

/** Inputs that change an existing record may say which version they saw; a mismatch is CONFLICT. */
interface Versioned {
  expectedVersion?: Optional<number>;
}

export interface LocationInput {
  venue?: Optional<string>;
  city?: Optional<string>;
  country?: Optional<string>;
}

export interface ParticipantInput {
  name: LocalizedTextInput;
  position?: Optional<LocalizedTextInput>;
  organizationId?: Optional<string>;
}

export interface RegisterOrganizationInput extends Idempotent {
  name: LocalizedTextInput;
  kind: OrganizationKind;
  country?: Optional<string>;
  parentId?: Optional<string>;
}

export interface RenameOrganizationInput extends Idempotent, Versioned {
  id: string;
  name: LocalizedTextInput;
}

export interface LaunchProgramInput extends Idempotent {
  title: LocalizedTextInput;
  summary?: Optional<string>;
  startedOn?: Optional<string>;
  status?: Optional<ProgramStatus>;
}

export interface AddProgramPartnerInput extends Idempotent, Versioned {
  programId: string;
  organizationId: string;
  role: PartnerRole;
  joinedOn?: Optional<string>;
}

export interface ChangeProgramStatusInput extends Idempotent, Versioned {
  programId: string;
  status: ProgramStatus;
  reason?: Optional<string>;
}

export interface RecordAgreementInput extends Idempotent {
  title: LocalizedTextInput;
  partyIds: readonly string[];
  programId?: Optional<string>;
  status?: Optional<AgreementStatus>;
  signedOn?: Optional<string>;
  expiresOn?: Optional<string>;
}

export interface LogActivityInput extends Idempotent {
  programId?: Optional<string>;
  kind: ActivityKind;
  title: LocalizedTextInput;
  startsOn: string;
  endsOn?: Optional<string>;
  location?: Optional<LocationInput>;
  organizerIds?: Optional<readonly string[]>;
  participants?: Optional<readonly ParticipantInput[]>;
  topics?: Optional<readonly string[]>;
  summary?: Optional<string>;
}

export interface RecordOutcomeInput extends Idempotent {
  programId: string;
  activityId?: Optional<string>;
  kind: OutcomeKind;
  amount?: Optional<string>;
  currency?: Optional<string>;
  quantity?: Optional<number>;
  description?: Optional<string>;
}

/** Fields left out keep their value; null clears them. */
export interface CorrectOutcomeInput extends Idempotent, Versioned {
  id: string;
  amount?: Optional<string>;
  currency?: Optional<string>;
  quantity?: Optional<number>;
  description?: Optional<string>;
  reason: string;
}

export interface AddFollowUpInput extends Idempotent {
  activityId: string;
  description: string;
  ownerId?: Optional<string>;
  dueOn?: Optional<string>;
}

/** status DONE or DROPPED (the contract's enum also has OPEN, which the domain refuses here). */
export interface CloseFollowUpInput extends Idempotent, Versioned {
  id: string;
  status: FollowUpStatus;
  note?: Optional<string>;
}
