import { assertNever, type Decider } from '../shared/decider';
import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '../shared/errors';
import { localizedText, sameLocalizedText, type LocalizedText } from '../shared/localized-text';
import { optionalDate, parseDate } from '../shared/thai-date';
import {
  assertOrganizationsKnown,
  boundedList,
  distinctList,
  MAX_LONG_TEXT,
  oneOf,
  optionalId,
  requiredText,
  requireFact,
  requireId,
} from '../shared/validation';
import type { AgreementCommand, AmendAgreement, RecordAgreement, SignAgreement, TerminateAgreement } from './agreement.commands';
import {
  agreementStatuses,
  type AgreementAmended,
  type AgreementEvent,
  type AgreementRecorded,
  type AgreementSigned,
  type AgreementStatus,
  type AgreementTerminated,
} from './agreement.events';

export type AgreementState =
  | { exists: false }
  | {
      exists: true;
      agreementId: string;
      title: LocalizedText;
      partyIds: readonly string[];
      status: AgreementStatus;
      signedOn: string | null;
      expiresOn: string | null;
      terminatedOn: string | null;
    };

export const initialState: AgreementState = { exists: false };

export function evolve(state: AgreementState, event: AgreementEvent): AgreementState {
  switch (event.type) {
    case 'AgreementRecorded': {
      const { agreementId, title, partyIds, status, signedOn, expiresOn } = event.data;
      return { exists: true, agreementId, title, partyIds, status, signedOn, expiresOn, terminatedOn: null };
    }
    case 'AgreementSigned': {
      if (!state.exists) return state;
      const { signedOn, expiresOn } = event.data;
      return { ...state, status: 'SIGNED', signedOn, expiresOn };
    }
    case 'AgreementAmended': {
      if (!state.exists) return state;
      const { title, partyIds, expiresOn } = event.data;
      return { ...state, title, partyIds, expiresOn };
    }
    case 'AgreementTerminated':
      return state.exists ? { ...state, status: 'TERMINATED', terminatedOn: event.data.terminatedOn } : state;
    default:
      return assertNever(event);
  }
}

export function decide(command: AgreementCommand, state: AgreementState): AgreementEvent[] {
  switch (command.type) {
    case 'RecordAgreement':
      return [record(command.data, state)];
    case 'SignAgreement':
      return [sign(command.data, state)];
    case 'AmendAgreement':
      return [amend(command.data, state)];
    case 'TerminateAgreement':
      return [terminate(command.data, state)];
    default:
      return assertNever(command);
  }
}

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState,
  evolve,
  decide,
};

/** Agreements may be linked to a program in any status: recording an old agreement is history, not new work. */
function record(data: RecordAgreement['data'], state: AgreementState): AgreementRecorded {
  const agreementId = requireId(data.agreementId, 'agreementId');
  if (state.exists) throw new ConflictError(`agreement ${agreementId} is already recorded`);
  const title = localizedText(data.title, 'title');
  const partyIds = parties(data.partyIds);
  const status = oneOf(data.status ?? 'DRAFT', agreementStatuses, 'status');
  const signedOn = optionalDate(data.signedOn, 'signedOn');
  const expiresOn = optionalDate(data.expiresOn, 'expiresOn');
  if (status === 'TERMINATED') {
    throw new ValidationError('record the agreement first, then terminate it', 'status');
  }
  if (status === 'SIGNED' && signedOn === null) throw new ValidationError('a signed agreement needs signedOn', 'signedOn');
  if (status === 'DRAFT' && signedOn !== null) {
    throw new ValidationError('a draft has no signing date; record it as SIGNED', 'signedOn');
  }
  assertExpiryNotBeforeSigning(signedOn, expiresOn, 'expiresOn');
  const programId = optionalId(data.programId, 'programId');
  if (programId !== null && !requireFact(data.program, 'program').exists) {
    throw new NotFoundError('program', programId, 'programId');
  }
  assertOrganizationsKnown(partyIds, data.knownOrganizationIds, 'partyIds');
  return {
    type: 'AgreementRecorded',
    data: { agreementId, title, partyIds, programId, status, signedOn, expiresOn },
  };
}

