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

export type OrganizationEvent = OrganizationRegistered | OrganizationRenamed;

export const organizationEventSchemaVersions = {
  OrganizationRegistered: 1,
  OrganizationRenamed: 1,
} as const satisfies Record<OrganizationEvent['type'], number>;
