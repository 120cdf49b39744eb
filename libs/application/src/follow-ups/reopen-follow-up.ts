import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { followUpDecider, streamIdFor, type ReopenFollowUp as ReopenFollowUpCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { renamed } from '../input-fields';

/** A DONE or DROPPED follow-up back to OPEN; an OPEN one is refused (CONFLICT). */
export interface ReopenFollowUpInput extends Idempotent, Versioned, InputOf<ReopenFollowUpCommand, 'followUpId'> {
  id: string;
}

export class ReopenFollowUp extends TrackerCommand<ReopenFollowUpInput> {}

@CommandHandler(ReopenFollowUp)
export class ReopenFollowUpHandler implements ICommandHandler<ReopenFollowUp, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: ReopenFollowUp): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: followUpDecider,
      target: existingRecord(streamIdFor.followUp, input.id),
      build: async (followUpId) => ({ type: 'ReopenFollowUp' as const, data: { followUpId, reason: input.reason } }),
      fields: [renamed({ followUpId: 'id' })],
    });
  }
}
