import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { agreementDecider, streamIdFor, type SignAgreement as SignAgreementCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { renamed } from '../input-fields';

/** expiresOn left out keeps the draft's expiry; null clears it. */
export interface SignAgreementInput extends Idempotent, Versioned, InputOf<SignAgreementCommand, 'agreementId'> {
  id: string;
}

export class SignAgreement extends TrackerCommand<SignAgreementInput> {}

@CommandHandler(SignAgreement)
export class SignAgreementHandler implements ICommandHandler<SignAgreement, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: SignAgreement): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: agreementDecider,
      target: existingRecord(streamIdFor.agreement, input.id),
      // Left out stays undefined (keep the expiry), null clears it: the decider tells them apart.
      build: async (agreementId) => ({
        type: 'SignAgreement' as const,
        data: { agreementId, signedOn: input.signedOn, expiresOn: input.expiresOn },
      }),
      fields: [renamed({ agreementId: 'id' })],
    });
  }
}
