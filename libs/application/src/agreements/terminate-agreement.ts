import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { agreementDecider, streamIdFor, type TerminateAgreement as TerminateAgreementCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { renamed } from '../input-fields';

export interface TerminateAgreementInput extends Idempotent, Versioned, InputOf<TerminateAgreementCommand, 'agreementId'> {
  id: string;
}

export class TerminateAgreement extends TrackerCommand<TerminateAgreementInput> {}

@CommandHandler(TerminateAgreement)
export class TerminateAgreementHandler implements ICommandHandler<TerminateAgreement, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: TerminateAgreement): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: agreementDecider,
      target: existingRecord(streamIdFor.agreement, input.id),
      build: async (agreementId) => ({
        type: 'TerminateAgreement' as const,
        data: { agreementId, terminatedOn: input.terminatedOn, reason: input.reason },
      }),
      fields: [renamed({ agreementId: 'id' })],
    });
  }
}