/** Signing is allowed whatever the linked program's status: the date says when it happened. */
function sign(data: SignAgreement['data'], state: AgreementState): AgreementSigned {
  const agreementId = requireId(data.agreementId, 'agreementId');
  if (!state.exists) throw new NotFoundError('agreement', agreementId, 'agreementId');
  if (state.status !== 'DRAFT') {
    throw new ForbiddenTransitionError(`agreement ${agreementId} is ${state.status}; only a DRAFT can be signed`, state.status, 'SIGNED');
  }
  const signedOn = parseDate(data.signedOn, 'signedOn');
  const expiresOn = data.expiresOn === undefined ? state.expiresOn : optionalDate(data.expiresOn, 'expiresOn');
  // When the signing keeps the draft's expiry, it is the signing date that comes too late.
  assertExpiryNotBeforeSigning(signedOn, expiresOn, data.expiresOn === undefined ? 'signedOn' : 'expiresOn');
  return { type: 'AgreementSigned', data: { agreementId, signedOn, expiresOn } };
}

/**
 * An amendment changes what the agreement says, not where it stands in its lifecycle: a
 * DRAFT stays a draft, a SIGNED agreement stays signed. A terminated one is closed.
 */
function amend(data: AmendAgreement['data'], state: AgreementState): AgreementAmended {
  const agreementId = requireId(data.agreementId, 'agreementId');
  if (!state.exists) throw new NotFoundError('agreement', agreementId, 'agreementId');
  if (state.status === 'TERMINATED') {
    throw new ConflictError(`agreement ${agreementId} is TERMINATED; only a DRAFT or SIGNED agreement can be amended`);
  }
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  if (data.title === null) throw new ValidationError('title cannot be cleared: an agreement needs a title', 'title');
  if (data.partyIds === null) throw new ValidationError('partyIds cannot be cleared: an agreement needs two or more parties', 'partyIds');
  const title = data.title === undefined ? state.title : localizedText(data.title, 'title');
  const partyIds = data.partyIds === undefined ? [...state.partyIds] : parties(data.partyIds);
  const expiresOn = data.expiresOn === undefined ? state.expiresOn : optionalDate(data.expiresOn, 'expiresOn');
  assertExpiryNotBeforeSigning(state.signedOn, expiresOn, 'expiresOn');
  if (data.partyIds !== undefined) assertOrganizationsKnown(partyIds, data.knownOrganizationIds, 'partyIds');
  if (
    sameLocalizedText(title, state.title) &&
    partyIds.length === state.partyIds.length &&
    partyIds.every((id, i) => id === state.partyIds[i]) &&
    expiresOn === state.expiresOn
  ) {
    throw new ValidationError(`the amendment leaves agreement ${agreementId} as it is`);
  }
  return { type: 'AgreementAmended', data: { agreementId, title, partyIds, expiresOn, reason } };
}

function terminate(data: TerminateAgreement['data'], state: AgreementState): AgreementTerminated {
  const agreementId = requireId(data.agreementId, 'agreementId');
  if (!state.exists) throw new NotFoundError('agreement', agreementId, 'agreementId');
  if (state.status !== 'SIGNED') {
    throw new ForbiddenTransitionError(
      state.status === 'TERMINATED'
        ? `agreement ${agreementId} is already TERMINATED`
        : `agreement ${agreementId} is ${state.status}; only a SIGNED agreement can be terminated`,
      state.status,
      'TERMINATED',
    );
  }
  const terminatedOn = parseDate(data.terminatedOn, 'terminatedOn');
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  if (state.signedOn !== null && terminatedOn < state.signedOn) {
    throw new ValidationError(`terminatedOn ${terminatedOn} is before the signing on ${state.signedOn}`, 'terminatedOn');
  }
  return { type: 'AgreementTerminated', data: { agreementId, terminatedOn, reason } };
}

/** Two or more distinct organisation ids (whether they exist is checked against the facts). */
function parties(list: readonly string[] | null | undefined): string[] {
  const partyIds = distinctList(
    boundedList(Array.isArray(list) ? list : [], 'partyIds').map((id, i) => requireId(id, `partyIds[${i}]`)),
    'partyIds',
  );
  if (partyIds.length < 2) throw new ValidationError('an agreement needs two or more parties', 'partyIds');
  return partyIds;
}

function assertExpiryNotBeforeSigning(signedOn: string | null, expiresOn: string | null, field: string): void {
  if (signedOn !== null && expiresOn !== null && expiresOn < signedOn) {
    throw new ValidationError(`expiresOn ${expiresOn} is before signedOn ${signedOn}`, field);
  }
}
