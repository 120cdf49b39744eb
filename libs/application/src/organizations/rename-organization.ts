import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, streamIdFor, type RenameOrganization as RenameOrganizationCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { renamed } from '../input-fields';

export interface RenameOrganizationInput extends Idempotent, Versioned, InputOf<RenameOrganizationCommand, 'organizationId'> {
  id: string;
}

export class RenameOrganization extends TrackerCommand<RenameOrganizationInput> {}

@CommandHandler(RenameOrganization)
export class RenameOrganizationHandler implements ICommandHandler<RenameOrganization, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: RenameOrganization): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: organizationDecider,
      target: existingRecord(streamIdFor.organization, input.id),
      build: async (organizationId) => ({ type: 'RenameOrganization' as const, data: { organizationId, name: input.name } }),
      fields: [renamed({ organizationId: 'id' })],
    });
  }
}
