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

/** Only a DRAFT is signed. expiresOn left undefined keeps the draft's expiry; null clears it. */
export type SignAgreement = Command<'SignAgreement', { agreementId: string; signedOn: string; expiresOn?: string | null }>;

/**
 * Changes a DRAFT or SIGNED agreement. Fields left undefined keep their value; null clears
 * expiresOn (title and parties cannot be cleared); partyIds given replaces the whole list.
 */
export type AmendAgreement = Command<
  'AmendAgreement',
  {
    agreementId: string;
    title?: LocalizedTextInput | null;
    partyIds?: readonly string[] | null;
    expiresOn?: string | null;
    reason: string;
    /** Fact: which of the given partyIds the handler found in the store (empty when none are given). */
    knownOrganizationIds: readonly string[];
  }
>;

/** Only a SIGNED agreement is terminated: a draft that will never be signed is simply left unsigned. */
export type TerminateAgreement = Command<'TerminateAgreement', { agreementId: string; terminatedOn: string; reason: string }>;

export type AgreementCommand = RecordAgreement | SignAgreement | AmendAgreement | TerminateAgreement;
