import { activityEventSchemaVersions, type ActivityEvent } from '../activity/activity.events';
import { agreementEventSchemaVersions, type AgreementEvent } from '../agreement/agreement.events';
import { followUpEventSchemaVersions, type FollowUpEvent } from '../follow-up/follow-up.events';
import { organizationEventSchemaVersions, type OrganizationEvent } from '../organization/organization.events';
import { outcomeEventSchemaVersions, type OutcomeEvent } from '../outcome/outcome.events';
import { programEventSchemaVersions, type ProgramEvent } from '../program/program.events';
import { assertNever } from '../shared/decider';

/** Every event the tracker stores, in its current shape. */
export type TrackerEvent =
  | OrganizationEvent
  | ProgramEvent
  | AgreementEvent
  | ActivityEvent
  | OutcomeEvent
  | FollowUpEvent;

export type EventType = TrackerEvent['type'];

/** The schema version written with each new event; older stored versions are upcast on read. */
export const eventSchemaVersions: Readonly<Record<EventType, number>> = {
  ...organizationEventSchemaVersions,
  ...programEventSchemaVersions,
  ...agreementEventSchemaVersions,
  ...activityEventSchemaVersions,
  ...outcomeEventSchemaVersions,
  ...followUpEventSchemaVersions,
};

export const eventTypes = Object.keys(eventSchemaVersions) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventSchemaVersions, type);
}

/**
 * The business date an event is about, stored beside recordedAt (DESIGN.md: bi-temporal).
 * null where the event has no date of its own in the world (a registration, a rename).
 */
export function occurredOnOf(event: TrackerEvent): string | null {
  switch (event.type) {
    case 'ProgramLaunched':
      return event.data.startedOn;
    case 'ProgramPartnerAdded':
      return event.data.joinedOn;
    case 'AgreementRecorded':
      return event.data.signedOn;
    case 'AgreementSigned':
      return event.data.signedOn;
    case 'AgreementTerminated':
      return event.data.terminatedOn;
    case 'ProgramPartnerRemoved':
      return event.data.leftOn;
    case 'ActivityLogged':
      return event.data.startsOn;
    // The activity as corrected: a corrected date is the day it happened, as far as is known
    // (libs/audit's BusinessDates re-dates the activity's earlier events by it too).
    case 'ActivityCorrected':
      return event.data.startsOn;
    case 'FollowUpClosed':
      return event.data.closedOn;
    case 'OrganizationRegistered':
    case 'OrganizationRenamed':
    case 'OrganizationUpdated':
    case 'OrganizationMerged':
    case 'ProgramStatusChanged':
    case 'ProgramCorrected':
    case 'AgreementAmended':
    case 'OutcomeRecorded':
    case 'OutcomeCorrected':
    case 'FollowUpAdded':
    // An update or a reopening has no date of its own in the world: the day it is recorded counts.
    case 'FollowUpUpdated':
    case 'FollowUpReopened':
    // A cancellation or a void corrects the record of what it is about and borrows that
    // record's date (BusinessDates); it carries no date of its own.
    case 'ActivityCancelled':
    case 'OutcomeVoided':
      return null;
    default:
      return assertNever(event);
  }
}
