import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { outcomeDecider, streamIdFor, type RecordOutcome as RecordOutcomeCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, isGiven, newRecord, TrackerCommand, type Idempotent, type InputOf } from '../command-executor';

export type RecordOutcomeInput = Idempotent & InputOf<RecordOutcomeCommand, 'outcomeId' | 'program' | 'activity'>;

export class RecordOutcome extends TrackerCommand<RecordOutcomeInput> {}

@CommandHandler(RecordOutcome)
export class RecordOutcomeHandler implements ICommandHandler<RecordOutcome, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: RecordOutcome): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: outcomeDecider,
      target: newRecord(streamIdFor.outcome),
      build: async (outcomeId, facts) => ({
        type: 'RecordOutcome' as const,
        data: {
          outcomeId,
          programId: input.programId,
          activityId: input.activityId,
          kind: input.kind,
          amount: input.amount,
          currency: input.currency,
          quantity: input.quantity,
          description: input.description,
          program: await facts.program(input.programId),
          activity: isGiven(input.activityId) ? await facts.activity(input.activityId) : undefined,
        },
      }),
    });
  }
}
