import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandService, type CommandResult } from '@tracker/application';
import type * as Inputs from '@tracker/application';
import { TrackerCommand } from '../commands/mutations';

export class AddFollowUp extends TrackerCommand<Inputs.AddFollowUpInput> {}
export class CloseFollowUp extends TrackerCommand<Inputs.CloseFollowUpInput> {}

@CommandHandler(AddFollowUp)
export class AddFollowUpHandler implements ICommandHandler<AddFollowUp> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: AddFollowUp): Promise<CommandResult> {
    return this.commands.addFollowUp(input, context);
  }
}

@CommandHandler(CloseFollowUp)
export class CloseFollowUpHandler implements ICommandHandler<CloseFollowUp> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: CloseFollowUp): Promise<CommandResult> {
    return this.commands.closeFollowUp(input, context);
  }
}

export const FOLLOW_UP_COMMAND_HANDLERS = [AddFollowUpHandler, CloseFollowUpHandler];
