import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { followUpDecider, streamIdFor, type AddFollowUp as AddFollowUpCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, newRecord, TrackerCommand, type Idempotent, type InputOf } from '../command-executor';

export type AddFollowUpInput = Idempotent & InputOf<AddFollowUpCommand, 'followUpId' | 'activity' | 'knownOrganizationIds'>;

export class AddFollowUp extends TrackerCommand<AddFollowUpInput> {}

@CommandHandler(AddFollowUp)
export class AddFollowUpHandler implements ICommandHandler<AddFollowUp, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: AddFollowUp): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: followUpDecider,
      target: newRecord(streamIdFor.followUp),
      build: async (followUpId, facts) => ({
        type: 'AddFollowUp' as const,
        data: {
          followUpId,
          activityId: input.activityId,
          description: input.description,
          ownerId: input.ownerId,
          dueOn: input.dueOn,
          // The decider copies the activity's programId into the event.
          activity: await facts.activity(input.activityId),
          knownOrganizationIds: await facts.knownOrganizationIds([input.ownerId]),
        },
      }),
    });
  }
}
