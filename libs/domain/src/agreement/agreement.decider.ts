import { assertNever, type CommandMetadata, type Decider } from '../shared/decider';
import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '../shared/errors';
import { localizedText } from '../shared/localized-text';
import { businessDateOf, optionalDate } from '../shared/thai-date';
import { assertOrganizationsKnown, boundedList, distinctList, oneOf, optionalId, optionalText, requireFact, requireId } from '../shared/validation';
import type { AgreementCommand, RecordAgreement, SignAgreement, TerminateAgreement } from './agreement.commands';
import {
  agreementStatuses,
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
      status: AgreementStatus;
      signedOn: string | null;
      expiresOn: string | null;
    };

export const initialState: AgreementState = { exists: false };

export function evolve(state: AgreementState, event: AgreementEvent): AgreementState {
  switch (event.type) {
    case 'AgreementRecorded': {
      const { agreementId, status, signedOn, expiresOn } = event.data;
      return { exists: true, agreementId, status, signedOn, expiresOn };
    }
    case 'AgreementSigned':
      return state.exists ? { ...state, status: 'SIGNED', signedOn: event.data.signedOn } : state;
    case 'AgreementTerminated':
      return state.exists ? { ...state, status: 'TERMINATED' } : state;
    default:
      return assertNever(event);
  }
}

export function decide(command: AgreementCommand, state: AgreementState): AgreementEvent[] {
  switch (command.type) {
    case 'RecordAgreement':
      return [record(command.data, state)];
    case 'SignAgreement':
      return [sign(command.data, command.metadata, state)];
    case 'TerminateAgreement':
      return [terminate(command.data, command.metadata, state)];
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
  const partyIds = distinctList(
    boundedList(Array.isArray(data.partyIds) ? data.partyIds : [], 'partyIds').map((id, i) => requireId(id, `partyIds[${i}]`)),
    'partyIds',
  );
  if (partyIds.length < 2) throw new ValidationError('an agreement needs two or more parties', 'partyIds');
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
  assertExpiryNotBeforeSigning(signedOn, expiresOn);
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

function sign(data: SignAgreement['data'], metadata: CommandMetadata, state: AgreementState): AgreementSigned {
  const agreementId = requireId(data.agreementId, 'agreementId');
  if (!state.exists) throw new NotFoundError('agreement', agreementId, 'agreementId');
  if (state.status !== 'DRAFT') {
    throw new ForbiddenTransitionError(
      `agreement ${agreementId} is ${state.status}; only a draft can be signed`,
      state.status,
      'SIGNED',
    );
  }
  const signedOn = optionalDate(data.signedOn, 'signedOn') ?? businessDateOf(metadata.now);
  assertExpiryNotBeforeSigning(signedOn, state.expiresOn);
  return { type: 'AgreementSigned', data: { agreementId, signedOn } };
}

function terminate(data: TerminateAgreement['data'], metadata: CommandMetadata, state: AgreementState): AgreementTerminated {
  const agreementId = requireId(data.agreementId, 'agreementId');
  if (!state.exists) throw new NotFoundError('agreement', agreementId, 'agreementId');
  if (state.status === 'TERMINATED') {
    throw new ForbiddenTransitionError(`agreement ${agreementId} is already terminated`, state.status, 'TERMINATED');
  }
  const terminatedOn = optionalDate(data.terminatedOn, 'terminatedOn') ?? businessDateOf(metadata.now);
  if (state.signedOn !== null && terminatedOn < state.signedOn) {
    throw new ValidationError(`terminatedOn ${terminatedOn} is before the signing on ${state.signedOn}`, 'terminatedOn');
  }
  return {
    type: 'AgreementTerminated',
    data: { agreementId, terminatedOn, reason: optionalText(data.reason, 'reason') },
  };
}

function assertExpiryNotBeforeSigning(signedOn: string | null, expiresOn: string | null): void {
  if (signedOn !== null && expiresOn !== null && expiresOn < signedOn) {
    throw new ValidationError(`expiresOn ${expiresOn} is before signedOn ${signedOn}`, 'expiresOn');
  }
}
