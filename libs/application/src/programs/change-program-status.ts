import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { programDecider, streamIdFor, type ChangeProgramStatus as ChangeProgramStatusCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';

export type ChangeProgramStatusInput = Idempotent & Versioned & InputOf<ChangeProgramStatusCommand>;

export class ChangeProgramStatus extends TrackerCommand<ChangeProgramStatusInput> {}

@CommandHandler(ChangeProgramStatus)
export class ChangeProgramStatusHandler implements ICommandHandler<ChangeProgramStatus, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: ChangeProgramStatus): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: programDecider,
      target: existingRecord(streamIdFor.program, input.programId, 'programId'),
      build: async (programId) => ({ type: 'ChangeProgramStatus' as const, data: { programId, status: input.status, reason: input.reason } }),
    });
  }
}
