import { assertNever } from '../shared/decider';
import type { TrackerEvent } from './tracker.events';

/**
 * The organisations an event names as taking part in something: partners, organisers,
 * participants' organisations, agreement parties, follow-up owners. A merge of one of them is
 * part of the history of every program it took part in, and the history index learns that
 * from here. Organisation events name none (an organisation's own stream belongs to no
 * program); nor do parents, which are part of the organisation, not of a program.
 *
 * Exhaustive on purpose: a new event type that names an organisation must say so here.
 */
export function organizationsNamedBy(event: TrackerEvent): string[] {
  switch (event.type) {
    case 'ProgramPartnerAdded':
    case 'ProgramPartnerRemoved':
      return [event.data.organizationId];
    case 'AgreementRecorded':
    case 'AgreementAmended':
      return [...event.data.partyIds];
    case 'ActivityLogged':
    case 'ActivityCorrected': {
      const participants = event.data.participants.map((participant) => participant.organizationId);
      return [...new Set([...event.data.organizerIds, ...participants.filter((id): id is string => typeof id === 'string')])];
    }
    case 'FollowUpAdded':
    case 'FollowUpUpdated':
    case 'FollowUpReopened':
      return event.data.ownerId === null ? [] : [event.data.ownerId];
    case 'OrganizationRegistered':
    case 'OrganizationRenamed':
    case 'OrganizationUpdated':
    case 'OrganizationMerged':
    case 'ProgramLaunched':
    case 'ProgramStatusChanged':
    case 'AgreementSigned':
    case 'AgreementTerminated':
    case 'OutcomeRecorded':
    case 'OutcomeCorrected':
    case 'FollowUpClosed':
    case 'ProgramCorrected':
    case 'ActivityCancelled':
    case 'OutcomeVoided':
      return [];
    default:
      return assertNever(event);
  }
}
