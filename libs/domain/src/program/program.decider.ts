import { assertNever, type CommandMetadata, type Decider } from '../shared/decider';
import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '../shared/errors';
import { localizedText, sameLocalizedText, type LocalizedText } from '../shared/localized-text';
import { businessDateOf, optionalDate } from '../shared/thai-date';
import { assertOrganizationsKnown, MAX_LONG_TEXT, oneOf, optionalText, requiredText, requireId } from '../shared/validation';
import type {
  AddProgramPartner,
  ChangeProgramStatus,
  CorrectProgram,
  LaunchProgram,
  ProgramCommand,
  RemoveProgramPartner,
} from './program.commands';
import {
  partnerRoles,
  programStatuses,
  type PartnerRole,
  type ProgramCorrected,
  type ProgramEvent,
  type ProgramLaunched,
  type ProgramPartnerAdded,
  type ProgramPartnerRemoved,
  type ProgramStatus,
  type ProgramStatusChanged,
} from './program.events';

export type ProgramPartner = { role: PartnerRole; joinedOn: string | null };

export type ProgramState =
  | { exists: false }
  | {
      exists: true;
      programId: string;
      title: LocalizedText;
      summary: string | null;
      startedOn: string | null;
      status: ProgramStatus;
      /** Current partners by organisation id: an organisation holds one role in a program. */
      partners: Readonly<Record<string, ProgramPartner>>;
      /** When each former partner left, by organisation id, until it is added again. */
      formerPartners: Readonly<Record<string, string>>;
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
    case 'ProgramLaunched': {
      const { programId, title, summary, startedOn, status } = event.data;
      return { exists: true, programId, title, summary, startedOn, status, partners: {}, formerPartners: {} };
    }
    case 'ProgramPartnerAdded': {
      if (!state.exists) return state;
      const { organizationId, role, joinedOn } = event.data;
      const { [organizationId]: _rejoined, ...formerPartners } = state.formerPartners;
      return { ...state, partners: { ...state.partners, [organizationId]: { role, joinedOn } }, formerPartners };
    }
    case 'ProgramStatusChanged':
      return state.exists ? { ...state, status: event.data.to } : state;
    case 'ProgramCorrected': {
      if (!state.exists) return state;
      const { title, summary, startedOn } = event.data;
      return { ...state, title, summary, startedOn };
    }
    case 'ProgramPartnerRemoved': {
      if (!state.exists) return state;
      const { organizationId, leftOn } = event.data;
      const { [organizationId]: _left, ...partners } = state.partners;
      return { ...state, partners, formerPartners: { ...state.formerPartners, [organizationId]: leftOn } };
    }
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
    case 'CorrectProgram':
      return [correct(command.data, state)];
    case 'RemoveProgramPartner':
      return removePartner(command.data, command.metadata, state);
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
  const joinedOn = optionalDate(data.joinedOn, 'joinedOn');
  // Added back after it left: its new membership cannot start before the old one ended.
  const leftOn = state.exists ? state.formerPartners[organizationId] : undefined;
  if (joinedOn !== null && leftOn !== undefined && joinedOn < leftOn) {
    throw new ValidationError(`joinedOn ${joinedOn} is before organization ${organizationId} left the program on ${leftOn}`, 'joinedOn');
  }
  return { type: 'ProgramPartnerAdded', data: { programId, organizationId, role, joinedOn } };
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

/** Corrections are allowed whatever the program's status: fixing the record is not new work. */
function correct(data: CorrectProgram['data'], state: ProgramState): ProgramCorrected {
  const programId = requireId(data.programId, 'programId');
  if (!state.exists) throw new NotFoundError('program', programId, 'programId');
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  if (data.title === null) throw new ValidationError('title cannot be cleared: a program needs a title', 'title');
  const title = data.title === undefined ? state.title : localizedText(data.title, 'title');
  const summary = data.summary === undefined ? state.summary : optionalText(data.summary, 'summary');
  const startedOn = data.startedOn === undefined ? state.startedOn : optionalDate(data.startedOn, 'startedOn');
  if (sameLocalizedText(title, state.title) && summary === state.summary && startedOn === state.startedOn) {
    throw new ValidationError(`the correction leaves program ${programId} as it is`);
  }
  return { type: 'ProgramCorrected', data: { programId, title, summary, startedOn, reason } };
}

/**
 * A current partner leaves. Like joining, leaving is work on an open program: a completed or
 * cancelled program keeps the partners it finished with. An ACTIVE program keeps at least one
 * LEAD partner, so someone is always answerable for it while its work goes on.
 */
function removePartner(data: RemoveProgramPartner['data'], metadata: CommandMetadata, state: ProgramState): ProgramPartnerRemoved[] {
  const programId = requireId(data.programId, 'programId');
  if (!state.exists) throw new NotFoundError('program', programId, 'programId');
  if (!isProgramOpen(state)) {
    throw new ConflictError(`program ${programId} is ${state.status} and its partners no longer change`);
  }
  const organizationId = requireId(data.organizationId, 'organizationId');
  // The organisation's own entry and those of duplicates merged into it: all stand for it.
  const entryIds = [organizationId, ...(data.mergedEntryIds ?? [])].filter((id, i, ids) => state.partners[id] !== undefined && ids.indexOf(id) === i);
  if (entryIds.length === 0) {
    const leftOn = state.formerPartners[organizationId];
    if (leftOn !== undefined) throw new ConflictError(`organization ${organizationId} already left program ${programId} on ${leftOn}`);
    throw new NotFoundError(`partner of program ${programId}`, organizationId, 'organizationId');
  }
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  const leftOn = optionalDate(data.leftOn, 'leftOn') ?? businessDateOf(metadata.now);
  for (const id of entryIds) {
    const joinedOn = state.partners[id].joinedOn;
    if (joinedOn !== null && leftOn < joinedOn) {
      throw new ValidationError(`leftOn ${leftOn} is before the partner joined on ${joinedOn}`, 'leftOn');
    }
  }
  const leaving = entryIds.some((id) => state.partners[id].role === 'LEAD');
  const otherLeads = Object.entries(state.partners).filter(([id, other]) => !entryIds.includes(id) && other.role === 'LEAD');
  if (state.status === 'ACTIVE' && leaving && otherLeads.length === 0) {
    throw new ConflictError(
      `organization ${organizationId} is the last LEAD partner of program ${programId}, which is ACTIVE; add another LEAD partner first`,
    );
  }
  return entryIds.map((id) => ({
    type: 'ProgramPartnerRemoved',
    data: { programId, organizationId: id, role: state.partners[id].role, leftOn, reason },
  }));
}
