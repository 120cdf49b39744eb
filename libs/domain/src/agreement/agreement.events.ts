import type { Event } from '../shared/decider';
import type { LocalizedText } from '../shared/localized-text';

export const agreementStatuses = ['DRAFT', 'SIGNED', 'TERMINATED'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export type AgreementRecorded = Event<
  'AgreementRecorded',
  {
    agreementId: string;
    title: LocalizedText;
    /** Two or more distinct organisations. */
    partyIds: string[];
    programId: string | null;
    /** DRAFT or SIGNED; termination is always its own event. */
    status: AgreementStatus;
    signedOn: string | null;
    expiresOn: string | null;
  }
>;

export type AgreementSigned = Event<'AgreementSigned', { agreementId: string; signedOn: string }>;

export type AgreementTerminated = Event<
  'AgreementTerminated',
  { agreementId: string; terminatedOn: string; reason: string | null }
>;

export type AgreementEvent = AgreementRecorded | AgreementSigned | AgreementTerminated;

export const agreementEventSchemaVersions = {
  AgreementRecorded: 1,
  AgreementSigned: 1,
  AgreementTerminated: 1,
} as const satisfies Record<AgreementEvent['type'], number>;
