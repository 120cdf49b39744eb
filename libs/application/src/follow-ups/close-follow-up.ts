import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { followUpDecider, streamIdFor, type FollowUpClosingStatus, type FollowUpStatus } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned } from '../command-executor';
import { renamed } from '../input-fields';

/** status DONE or DROPPED (the contract's enum also has OPEN, which the domain refuses here). */
export interface CloseFollowUpInput extends Idempotent, Versioned {
  id: string;
  status: FollowUpStatus;
  note?: string | null;
}

export class CloseFollowUp extends TrackerCommand<CloseFollowUpInput> {}

@CommandHandler(CloseFollowUp)
export class CloseFollowUpHandler implements ICommandHandler<CloseFollowUp, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: CloseFollowUp): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: followUpDecider,
      target: existingRecord(streamIdFor.followUp, input.id),
      build: async (followUpId) => ({
        type: 'CloseFollowUp' as const,
        // OPEN is in the contract's enum but closes nothing: the decider refuses it.
        data: { followUpId, status: input.status as FollowUpClosingStatus, note: input.note },
      }),
      fields: [renamed({ followUpId: 'id' })],
    });
  }
}
