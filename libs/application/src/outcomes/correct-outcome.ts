import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { outcomeDecider, streamIdFor, type CorrectOutcome as CorrectOutcomeCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { renamed } from '../input-fields';

/** Fields left out keep their value; null clears them. */
export interface CorrectOutcomeInput extends Idempotent, Versioned, InputOf<CorrectOutcomeCommand, 'outcomeId'> {
  id: string;
}

export class CorrectOutcome extends TrackerCommand<CorrectOutcomeInput> {}

@CommandHandler(CorrectOutcome)
export class CorrectOutcomeHandler implements ICommandHandler<CorrectOutcome, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: CorrectOutcome): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: outcomeDecider,
      target: existingRecord(streamIdFor.outcome, input.id),
      // Left out stays undefined (keep the value), null clears it: the decider tells them apart.
      build: async (outcomeId) => ({
        type: 'CorrectOutcome' as const,
        data: {
          outcomeId,
          amount: input.amount,
          currency: input.currency,
          quantity: input.quantity,
          description: input.description,
          reason: input.reason,
        },
      }),
      fields: [renamed({ outcomeId: 'id' })],
    });
  }
}
