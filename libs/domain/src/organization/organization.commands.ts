import type { Command } from '../shared/decider';
import type { LocalizedTextInput } from '../shared/localized-text';
import type { OrganizationKind } from './organization.events';

/**
 * Fact about the parent (or a merge's survivor), read by the handler: whether its stream
 * exists and the ids of its own ancestors (its parent, that one's parent, and so on up). An
 * ancestor merged into another organisation is counted as its survivor: the tree as it is
 * read, where the duplicate's children hang under the survivor.
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

/**
 * Fields left undefined keep their value; null clears country or parent (kind cannot be
 * cleared). Something must change.
 */
export type UpdateOrganization = Command<
  'UpdateOrganization',
  {
    organizationId: string;
    kind?: OrganizationKind | null;
    country?: string | null;
    parentId?: string | null;
    /** Fact, required when parentId is set. */
    parent?: ParentFacts;
    reason: string;
  }
>;

/** Decided on the duplicate's stream: the duplicate is merged into the survivor. */
export type MergeOrganizations = Command<
  'MergeOrganizations',
  {
    duplicateId: string;
    survivorId: string;
    /** Fact: the survivor's stream, whether it exists and its ancestors. */
    survivor: ParentFacts;
    reason: string;
  }
>;

export type OrganizationCommand = RegisterOrganization | RenameOrganization | UpdateOrganization | MergeOrganizations;
