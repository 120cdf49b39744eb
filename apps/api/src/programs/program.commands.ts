import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandService, type CommandResult } from '@tracker/application';
import type * as Inputs from '@tracker/application';
import { TrackerCommand } from '../commands/mutations';

export class LaunchProgram extends TrackerCommand<Inputs.LaunchProgramInput> {}
export class AddProgramPartner extends TrackerCommand<Inputs.AddProgramPartnerInput> {}
export class ChangeProgramStatus extends TrackerCommand<Inputs.ChangeProgramStatusInput> {}

@CommandHandler(LaunchProgram)
export class LaunchProgramHandler implements ICommandHandler<LaunchProgram> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: LaunchProgram): Promise<CommandResult> {
    return this.commands.launchProgram(input, context);
  }
}

@CommandHandler(AddProgramPartner)
export class AddProgramPartnerHandler implements ICommandHandler<AddProgramPartner> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: AddProgramPartner): Promise<CommandResult> {
    return this.commands.addProgramPartner(input, context);
  }
}

@CommandHandler(ChangeProgramStatus)
export class ChangeProgramStatusHandler implements ICommandHandler<ChangeProgramStatus> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: ChangeProgramStatus): Promise<CommandResult> {
    return this.commands.changeProgramStatus(input, context);
  }
}

export const PROGRAM_COMMAND_HANDLERS = [LaunchProgramHandler, AddProgramPartnerHandler, ChangeProgramStatusHandler];
