import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, streamIdFor, type RegisterOrganization as RegisterOrganizationCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, isGiven, newRecord, TrackerCommand, type Idempotent, type InputOf } from '../command-executor';

export type RegisterOrganizationInput = Idempotent & InputOf<RegisterOrganizationCommand, 'organizationId' | 'parent'>;

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
