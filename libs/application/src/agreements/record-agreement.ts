import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { agreementDecider, boundedList, streamIdFor, type RecordAgreement as RecordAgreementCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, isGiven, newRecord, TrackerCommand, type Idempotent, type InputOf } from '../command-executor';
import { organizationIn } from '../input-fields';

export type RecordAgreementInput = Idempotent & InputOf<RecordAgreementCommand, 'agreementId' | 'knownOrganizationIds' | 'program'>;

export class RecordAgreement extends TrackerCommand<RecordAgreementInput> {}

@CommandHandler(RecordAgreement)
export class RecordAgreementHandler implements ICommandHandler<RecordAgreement, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: RecordAgreement): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: agreementDecider,
      target: newRecord(streamIdFor.agreement),
      build: async (agreementId, facts) => ({
        type: 'RecordAgreement' as const,
        data: {
          agreementId,
          title: input.title,
          partyIds: input.partyIds,
          programId: input.programId,
          status: input.status,
          signedOn: input.signedOn,
          expiresOn: input.expiresOn,
          // The list's length is checked before a fact is read per item (the decider checks it too).
          knownOrganizationIds: await facts.knownOrganizationIds(boundedList(input.partyIds, 'partyIds')),
          program: isGiven(input.programId) ? await facts.program(input.programId) : undefined,
        },
      }),
      fields: [organizationIn({ partyIds: { list: input.partyIds, path: (i) => `partyIds[${i}]` } })],
    });
  }
}
