import type { Command } from '../shared/decider';
import type { LocalizedTextInput } from '../shared/localized-text';
import type { PartnerRole, ProgramStatus } from './program.events';

export type LaunchProgram = Command<
  'LaunchProgram',
  {
    programId: string;
    title: LocalizedTextInput;
    summary?: string | null;
    startedOn?: string | null;
    /** PROPOSED unless given; a program may also be recorded as already ACTIVE. */
    status?: ProgramStatus | null;
  }
>;

export type AddProgramPartner = Command<
  'AddProgramPartner',
  {
    programId: string;
    organizationId: string;
    role: PartnerRole;
    joinedOn?: string | null;
    /** Fact: which of the referenced organisation ids the handler found in the store. */
    knownOrganizationIds: readonly string[];
  }
>;

export type ChangeProgramStatus = Command<
  'ChangeProgramStatus',
  { programId: string; status: ProgramStatus; reason?: string | null }
>;

/**
 * Puts the program's record right, whatever its status. Fields left undefined keep their
 * value; null clears summary or startedOn (a program always has a title).
 */
export type CorrectProgram = Command<
  'CorrectProgram',
  {
    programId: string;
    title?: LocalizedTextInput | null;
    summary?: string | null;
    startedOn?: string | null;
    reason: string;
  }
>;

/** leftOn defaults to the business date of metadata.now. */
export type RemoveProgramPartner = Command<
  'RemoveProgramPartner',
  {
    programId: string;
    organizationId: string;
    leftOn?: string | null;
    reason: string;
    /**
     * Fact: the program's partner entries recorded under duplicates since merged into
     * organizationId. They stand for it, so they leave with it.
     */
    mergedEntryIds?: readonly string[];
  }
>;

export type ProgramCommand = LaunchProgram | AddProgramPartner | ChangeProgramStatus | CorrectProgram | RemoveProgramPartner;
