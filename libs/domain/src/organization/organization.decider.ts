import { optionalCountryCode } from '../shared/country-code';
import { assertNever, type Decider } from '../shared/decider';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { localizedText, sameLocalizedText, type LocalizedText } from '../shared/localized-text';
import { oneOf, optionalId, requireFact, requireId } from '../shared/validation';
import type { OrganizationCommand, RegisterOrganization, RenameOrganization } from './organization.commands';
import {
  organizationKinds,
  type OrganizationEvent,
  type OrganizationKind,
  type OrganizationRegistered,
  type OrganizationRenamed,
} from './organization.events';

export type OrganizationState =
  | { exists: false }
  | { exists: true; organizationId: string; name: LocalizedText; kind: OrganizationKind; parentId: string | null };

export const initialState: OrganizationState = { exists: false };

export function evolve(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationRegistered': {
      const { organizationId, name, kind, parentId } = event.data;
      return { exists: true, organizationId, name, kind, parentId };
    }
    case 'OrganizationRenamed':
      return state.exists ? { ...state, name: event.data.name } : state;
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
  if (parentId !== null) {
    const parent = requireFact(data.parent, 'parent');
    if (!parent.exists) throw new NotFoundError('organization', parentId, 'parentId');
    // The tree must stay a tree: walking up from any organisation has to end at a root.
    if (parentId === organizationId || parent.ancestorIds.includes(organizationId)) {
      throw new ValidationError(`organization ${organizationId} cannot be its own ancestor`, 'parentId');
    }
  }
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
  if (!state.exists) throw new NotFoundError('organization', organizationId, 'organizationId');
  const name = localizedText(data.name, 'name');
  if (sameLocalizedText(name, state.name)) {
    throw new ConflictError(`organization ${organizationId} already has this name`);
  }
  return { type: 'OrganizationRenamed', data: { organizationId, name } };
}
