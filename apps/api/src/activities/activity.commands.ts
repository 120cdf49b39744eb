import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandService, type CommandResult } from '@tracker/application';
import type * as Inputs from '@tracker/application';
import { TrackerCommand } from '../commands/mutations';

export class LogActivity extends TrackerCommand<Inputs.LogActivityInput> {}

@CommandHandler(LogActivity)
export class LogActivityHandler implements ICommandHandler<LogActivity> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: LogActivity): Promise<CommandResult> {
    return this.commands.logActivity(input, context);
  }
}

export const ACTIVITY_COMMAND_HANDLERS = [LogActivityHandler];
