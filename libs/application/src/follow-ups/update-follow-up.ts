import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { followUpDecider, streamIdFor, type UpdateFollowUp as UpdateFollowUpCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { renamed } from '../input-fields';

/**
 * Reassign, reschedule or reword an OPEN follow-up. Fields left out keep their value; null
 * clears ownerId or dueOn; description cannot be null. A DONE or DROPPED follow-up is
 * refused (CONFLICT): reopen it first.
 */
export interface UpdateFollowUpInput extends Idempotent, Versioned, InputOf<UpdateFollowUpCommand, 'followUpId' | 'knownOrganizationIds'> {
  id: string;
}

export class UpdateFollowUp extends TrackerCommand<UpdateFollowUpInput> {}

@CommandHandler(UpdateFollowUp)
export class UpdateFollowUpHandler implements ICommandHandler<UpdateFollowUp, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: UpdateFollowUp): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: followUpDecider,
      target: existingRecord(streamIdFor.followUp, input.id),
      // Left out stays undefined (keep the value), null clears it: the decider tells them apart.
      build: async (followUpId, facts) => ({
        type: 'UpdateFollowUp' as const,
        data: {
          followUpId,
          description: input.description,
          ownerId: input.ownerId,
          dueOn: input.dueOn,
          reason: input.reason,
          knownOrganizationIds: await facts.knownOrganizationIds([input.ownerId]),
        },
      }),
      fields: [renamed({ followUpId: 'id' })],
    });
  }
}
