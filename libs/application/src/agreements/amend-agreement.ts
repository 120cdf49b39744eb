import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { agreementDecider, boundedList, streamIdFor, type AmendAgreement as AmendAgreementCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { organizationIn, renamed } from '../input-fields';

/** Fields left out keep their value; null clears expiresOn; partyIds given replaces the whole list. */
export interface AmendAgreementInput extends Idempotent, Versioned, InputOf<AmendAgreementCommand, 'agreementId' | 'knownOrganizationIds'> {
  id: string;
}

export class AmendAgreement extends TrackerCommand<AmendAgreementInput> {}

@CommandHandler(AmendAgreement)
export class AmendAgreementHandler implements ICommandHandler<AmendAgreement, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: AmendAgreement): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: agreementDecider,
      target: existingRecord(streamIdFor.agreement, input.id),
      build: async (agreementId, facts) => ({
        type: 'AmendAgreement' as const,
        data: {
          agreementId,
          title: input.title,
          partyIds: input.partyIds,
          expiresOn: input.expiresOn,
          reason: input.reason,
          // The list's length is checked before a fact is read per item (the decider checks it too).
          knownOrganizationIds: await facts.knownOrganizationIds(boundedList(input.partyIds, 'partyIds')),
        },
      }),
      fields: [renamed({ agreementId: 'id' }), organizationIn({ partyIds: { list: input.partyIds, path: (i) => `partyIds[${i}]` } })],
    });
  }
}
