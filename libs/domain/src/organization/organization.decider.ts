import { optionalCountryCode } from '../shared/country-code';
import { assertNever, type Decider } from '../shared/decider';
import { ConflictError, NotFoundError, OrganizationMergedError, ValidationError } from '../shared/errors';
import { localizedText, sameLocalizedText, type LocalizedText } from '../shared/localized-text';
import { MAX_LONG_TEXT, oneOf, optionalId, requiredText, requireFact, requireId } from '../shared/validation';
import type {
  MergeOrganizations,
  OrganizationCommand,
  ParentFacts,
  RegisterOrganization,
  RenameOrganization,
  UpdateOrganization,
} from './organization.commands';
import {
  organizationKinds,
  type OrganizationEvent,
  type OrganizationKind,
  type OrganizationMerged,
  type OrganizationRegistered,
  type OrganizationRenamed,
  type OrganizationUpdated,
} from './organization.events';

export type OrganizationState =
  | { exists: false }
  | {
      exists: true;
      organizationId: string;
      name: LocalizedText;
      kind: OrganizationKind;
      country: string | null;
      parentId: string | null;
      /** The organisation this one was merged into, once merged (for good). */
      mergedInto: string | null;
    };

export const initialState: OrganizationState = { exists: false };

export function evolve(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationRegistered': {
      const { organizationId, name, kind, country, parentId } = event.data;
      return { exists: true, organizationId, name, kind, country, parentId, mergedInto: null };
    }
    case 'OrganizationRenamed':
      return state.exists ? { ...state, name: event.data.name } : state;
    case 'OrganizationUpdated': {
      const { kind, country, parentId } = event.data;
      return state.exists ? { ...state, kind, country, parentId } : state;
    }
    case 'OrganizationMerged':
      return state.exists ? { ...state, mergedInto: event.data.survivorId } : state;
    default:
      return assertNever(event);
  }
}

export function decide(command: OrganizationCommand, state: OrganizationState): OrganizationEvent[] {
  switch (command.type) {
    case 'RegisterOrganization':
      return [register(command.data, state)];
    case 'RenameOrganization':
      return [rename(command.data, state)];
    case 'UpdateOrganization':
      return [update(command.data, state)];
    case 'MergeOrganizations':
      return [merge(command.data, state)];
    default:
      return assertNever(command);
  }
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState,
  evolve,
  decide,
};

function register(data: RegisterOrganization['data'], state: OrganizationState): OrganizationRegistered {
  const organizationId = requireId(data.organizationId, 'organizationId');
  if (state.exists) throw new ConflictError(`organization ${organizationId} is already registered`);
  const parentId = optionalId(data.parentId, 'parentId');
  if (parentId !== null) assertParent(organizationId, parentId, requireFact(data.parent, 'parent'));
  return {
    type: 'OrganizationRegistered',
    data: {
      organizationId,
      name: localizedText(data.name, 'name'),
      kind: oneOf(data.kind, organizationKinds, 'kind'),
      country: optionalCountryCode(data.country, 'country'),
      parentId,
    },
  };
}

function rename(data: RenameOrganization['data'], state: OrganizationState): OrganizationRenamed {
  const organizationId = requireId(data.organizationId, 'organizationId');
  const current = existing(organizationId, state, 'organizationId');
  const name = localizedText(data.name, 'name');
  if (sameLocalizedText(name, current.name)) {
    throw new ConflictError(`organization ${organizationId} already has this name`);
  }
  return { type: 'OrganizationRenamed', data: { organizationId, name } };
}

function update(data: UpdateOrganization['data'], state: OrganizationState): OrganizationUpdated {
  const organizationId = requireId(data.organizationId, 'organizationId');
  const current = existing(organizationId, state, 'organizationId');
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  if (data.kind === null) throw new ValidationError('kind cannot be cleared: every organisation has a kind', 'kind');
  const kind = data.kind === undefined ? current.kind : oneOf(data.kind, organizationKinds, 'kind');
  const country = data.country === undefined ? current.country : optionalCountryCode(data.country, 'country');
  const parentId = data.parentId === undefined ? current.parentId : optionalId(data.parentId, 'parentId');
  // Only a new parent is checked: one recorded earlier was checked when it was recorded.
  if (parentId !== null && parentId !== current.parentId) assertParent(organizationId, parentId, requireFact(data.parent, 'parent'));
  if (kind === current.kind && country === current.country && parentId === current.parentId) {
    throw new ValidationError(`the update leaves organization ${organizationId} as it is`);
  }
  return { type: 'OrganizationUpdated', data: { organizationId, kind, country, parentId, reason } };
}

/**
 * The duplicate's children hang under the survivor afterwards (readers follow the merge), so
 * a survivor below the duplicate would become its own ancestor: refused, like a parent cycle.
 * A duplicate below the survivor (a department registered again as the ministry's child) is
 * fine: nothing hangs under itself afterwards.
 */
function merge(data: MergeOrganizations['data'], state: OrganizationState): OrganizationMerged {
  const duplicateId = requireId(data.duplicateId, 'duplicateId');
  const survivorId = requireId(data.survivorId, 'survivorId');
  if (survivorId === duplicateId) throw new ValidationError('an organisation cannot be merged into itself', 'survivorId');
  const duplicate = existing(duplicateId, state, 'duplicateId');
  const survivor = requireFact(data.survivor, 'survivor');
  if (!survivor.exists) throw new NotFoundError('organization', survivorId, 'survivorId');
  if (survivor.ancestorIds.includes(duplicateId)) {
    throw new ValidationError(
      `organization ${survivorId} is below organization ${duplicateId}: merged, it would be its own ancestor; move it first (updateOrganization parentId)`,
      'survivorId',
    );
  }
  const reason = requiredText(data.reason, 'reason', MAX_LONG_TEXT);
  return { type: 'OrganizationMerged', data: { organizationId: duplicateId, survivorId, name: duplicate.name, reason } };
}

type ExistingOrganization = Extract<OrganizationState, { exists: true }>;

/** The organisation's state when it exists and was not merged away; otherwise the refusal. */
function existing(organizationId: string, state: OrganizationState, field: string): ExistingOrganization {
  if (!state.exists) throw new NotFoundError('organization', organizationId, field);
  if (state.mergedInto !== null) throw new OrganizationMergedError(organizationId, state.mergedInto);
  return state;
}

/** The tree must stay a tree: walking up from any organisation has to end at a root. */
function assertParent(organizationId: string, parentId: string, parent: ParentFacts): void {
  if (!parent.exists) throw new NotFoundError('organization', parentId, 'parentId');
  if (parentId === organizationId || parent.ancestorIds.includes(organizationId)) {
    throw new ValidationError(`organization ${organizationId} cannot be its own ancestor`, 'parentId');
  }
}
