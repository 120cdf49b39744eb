import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, streamIdFor, type MergeOrganizations as MergeOrganizationsCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';

/** `expectedVersion` is the duplicate's: the merge is recorded on the duplicate's stream. */
export type MergeOrganizationsInput = Idempotent & Versioned & InputOf<MergeOrganizationsCommand, 'survivor'>;

export class MergeOrganizations extends TrackerCommand<MergeOrganizationsInput> {}

/**
 * Merges the duplicate into the survivor: one event on the duplicate's stream. The survivor
 * is read as a parent is (it must exist, must not itself be merged away, and its ancestors
 * tell whether it hangs below the duplicate). The survivor's stream is not written: readers
 * and the other commands learn of the merge from the duplicate's.
 */
@CommandHandler(MergeOrganizations)
export class MergeOrganizationsHandler implements ICommandHandler<MergeOrganizations, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: MergeOrganizations): Promise<CommandResult> {
    const { input } = command;
    return this.executor.execute(command, {
      decider: organizationDecider,
      target: existingRecord(streamIdFor.organization, input.duplicateId, 'duplicateId'),
      build: async (duplicateId, facts) => ({
        type: 'MergeOrganizations' as const,
        data: { duplicateId, survivorId: input.survivorId, survivor: await facts.parent(input.survivorId), reason: input.reason },
      }),
    });
  }
}
