import type { Command } from '../shared/decider';
import type { LocalizedTextInput } from '../shared/localized-text';
import type { ProgramFacts } from '../program';
import type { AgreementStatus } from './agreement.events';

export type RecordAgreement = Command<
  'RecordAgreement',
  {
    agreementId: string;
    title: LocalizedTextInput;
    partyIds: readonly string[];
    programId?: string | null;
    /** DRAFT unless given; SIGNED needs signedOn. */
    status?: AgreementStatus | null;
    signedOn?: string | null;
    expiresOn?: string | null;
    /** Fact: which of the referenced organisation ids the handler found in the store. */
    knownOrganizationIds: readonly string[];
    /** Fact, required when programId is set (the program's stream, folded). */
    program?: ProgramFacts;
  }
>;

/** signedOn defaults to the business date of metadata.now. */
export type SignAgreement = Command<'SignAgreement', { agreementId: string; signedOn?: string | null }>;

/** terminatedOn defaults to the business date of metadata.now. */
export type TerminateAgreement = Command<
  'TerminateAgreement',
  { agreementId: string; terminatedOn?: string | null; reason?: string | null }
>;

export type AgreementCommand = RecordAgreement | SignAgreement | TerminateAgreement;
