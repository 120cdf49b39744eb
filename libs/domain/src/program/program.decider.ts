import { assertNever, type Decider } from '../shared/decider';
import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '../shared/errors';
import { localizedText } from '../shared/localized-text';
import { optionalDate } from '../shared/thai-date';
import { assertOrganizationsKnown, oneOf, optionalText, requireId } from '../shared/validation';
import type { AddProgramPartner, ChangeProgramStatus, LaunchProgram, ProgramCommand } from './program.commands';
import {
  partnerRoles,
  programStatuses,
  type PartnerRole,
  type ProgramEvent,
  type ProgramLaunched,
  type ProgramPartnerAdded,
  type ProgramStatus,
  type ProgramStatusChanged,
} from './program.events';

export type ProgramPartner = { role: PartnerRole; joinedOn: string | null };

export type ProgramState =
  | { exists: false }
  | {
      exists: true;
      programId: string;
      status: ProgramStatus;
      /** By organisation id: an organisation holds one role in a program. */
      partners: Readonly<Record<string, ProgramPartner>>;
    };

/**
 * What another aggregate's decider needs to know about a program it links to. The handler
 * reads the program's stream; a folded ProgramState is itself a valid ProgramFacts.
 */
export type ProgramFacts = { exists: false } | { exists: true; status: ProgramStatus };

/**
 * The lifecycle. PROPOSED -> ACTIVE <-> ON_HOLD; ACTIVE -> COMPLETED; any open status ->
 * CANCELLED. A program on hold is resumed before it is completed, so the record shows it
 * was active when its work finished. COMPLETED and CANCELLED are final: history is not
 * reopened; a new phase is a new program.
 */
const nextStatuses: Readonly<Record<ProgramStatus, readonly ProgramStatus[]>> = {
  PROPOSED: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['ON_HOLD', 'COMPLETED', 'CANCELLED'],
  ON_HOLD: ['ACTIVE', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};
const launchStatuses: readonly ProgramStatus[] = ['PROPOSED', 'ACTIVE'];

export const canChangeProgramStatus = (from: ProgramStatus, to: ProgramStatus): boolean => nextStatuses[from].includes(to);

/** Open programs take new partners, activities and outcomes; completed or cancelled ones do not. */
export function isProgramOpen(program: ProgramFacts): boolean {
  return program.exists && nextStatuses[program.status].length > 0;
}

/** For deciders that link to a program: it must exist and still be open to take `what`. */
export function assertProgramOpen(
  programId: string,
  program: ProgramFacts,
  what: string,
): asserts program is Extract<ProgramFacts, { exists: true }> {
  if (!program.exists) throw new NotFoundError('program', programId, 'programId');
  if (!isProgramOpen(program)) {
    throw new ConflictError(`program ${programId} is ${program.status} and takes no new ${what}`);
  }
}

export const initialState: ProgramState = { exists: false };

export function evolve(state: ProgramState, event: ProgramEvent): ProgramState {
  switch (event.type) {
    case 'ProgramLaunched':
      return { exists: true, programId: event.data.programId, status: event.data.status, partners: {} };
    case 'ProgramPartnerAdded': {
      if (!state.exists) return state;
      const { organizationId, role, joinedOn } = event.data;
      return { ...state, partners: { ...state.partners, [organizationId]: { role, joinedOn } } };
    }
    case 'ProgramStatusChanged':
      return state.exists ? { ...state, status: event.data.to } : state;
    default:
      return assertNever(event);
  }
}

export function decide(command: ProgramCommand, state: ProgramState): ProgramEvent[] {
  switch (command.type) {
    case 'LaunchProgram':
      return [launch(command.data, state)];
    case 'AddProgramPartner':
      return [addPartner(command.data, state)];
    case 'ChangeProgramStatus':
      return [changeStatus(command.data, state)];
    default:
      return assertNever(command);
  }
}

export const programDecider: Decider<ProgramCommand, ProgramEvent, ProgramState> = { initialState, evolve, decide };

function launch(data: LaunchProgram['data'], state: ProgramState): ProgramLaunched {
  const programId = requireId(data.programId, 'programId');
  if (state.exists) throw new ConflictError(`program ${programId} is already launched`);
  const status = oneOf(data.status ?? 'PROPOSED', programStatuses, 'status');
  if (!launchStatuses.includes(status)) {
    throw new ValidationError(`a program is launched as PROPOSED or ACTIVE, not ${status}; change its status later`, 'status');
  }
  return {
    type: 'ProgramLaunched',
    data: {
      programId,
      title: localizedText(data.title, 'title'),
      summary: optionalText(data.summary, 'summary'),
      status,
      startedOn: optionalDate(data.startedOn, 'startedOn'),
    },
  };
}

function addPartner(data: AddProgramPartner['data'], state: ProgramState): ProgramPartnerAdded {
  const programId = requireId(data.programId, 'programId');
  assertProgramOpen(programId, state, 'partners');
  const organizationId = requireId(data.organizationId, 'organizationId');
  const role = oneOf(data.role, partnerRoles, 'role');
  assertOrganizationsKnown([organizationId], data.knownOrganizationIds, 'organizationId');
  const current = state.partners[organizationId];
  if (current !== undefined) {
    throw new ConflictError(`organization ${organizationId} is already a ${current.role} partner of program ${programId}`);
  }
  return {
    type: 'ProgramPartnerAdded',
    data: {
      programId,
      organizationId,
      role,
      joinedOn: optionalDate(data.joinedOn, 'joinedOn'),
    },
  };
}

function changeStatus(data: ChangeProgramStatus['data'], state: ProgramState): ProgramStatusChanged {
  const programId = requireId(data.programId, 'programId');
  if (!state.exists) throw new NotFoundError('program', programId, 'programId');
  const to = oneOf(data.status, programStatuses, 'status');
  const from = state.status;
  if (!canChangeProgramStatus(from, to)) {
    const allowed = nextStatuses[from];
    throw new ForbiddenTransitionError(
      from === to
        ? `program ${programId} is already ${to}`
        : `program ${programId} cannot go from ${from} to ${to}` +
            (allowed.length > 0 ? `; from ${from} it may go to ${allowed.join(' or ')}` : `; ${from} is final`),
      from,
      to,
    );
  }
  return {
    type: 'ProgramStatusChanged',
    data: { programId, from, to, reason: optionalText(data.reason, 'reason') },
  };
}
