import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { programDecider, streamIdFor, type CorrectProgram as CorrectProgramCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';

/** Fields left out keep their value; null clears summary or startedOn. */
export type CorrectProgramInput = Idempotent & Versioned & InputOf<CorrectProgramCommand>;

export class CorrectProgram extends TrackerCommand<CorrectProgramInput> {}

@CommandHandler(CorrectProgram)
export class CorrectProgramHandler implements ICommandHandler<CorrectProgram, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: CorrectProgram): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: programDecider,
      target: existingRecord(streamIdFor.program, input.programId, 'programId'),
      // Left out stays undefined (keep the value), null clears it: the decider tells them apart.
      build: async (programId) => ({
        type: 'CorrectProgram' as const,
        data: { programId, title: input.title, summary: input.summary, startedOn: input.startedOn, reason: input.reason },
      }),
    });
  }
}
