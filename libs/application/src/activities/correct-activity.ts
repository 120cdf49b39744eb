import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { activityDecider, streamIdFor, type CorrectActivity as CorrectActivityCommand } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, existingRecord, isGiven, TrackerCommand, type Idempotent, type Versioned, type InputOf } from '../command-executor';
import { renamed } from '../input-fields';
import { activityOrganizations } from './activity-organizations';

/**
 * Fields left out keep their value; null clears an optional one; a list given replaces the
 * whole list. A programId other than the activity's moves it to that program.
 */
export interface CorrectActivityInput extends Idempotent, Versioned, InputOf<CorrectActivityCommand, 'activityId' | 'knownOrganizationIds' | 'program'> {
  id: string;
}

export class CorrectActivity extends TrackerCommand<CorrectActivityInput> {}

@CommandHandler(CorrectActivity)
export class CorrectActivityHandler implements ICommandHandler<CorrectActivity, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: CorrectActivity): Promise<CommandResult> {
    const { input } = command;
    const organizations = activityOrganizations(input);
    return this.executor.execute(command, {
      decider: activityDecider,
      target: existingRecord(streamIdFor.activity, input.id),
      // Left out stays undefined (keep the value), null clears it: the decider tells them apart.
      build: async (activityId, facts) => ({
        type: 'CorrectActivity' as const,
        data: {
          activityId,
          programId: input.programId,
          kind: input.kind,
          status: input.status,
          title: input.title,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          location: input.location,
          organizerIds: input.organizerIds,
          participants: input.participants,
          topics: input.topics,
          summary: input.summary,
          reason: input.reason,
          // Only the lists the correction gives are checked.
          knownOrganizationIds: await organizations.known(facts),
          // Read whether or not it is a move: the decider asks for it only when it is one.
          program: isGiven(input.programId) ? await facts.program(input.programId) : undefined,
        },
      }),
      fields: [
        renamed({ activityId: 'id' }),
        organizations.field,
      ],
    });
  }
}
