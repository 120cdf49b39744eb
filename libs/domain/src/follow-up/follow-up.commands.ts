import type { ActivityFacts } from '../activity';
import type { Command } from '../shared/decider';
import type { FollowUpClosingStatus } from './follow-up.events';

export type AddFollowUp = Command<
  'AddFollowUp',
  {
    followUpId: string;
    activityId: string;
    description: string;
    ownerId?: string | null;
    dueOn?: string | null;
    /** Fact: the activity's stream, folded; its programId is copied into the event. */
    activity: ActivityFacts;
    /** Fact: which of the referenced organisation ids (the owner) the handler found. */
    knownOrganizationIds: readonly string[];
  }
>;

/** closedOn is the business date of metadata.now. */
export type CloseFollowUp = Command<
  'CloseFollowUp',
  { followUpId: string; status: FollowUpClosingStatus; note?: string | null }
>;

/**
 * Only an OPEN follow-up is updated: a closed one is a promise kept or given up, and changing
 * whose it was or when it was due would rewrite that record; reopen it first. Fields left
 * undefined keep their value; null clears ownerId or dueOn. description cannot be cleared.
 */
export type UpdateFollowUp = Command<
  'UpdateFollowUp',
  {
    followUpId: string;
    description?: string | null;
    ownerId?: string | null;
    dueOn?: string | null;
    reason: string;
    /** Fact: which of the referenced organisation ids (the new owner) the handler found. */
    knownOrganizationIds: readonly string[];
  }
>;

/** A DONE or DROPPED follow-up back to OPEN. */
export type ReopenFollowUp = Command<'ReopenFollowUp', { followUpId: string; reason: string }>;

export type FollowUpCommand = AddFollowUp | CloseFollowUp | UpdateFollowUp | ReopenFollowUp;
