import type { Event } from '../shared/decider';
import type { LocalizedText } from '../shared/localized-text';

export const programStatuses = ['PROPOSED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] as const;
export type ProgramStatus = (typeof programStatuses)[number];

export const partnerRoles = ['LEAD', 'PARTNER', 'PLATFORM', 'MARKETING', 'SPONSOR', 'OBSERVER'] as const;
export type PartnerRole = (typeof partnerRoles)[number];

export type ProgramLaunched = Event<
  'ProgramLaunched',
  {
    programId: string;
    title: LocalizedText;
    summary: string | null;
    /** PROPOSED or ACTIVE. */
    status: ProgramStatus;
    startedOn: string | null;
  }
>;

export type ProgramPartnerAdded = Event<
  'ProgramPartnerAdded',
  { programId: string; organizationId: string; role: PartnerRole; joinedOn: string | null }
>;

export type ProgramStatusChanged = Event<
  'ProgramStatusChanged',
  { programId: string; from: ProgramStatus; to: ProgramStatus; reason: string | null }
>;

export type ProgramEvent = ProgramLaunched | ProgramPartnerAdded | ProgramStatusChanged;

export const programEventSchemaVersions = {
  ProgramLaunched: 1,
  ProgramPartnerAdded: 1,
  ProgramStatusChanged: 1,
} as const satisfies Record<ProgramEvent['type'], number>;
