import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { activityDecider, streamIdFor, type LogActivity as LogActivityCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, isGiven, newRecord, TrackerCommand, type Idempotent, type InputOf } from '../command-executor';
import { activityOrganizations } from './activity-organizations';

export type LogActivityInput = Idempotent & InputOf<LogActivityCommand, 'activityId' | 'knownOrganizationIds' | 'program'>;

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
