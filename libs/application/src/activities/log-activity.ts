import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { activityDecider, streamIdFor, type ActivityKind, type ActivityStatus, type LocalizedTextInput } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, isGiven, newRecord, TrackerCommand, type Idempotent } from '../command-executor';
import { activityOrganizations } from './activity-organizations';

export interface LocationInput {
  venue?: string | null;
  city?: string | null;
  country?: string | null;
}

export interface ParticipantInput {
  name: LocalizedTextInput;
  position?: LocalizedTextInput | null;
  organizationId?: string | null;
}

export interface LogActivityInput extends Idempotent {
  programId?: string | null;
  kind: ActivityKind;
  /** HELD when left out. */
  status?: ActivityStatus | null;
  title: LocalizedTextInput;
  startsOn: string;
  endsOn?: string | null;
  location?: LocationInput | null;
  organizerIds?: readonly string[] | null;
  participants?: readonly ParticipantInput[] | null;
  topics?: readonly string[] | null;
  summary?: string | null;
}

export class LogActivity extends TrackerCommand<LogActivityInput> {}

@CommandHandler(LogActivity)
export class LogActivityHandler implements ICommandHandler<LogActivity, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: LogActivity): Promise<CommandResult> {
    const { input } = command;
    const organizations = activityOrganizations(input);
    return this.executor.execute(command, {
      decider: activityDecider,
      target: newRecord(streamIdFor.activity),
      build: async (activityId, facts) => ({
        type: 'LogActivity' as const,
        data: {
          activityId,
          programId: input.programId,
          kind: input.kind,
          status: input.status,
          title: input.title,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          location: input.location,
          organizerIds: input.organizerIds,
          participants: input.participants,
          topics: input.topics,
          summary: input.summary,
          knownOrganizationIds: await organizations.known(facts),
          program: isGiven(input.programId) ? await facts.program(input.programId) : undefined,
        },
      }),
      fields: [
        organizations.field,
      ],
    });
  }
}
