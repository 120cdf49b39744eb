import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { activityDecider, streamIdFor, type CancelActivity as CancelActivityCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { renamed } from '../input-fields';

/** The activity's outcomes and follow-ups are left as they are (each has its own commands). */
export interface CancelActivityInput extends Idempotent, Versioned, InputOf<CancelActivityCommand, 'activityId'> {
  id: string;
}

export class CancelActivity extends TrackerCommand<CancelActivityInput> {}

@CommandHandler(CancelActivity)
export class CancelActivityHandler implements ICommandHandler<CancelActivity, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: CancelActivity): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: activityDecider,
      target: existingRecord(streamIdFor.activity, input.id),
      build: async (activityId) => ({ type: 'CancelActivity' as const, data: { activityId, reason: input.reason } }),
      fields: [renamed({ activityId: 'id' })],
    });
  }
}
