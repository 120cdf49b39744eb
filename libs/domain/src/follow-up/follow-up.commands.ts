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

export type FollowUpCommand = AddFollowUp | CloseFollowUp;
