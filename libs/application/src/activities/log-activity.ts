import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { activityDecider, boundedList, streamIdFor, type ActivityKind, type ActivityStatus, type LocalizedTextInput } from '@tracker/domain';
import type { CommandResult } from '../command-context';
import { CommandExecutor, isGiven, newRecord, TrackerCommand, type Idempotent } from '../command-executor';
import { organizationIn } from '../input-fields';

export interface LocationInput {
  venue?: string | null;
  city?: string | null;
  country?: string | null;
}

export interface ParticipantInput {
  name: LocalizedTextInput;
  position?: LocalizedTextInput | null;
  organizationId?: string | null;
}

export interface LogActivityInput extends Idempotent {
  programId?: string | null;
  kind: ActivityKind;
  /** HELD when left out. */
  status?: ActivityStatus | null;
  title: LocalizedTextInput;
  startsOn: string;
  endsOn?: string | null;
  location?: LocationInput | null;
  organizerIds?: readonly string[] | null;
  participants?: readonly ParticipantInput[] | null;
  topics?: readonly string[] | null;
  summary?: string | null;
}

export class LogActivity extends TrackerCommand<LogActivityInput> {}

@CommandHandler(LogActivity)
export class LogActivityHandler implements ICommandHandler<LogActivity, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: LogActivity): Promise<CommandResult> {
    const { input } = command;
    const participantOrganizations = (input.participants ?? []).map((participant) => participant?.organizationId);
    return this.executor.execute(command, {
      decider: activityDecider,
      target: newRecord(streamIdFor.activity),
      build: async (activityId, facts) => ({
        type: 'LogActivity' as const,
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
          // The lists' lengths are checked before a fact is read per item (the decider checks them too).
          knownOrganizationIds: await facts.knownOrganizationIds([
            ...boundedList(input.organizerIds, 'organizerIds'),
            ...boundedList(participantOrganizations, 'participants'),
          ]),
          program: isGiven(input.programId) ? await facts.program(input.programId) : undefined,
        },
      }),
      fields: [
        organizationIn({
          organizerIds: { list: input.organizerIds, path: (i) => `organizerIds[${i}]` },
          participants: { list: participantOrganizations, path: (i) => `participants[${i}].organizationId` },
        }),
      ],
    });
  }
}
