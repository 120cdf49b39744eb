import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandService, type CommandResult } from '@tracker/application';
import type * as Inputs from '@tracker/application';
import { TrackerCommand } from '../commands/mutations';

export class RecordAgreement extends TrackerCommand<Inputs.RecordAgreementInput> {}

@CommandHandler(RecordAgreement)
export class RecordAgreementHandler implements ICommandHandler<RecordAgreement> {
  constructor(private readonly commands: CommandService) {}
  execute({ input, context }: RecordAgreement): Promise<CommandResult> {
    return this.commands.recordAgreement(input, context);
  }
}

export const AGREEMENT_COMMAND_HANDLERS = [RecordAgreementHandler];
