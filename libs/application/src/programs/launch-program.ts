import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { programDecider, streamIdFor, type LaunchProgram as LaunchProgramCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, newRecord, TrackerCommand, type Idempotent, type InputOf } from '../command-executor';

export type LaunchProgramInput = Idempotent & InputOf<LaunchProgramCommand, 'programId'>;

export class LaunchProgram extends TrackerCommand<LaunchProgramInput> {}

@CommandHandler(LaunchProgram)
export class LaunchProgramHandler implements ICommandHandler<LaunchProgram, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: LaunchProgram): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: programDecider,
      target: newRecord(streamIdFor.program),
      build: async (programId) => ({
        type: 'LaunchProgram' as const,
        data: { programId, title: input.title, summary: input.summary, startedOn: input.startedOn, status: input.status },
      }),
    });
  }
}
