import {
  formatThaiDate,
  referenceActivities,
  referenceFollowUps,
  referenceIds,
  referenceOrganizations,
  referenceOutcomes,
  referenceProgram,
} from '@tracker/domain';
import type { Position } from '@tracker/event-store';
import type { CommandBus } from '@nestjs/cqrs';
import { LogActivity } from '../activities';
import type { CommandContext, CommandResult } from '../command-context';
import type { TrackerCommand } from '../command-executor';
import { AddFollowUp } from '../follow-ups';
import { RegisterOrganization } from '../organizations';
import { RecordOutcome } from '../outcomes';
import { AddProgramPartner, ChangeProgramStatus, LaunchProgram } from '../programs';

export interface ReferenceCaseContext {
  /** The request time stamped on the commands (the stories' dates are in the data). */
  now: Date | string;
  /** Who tells each part; defaults are an MFA diplomat and planner. */
  actors?: { diplomat?: string; planner?: string };
  /** Defaults to 'reference-case'. */
  correlationId?: string;
}

export interface ReferenceCaseLoaded {
  /** The fixed ids of `referenceIds` (libs/domain), under which everything was recorded. */
  ids: typeof referenceIds;
  /** The highest position written: read-your-writes can wait for the projector to reach it. */
  position: Position;
}

/**
 * Tells the reference case (libs/domain/src/reference-case) through the CommandBus, the
 * way its users would: diplomats register the organisations, a planner launches the program,
 * adds its partners and activates it, diplomats log the fair with its revenue, the meeting
 * of 16 December 2019 with its follow-up and the site visit. Every command has a fixed
 * commandId, so loading again records nothing and returns the same result. The records get
 * the fixed `referenceIds`, as the demo and the e2e tests expect.
 *
 * Loading again as other actors is refused (CommandIdReusedError): the commandIds are taken.
 */
export async function loadReferenceCase(commands: CommandBus, ctx: ReferenceCaseContext): Promise<ReferenceCaseLoaded> {
  const base = { now: ctx.now, correlationId: ctx.correlationId ?? 'reference-case' };
  const diplomat: CommandContext = { ...base, actor: ctx.actors?.diplomat ?? 'diplomat@mfa.go.th' };
  const planner: CommandContext = { ...base, actor: ctx.actors?.planner ?? 'planner@mfa.go.th' };
  const results: CommandResult[] = [];
  const step = async (command: TrackerCommand) => results.push(await commands.execute(command));
  const keyOf = (ids: Readonly<Record<string, string>>, id: string) => Object.keys(ids).find((key) => ids[key] === id) ?? id;
  const organizationKey = (id: string) => keyOf(referenceIds.organizations, id);

  // Parents come first in the data, so each parent exists when its children are registered.
  for (const organization of referenceOrganizations) {
    await step(
      new RegisterOrganization(
        {
          commandId: `reference-case/register-organization/${organizationKey(organization.id)}`,
          name: organization.name,
          kind: organization.kind,
          country: organization.country,
          parentId: organization.parentId,
        },
        diplomat,
        { id: organization.id },
      ),
    );
  }

  const program = referenceProgram;
  await step(
    new LaunchProgram(
      {
        commandId: 'reference-case/launch-program',
        title: program.title,
        summary: program.summary,
        // As a Thai user types it: "๒๙ พฤษภาคม ๒๕๖๒".
        startedOn: formatThaiDate(program.startedOn),
      },
      planner,
      { id: program.id },
    ),
  );
  for (const partner of program.partners) {
    await step(
      new AddProgramPartner(
        { commandId: `reference-case/add-partner/${organizationKey(partner.organizationId)}`, programId: program.id, ...partner },
        planner,
      ),
    );
  }
  // Launched as proposed, then activated: the history shows both.
  await step(new ChangeProgramStatus({ commandId: 'reference-case/activate-program', programId: program.id, status: program.status }, planner));

  for (const activity of referenceActivities) {
    const { id, ...logged } = activity;
    await step(
      new LogActivity(
        {
          commandId: `reference-case/log-activity/${keyOf(referenceIds.activities, id)}`,
          ...logged,
          // Buddhist Era with an abbreviated month, as in the meeting's minutes: "16 ธ.ค. 2562".
          startsOn: formatThaiDate(activity.startsOn, { digits: 'arabic', month: 'abbr' }),
          endsOn: formatThaiDate(activity.endsOn, { digits: 'arabic', month: 'abbr' }),
        },
        diplomat,
        { id },
      ),
    );
    for (const outcome of referenceOutcomes.filter((o) => o.activityId === id)) {
      const { id: outcomeId, ...recorded } = outcome;
      await step(
        new RecordOutcome(
          { commandId: `reference-case/record-outcome/${keyOf(referenceIds.outcomes, outcomeId)}`, ...recorded },
          diplomat,
          { id: outcomeId },
        ),
      );
    }
    for (const followUp of referenceFollowUps.filter((f) => f.activityId === id)) {
      await step(
        new AddFollowUp(
          {
            commandId: `reference-case/add-follow-up/${keyOf(referenceIds.followUps, followUp.id)}`,
            activityId: followUp.activityId,
            description: followUp.description,
            ownerId: followUp.ownerId,
            dueOn: followUp.dueOn,
          },
          diplomat,
          { id: followUp.id },
        ),
      );
    }
  }

  const position = results.reduce<Position>((highest, result) => (result.position > highest ? result.position : highest), 0n);
  return { ids: referenceIds, position };
}
