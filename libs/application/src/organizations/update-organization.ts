import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, streamIdFor, type UpdateOrganization as UpdateOrganizationCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, isGiven, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { renamed } from '../input-fields';

/** Fields left out keep their value; null clears country or parent. */
export interface UpdateOrganizationInput extends Idempotent, Versioned, InputOf<UpdateOrganizationCommand, 'organizationId' | 'parent'> {
  id: string;
}

export class UpdateOrganization extends TrackerCommand<UpdateOrganizationInput> {}

/** A new parent must exist, must not be merged away and must not make a cycle (the decider checks). */
@CommandHandler(UpdateOrganization)
export class UpdateOrganizationHandler implements ICommandHandler<UpdateOrganization, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: UpdateOrganization): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: organizationDecider,
      target: existingRecord(streamIdFor.organization, input.id),
      // Left out stays undefined (keep the value), null clears it: the decider tells them apart.
      build: async (organizationId, facts) => ({
        type: 'UpdateOrganization' as const,
        data: {
          organizationId,
          kind: input.kind,
          country: input.country,
          parentId: input.parentId,
          parent: isGiven(input.parentId) ? await facts.parent(input.parentId) : undefined,
          reason: input.reason,
        },
      }),
      fields: [renamed({ organizationId: 'id' })],
    });
  }
}
