import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { programDecider, streamIdFor, type AddProgramPartner as AddProgramPartnerCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';

export type AddProgramPartnerInput = Idempotent & Versioned & InputOf<AddProgramPartnerCommand, 'knownOrganizationIds'>;

export class AddProgramPartner extends TrackerCommand<AddProgramPartnerInput> {}

@CommandHandler(AddProgramPartner)
export class AddProgramPartnerHandler implements ICommandHandler<AddProgramPartner, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: AddProgramPartner): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: programDecider,
      target: existingRecord(streamIdFor.program, input.programId, 'programId'),
      build: async (programId, facts) => ({
        type: 'AddProgramPartner' as const,
        data: {
          programId,
          organizationId: input.organizationId,
          role: input.role,
          joinedOn: input.joinedOn,
          knownOrganizationIds: await facts.knownOrganizationIds([input.organizationId]),
        },
      }),
    });
  }
}
