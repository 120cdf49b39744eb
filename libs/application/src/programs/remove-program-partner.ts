import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { programDecider, streamIdFor, type RemoveProgramPartner as RemoveProgramPartnerCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';

/** leftOn left out is today in Thailand. */
export type RemoveProgramPartnerInput = Idempotent & Versioned & InputOf<RemoveProgramPartnerCommand, 'mergedEntryIds'>;

export class RemoveProgramPartner extends TrackerCommand<RemoveProgramPartnerInput> {}

@CommandHandler(RemoveProgramPartner)
export class RemoveProgramPartnerHandler implements ICommandHandler<RemoveProgramPartner, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: RemoveProgramPartner): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: programDecider,
      target: existingRecord(streamIdFor.program, input.programId, 'programId'),
      // Entries recorded under the organisation's merged duplicates stand for it and leave too.
      build: async (programId, facts, program) => ({
        type: 'RemoveProgramPartner' as const,
        data: {
          programId,
          organizationId: input.organizationId,
          leftOn: input.leftOn,
          reason: input.reason,
          mergedEntryIds: await facts.mergedPartnerEntries(program, input.organizationId),
        },
      }),
    });
  }
}
