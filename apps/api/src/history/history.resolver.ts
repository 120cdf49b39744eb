import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import { toHistoryEvent, type HistoryDigest, type HistoryEvent, type KeptDigest } from '@tracker/audit';
import type { StoredEvent } from '@tracker/event-store';
import { GraphQLError } from 'graphql';
import { PageArgs, pageRequest, type ConnectionShape } from '../graphql/connection';
import { GraphQLDate } from '../graphql/scalars';
import { Program } from '../programs/program.types';
import { ProgramHistoryFeeds } from './program-history-feeds';
import { GetProgramAsOf, GetProgramHistory, isHistoryKeyset, TakeHistoryDigest, VerifyHistory, type VerifiedHistory } from './history.queries';
import {
  HistoryDigestInput,
  HistoryDigestNode,
  HistoryEventConnection,
  HistoryEventNode,
  IntegrityProblemKindValue,
  IntegrityReportNode,
} from './history.types';

/** The auditor's operations (access: planner, auditor, admin; auth/access-policy.ts). */
@Resolver()
export class HistoryResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly feeds: ProgramHistoryFeeds,
  ) {}

  @Query(() => HistoryEventConnection, {
    description:
      'Every event that touched the program (its own stream and those of its activities,\n' +
      'agreements, outcomes and follow-ups), in global order. Auditor and planner roles.\n' +
      '`from` and `to` bound the recorded time, both inclusive.',
  })
  programHistory(
    @Args('programId', { type: () => ID }) programId: string,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to: Date | null,
    @Args() page: PageArgs,
  ): Promise<ConnectionShape<HistoryEvent>> {
    return this.queries.execute(new GetProgramHistory(programId, { from, to }, pageRequest(page, isHistoryKeyset)));
  }

  @Query(() => Program, {
    nullable: true,
    description:
      'The program as it was known at `asOf` (recorded time), rebuilt by replaying its events.\n' +
      'With `occurredBy`, only what had happened by that business date (see the README of libs/audit).',
  })
  programAsOf(
    @Args('programId', { type: () => ID }) programId: string,
    @Args('asOf', { type: () => Date }) asOf: Date,
    @Args('occurredBy', {
      type: () => GraphQLDate,
      nullable: true,
      description: 'Business time: leave out events about days after this date, whenever they were recorded.',
    })
    occurredBy: string | null,
  ): Promise<Program | null> {
    return this.queries.execute(new GetProgramAsOf(programId, asOf, occurredBy ?? null));
  }

  @Query(() => IntegrityReportNode, {
    description:
      "Recomputes the hash chains of the program's streams, or of the whole store when no id is given.\n" +
      'With `against` (a digest taken earlier), also checks that digest over the whole store.',
  })
  async verifyHistory(
    @Args('programId', { type: () => ID, nullable: true }) programId: string | null,
    @Args('against', { type: () => HistoryDigestInput, nullable: true }) against: HistoryDigestInput | null,
  ): Promise<IntegrityReportNode> {
    return toIntegrityReport(await this.queries.execute(new VerifyHistory(programId ?? null, against ? toKeptDigest(against) : null)));
  }

  @Query(() => HistoryDigestNode, { description: 'A digest of the whole store as it stands now. Auditor and planner roles.' })
  async historyDigest(): Promise<HistoryDigestNode> {
    return toHistoryDigestNode(await this.queries.execute(new TakeHistoryDigest()));
  }

  @Subscription(() => HistoryEventNode, {
    description: "Each event of the program's history as it is recorded, once, in order. Auditor and planner roles.",
    resolve: (event: StoredEvent) => toHistoryEvent(event),
  })
  programHistoryAppended(
    @Args('programId', { type: () => ID }) programId: string,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'A position (from programHistory): deliver the events after it first, then the new ones. Default: only new ones.',
    })
    after: string | null,
  ): AsyncIterableIterator<StoredEvent> {
    if (after != null && !isHistoryKeyset(after)) {
      throw new GraphQLError('after must be an event position (a decimal string)', { extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    }
    return this.feeds.follow(programId, after == null ? null : BigInt(after));
  }
}

/** Positions arrive as decimal strings; the rest of the digest is checked by @tracker/audit (DigestInputError). */
function toKeptDigest(input: HistoryDigestInput): KeptDigest {
  const position = (value: string, path: string): bigint => {
    if (!isHistoryKeyset(value)) {
      throw new GraphQLError(`${path} must be an event position (a decimal string)`, {
        extensions: { code: 'BAD_USER_INPUT', argument: 'against', field: path },
      });
    }
    return BigInt(value);
  };
  return {
    algorithm: input.algorithm ?? null,
    position: position(input.position, 'against.position'),
    digest: input.digest,
    checkpoints: (input.checkpoints ?? []).map((checkpoint, index) => ({
      position: position(checkpoint.position, `against.checkpoints[${index}].position`),
      digest: checkpoint.digest,
    })),
  };
}

function toHistoryDigestNode(digest: HistoryDigest): HistoryDigestNode {
  return {
    ...digest,
    position: digest.position.toString(),
    checkpoints: digest.checkpoints.map((checkpoint) => ({ position: checkpoint.position.toString(), digest: checkpoint.digest })),
  };
}

function toIntegrityReport({ report, digest }: VerifiedHistory): IntegrityReportNode {
  return {
    // Altered is altered, whichever check found it.
    ok: report.ok && digest?.matches !== false,
    digestMatches: digest?.matches ?? null,
    digestMismatchFrom: digest?.mismatchFrom?.toString() ?? null,
    streamsChecked: report.streamsChecked,
    eventsChecked: report.eventsChecked,
    firstBrokenPosition: report.firstBrokenPosition?.toString() ?? null,
    problemCount: report.problemCount,
    problems: report.problems.map((problem) => ({
      kind: IntegrityProblemKindValue[problem.kind],
      streamId: problem.streamId,
      position: problem.position?.toString() ?? null,
      version: problem.version,
      detail: problem.detail,
    })),
  };
}
