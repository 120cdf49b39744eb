import type { Event } from '../shared/decider';
import type { LocalizedText } from '../shared/localized-text';

export const organizationKinds = [
  'MINISTRY',
  'DEPARTMENT',
  'EMBASSY',
  'CONSULATE',
  'COMPANY',
  'ASSOCIATION',
  'INTERNATIONAL_ORGANIZATION',
  'OTHER',
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export type OrganizationRegistered = Event<
  'OrganizationRegistered',
  {
    organizationId: string;
    name: LocalizedText;
    kind: OrganizationKind;
    /** ISO 3166-1 alpha-2 of the state the organisation belongs to (a Thai consulate abroad is TH). */
    country: string | null;
    parentId: string | null;
  }
>;

export type OrganizationRenamed = Event<'OrganizationRenamed', { organizationId: string; name: LocalizedText }>;

/**
 * kind, country and parent as they are after the update, all three whatever was changed (the
 * full values, not a diff), so a projection overwrites and the event reads on its own.
 */
export type OrganizationUpdated = Event<
  'OrganizationUpdated',
  { organizationId: string; kind: OrganizationKind; country: string | null; parentId: string | null; reason: string }
>;

/**
 * Stored on the duplicate's stream: from here on the duplicate is read as `survivorId`, and
 * it takes no new records. `name` is the duplicate's name when it was merged, so the
 * survivor's list of merged duplicates (and the program history) reads without replaying the
 * duplicate's stream. Nothing undoes a merge.
 */
export type OrganizationMerged = Event<
  'OrganizationMerged',
  { organizationId: string; survivorId: string; name: LocalizedText; reason: string }
>;

export type OrganizationEvent = OrganizationRegistered | OrganizationRenamed | OrganizationUpdated | OrganizationMerged;

export const organizationEventSchemaVersions = {
  OrganizationRegistered: 1,
  OrganizationRenamed: 1,
  OrganizationUpdated: 1,
  OrganizationMerged: 1,
} as const satisfies Record<OrganizationEvent['type'], number>;
