import type { Command } from '../shared/decider';
import type { LocalizedTextInput } from '../shared/localized-text';
import type { OrganizationKind } from './organization.events';

/**
 * Fact about the parent, read by the handler: whether its stream exists and the ids of
 * its own ancestors (its parent, that one's parent, and so on up).
 */
export type ParentFacts = { exists: false } | { exists: true; ancestorIds: readonly string[] };

export type RegisterOrganization = Command<
  'RegisterOrganization',
  {
    organizationId: string;
    name: LocalizedTextInput;
    kind: OrganizationKind;
    country?: string | null;
    parentId?: string | null;
    /** Fact, required when parentId is set. */
    parent?: ParentFacts;
  }
>;

export type RenameOrganization = Command<'RenameOrganization', { organizationId: string; name: LocalizedTextInput }>;

export type OrganizationCommand = RegisterOrganization | RenameOrganization;
