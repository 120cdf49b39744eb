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

/*
 * AgreementSigned and AgreementTerminated were declared with the aggregate but no command
 * path appended them before issue 11 (no handler, no mutation), so no store holds one: their
 * shapes were finished at schema version 1 when signing and terminating became commands.
 */

/** `expiresOn` is the agreement's expiry once signed: kept, set or cleared by the signing. */
export type AgreementSigned = Event<'AgreementSigned', { agreementId: string; signedOn: string; expiresOn: string | null }>;

/**
 * The full new title, parties and expiry (not a diff), so a projection overwrites; what was
 * recorded before stays in the history.
 */
export type AgreementAmended = Event<
  'AgreementAmended',
  {
    agreementId: string;
    title: LocalizedText;
    /** Two or more distinct organisations; the whole list, replacing the earlier one. */
    partyIds: string[];
    expiresOn: string | null;
    reason: string;
  }
>;

export type AgreementTerminated = Event<'AgreementTerminated', { agreementId: string; terminatedOn: string; reason: string }>;

export type AgreementEvent = AgreementRecorded | AgreementSigned | AgreementAmended | AgreementTerminated;

export const agreementEventSchemaVersions = {
  AgreementRecorded: 1,
  AgreementSigned: 1,
  AgreementAmended: 1,
  AgreementTerminated: 1,
} as const satisfies Record<AgreementEvent['type'], number>;
