import { activityDecider, type ActivityCommand, type ActivityEvent } from '../activity';
import { agreementDecider, type AgreementCommand, type AgreementEvent } from '../agreement';
import { followUpDecider, type FollowUpCommand, type FollowUpEvent } from '../follow-up';
import { organizationDecider, type OrganizationCommand, type OrganizationEvent } from '../organization';
import { outcomeDecider, type OutcomeCommand, type OutcomeEvent } from '../outcome';
import { programDecider, type ProgramCommand, type ProgramEvent } from '../program';
import { assertNever, fold, type Decider } from '../shared/decider';
import type { TrackerEvent } from './tracker.events';
import { streamIdFor } from './tracker.streams';

export type TrackerCommand =
  | OrganizationCommand
  | ProgramCommand
  | AgreementCommand
  | ActivityCommand
  | OutcomeCommand
  | FollowUpCommand;

/** The stream a command writes to: the handler reads it, decides, and appends to it. */
export function streamIdOf(command: TrackerCommand): string {
  switch (command.type) {
    case 'RegisterOrganization':
    case 'RenameOrganization':
    case 'UpdateOrganization':
      return streamIdFor.organization(command.data.organizationId);
    case 'MergeOrganizations':
      return streamIdFor.organization(command.data.duplicateId);
    case 'LaunchProgram':
    case 'AddProgramPartner':
    case 'ChangeProgramStatus':
    case 'CorrectProgram':
    case 'RemoveProgramPartner':
      return streamIdFor.program(command.data.programId);
    case 'RecordAgreement':
    case 'SignAgreement':
    case 'AmendAgreement':
    case 'TerminateAgreement':
      return streamIdFor.agreement(command.data.agreementId);
    case 'LogActivity':
    case 'CorrectActivity':
    case 'CancelActivity':
      return streamIdFor.activity(command.data.activityId);
    case 'RecordOutcome':
    case 'CorrectOutcome':
    case 'VoidOutcome':
      return streamIdFor.outcome(command.data.outcomeId);
    case 'AddFollowUp':
    case 'CloseFollowUp':
    case 'UpdateFollowUp':
    case 'ReopenFollowUp':
      return streamIdFor.followUp(command.data.followUpId);
    default:
      return assertNever(command);
  }
}

/**
 * Any command against its stream's (upcast) events: folds them with the right aggregate's
 * evolve and decides. This is all a generic command handler needs from the domain, besides
 * the facts it puts into the command.
 */
export function decideTracker(command: TrackerCommand, stream: readonly TrackerEvent[]): TrackerEvent[] {
  switch (command.type) {
    case 'RegisterOrganization':
    case 'RenameOrganization':
    case 'UpdateOrganization':
    case 'MergeOrganizations':
      return run(organizationDecider, command, stream as readonly OrganizationEvent[]);
    case 'LaunchProgram':
    case 'AddProgramPartner':
    case 'ChangeProgramStatus':
    case 'CorrectProgram':
    case 'RemoveProgramPartner':
      return run(programDecider, command, stream as readonly ProgramEvent[]);
    case 'RecordAgreement':
    case 'SignAgreement':
    case 'AmendAgreement':
    case 'TerminateAgreement':
      return run(agreementDecider, command, stream as readonly AgreementEvent[]);
    case 'LogActivity':
    case 'CorrectActivity':
    case 'CancelActivity':
      return run(activityDecider, command, stream as readonly ActivityEvent[]);
    case 'RecordOutcome':
    case 'CorrectOutcome':
    case 'VoidOutcome':
      return run(outcomeDecider, command, stream as readonly OutcomeEvent[]);
    case 'AddFollowUp':
    case 'CloseFollowUp':
    case 'UpdateFollowUp':
    case 'ReopenFollowUp':
      return run(followUpDecider, command, stream as readonly FollowUpEvent[]);
    default:
      return assertNever(command);
  }
}

// The casts above are safe as long as streams hold one aggregate's events, which streamIdOf
// guarantees; a foreign event would reach that aggregate's evolve and fail its never check.
function run<C, E, S>(decider: Decider<C, E, S>, command: C, stream: readonly E[]): E[] {
  return decider.decide(command, fold(decider, stream));
}
