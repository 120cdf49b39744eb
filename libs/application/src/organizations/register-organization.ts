import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, streamIdFor, type LocalizedTextInput, type OrganizationKind } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, isGiven, newRecord, TrackerCommand, type Idempotent } from '../command-executor';

export interface RegisterOrganizationInput extends Idempotent {
  name: LocalizedTextInput;
  kind: OrganizationKind;
  country?: string | null;
  parentId?: string | null;
}

export class RegisterOrganization extends TrackerCommand<RegisterOrganizationInput> {}

/** A new organisation; a parent must exist and must not make a cycle (the decider checks both). */
@CommandHandler(RegisterOrganization)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganization, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: RegisterOrganization): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: organizationDecider,
      target: newRecord(streamIdFor.organization),
      build: async (organizationId, facts) => ({
        type: 'RegisterOrganization' as const,
        data: {
          organizationId,
          name: input.name,
          kind: input.kind,
          country: input.country,
          parentId: input.parentId,
          parent: isGiven(input.parentId) ? await facts.parent(input.parentId) : undefined,
        },
      }),
    });
  }
}
