import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { outcomeDecider, streamIdFor, type VoidOutcome as VoidOutcomeCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { renamed } from '../input-fields';

/** An outcome recorded by mistake: it stays listed, voided, and counts in no total. */
export interface VoidOutcomeInput extends Idempotent, Versioned, InputOf<VoidOutcomeCommand, 'outcomeId'> {
  id: string;
}

export class VoidOutcome extends TrackerCommand<VoidOutcomeInput> {}

@CommandHandler(VoidOutcome)
export class VoidOutcomeHandler implements ICommandHandler<VoidOutcome, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: VoidOutcome): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: outcomeDecider,
      target: existingRecord(streamIdFor.outcome, input.id),
      build: async (outcomeId) => ({ type: 'VoidOutcome' as const, data: { outcomeId, reason: input.reason } }),
      fields: [renamed({ outcomeId: 'id' })],
    });
  }
}
