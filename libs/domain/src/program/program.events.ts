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

/**
 * The program's title, summary and start date as corrected: the full new values (not a diff),
 * so a projection overwrites; what was recorded before stays in the history.
 */
export type ProgramCorrected = Event<
  'ProgramCorrected',
  { programId: string; title: LocalizedText; summary: string | null; startedOn: string | null; reason: string }
>;

/** A partner leaves the program; `role` is the one it held, so the event reads on its own. */
export type ProgramPartnerRemoved = Event<
  'ProgramPartnerRemoved',
  { programId: string; organizationId: string; role: PartnerRole; leftOn: string; reason: string }
>;

export type ProgramEvent = ProgramLaunched | ProgramPartnerAdded | ProgramStatusChanged | ProgramCorrected | ProgramPartnerRemoved;

export const programEventSchemaVersions = {
  ProgramLaunched: 1,
  ProgramPartnerAdded: 1,
  ProgramStatusChanged: 1,
  ProgramCorrected: 1,
  ProgramPartnerRemoved: 1,
} as const satisfies Record<ProgramEvent['type'], number>;
