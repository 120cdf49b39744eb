import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandService, type CommandResult } from '@tracker/application';
import type * as Inputs from '@tracker/application';
import { TrackerCommand } from '../commands/mutations';

export class RecordOutcome extends TrackerCommand<Inputs.RecordOutcomeInput> {}
export class CorrectOutcome extends TrackerCommand<Inputs.CorrectOutcomeInput> {}

@CommandHandler(RecordOutcome)
export class RecordOutcomeHandler implements ICommandHandler<RecordOutcome> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: RecordOutcome): Promise<CommandResult> {
    return this.commands.recordOutcome(input, context);
  }
}

@CommandHandler(CorrectOutcome)
export class CorrectOutcomeHandler implements ICommandHandler<CorrectOutcome> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: CorrectOutcome): Promise<CommandResult> {
    return this.commands.correctOutcome(input, context);
  }
}

export const OUTCOME_COMMAND_HANDLERS = [RecordOutcomeHandler, CorrectOutcomeHandler];
