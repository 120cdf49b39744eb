import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandService, type CommandResult } from '@tracker/application';
import type * as Inputs from '@tracker/application';
import { TrackerCommand } from '../commands/mutations';

export class RegisterOrganization extends TrackerCommand<Inputs.RegisterOrganizationInput> {}
export class RenameOrganization extends TrackerCommand<Inputs.RenameOrganizationInput> {}

@CommandHandler(RegisterOrganization)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganization> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: RegisterOrganization): Promise<CommandResult> {
    return this.commands.registerOrganization(input, context);
  }
}

@CommandHandler(RenameOrganization)
export class RenameOrganizationHandler implements ICommandHandler<RenameOrganization> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: RenameOrganization): Promise<CommandResult> {
    return this.commands.renameOrganization(input, context);
  }
}

export const ORGANIZATION_COMMAND_HANDLERS = [RegisterOrganizationHandler, RenameOrganizationHandler];
