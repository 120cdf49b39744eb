import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  checkHistoryDigest,
  isRecordId,
  programAsOf,
  takeHistoryDigest,
  toHistoryEvent,
  verifyProgramHistory,
  verifyStoreHistory,
  type DigestCheck,
  type HistoryDigest,
  type HistoryEvent,
  type IntegrityReport,
  type KeptDigest,
  type LogHashes,
  type ProgramEventSource,
  type RecordedWindow,
  type StreamHeads,
} from '@tracker/audit';
import { NotFoundError } from '@tracker/domain';
import type { EventStore } from '@tracker/event-store';
import { EVENT_STORE } from '../database/database.module';
import { mapConnection, toConnection, type ConnectionShape, type PageRequest } from '../graphql/connection';
import type { Program } from '../programs/program.types';
import { asOfProgram } from './as-of-program.port';
import { LOG_HASHES, PROGRAM_EVENTS, STREAM_HEADS } from './history.providers';

/** programHistory pages on the global position: a cursor is its decimal string. */
export type HistoryKeyset = string;

const MAX_POSITION = 2n ** 63n - 1n; // PostgreSQL bigint

export function isHistoryKeyset(value: unknown): value is HistoryKeyset {
  return typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_POSITION;
}

/** Every event that touched the program in the recorded-time window, a page at a time. */
export class GetProgramHistory extends Query<ConnectionShape<HistoryEvent>> {
  constructor(
    readonly programId: string,
    readonly window: RecordedWindow,
    readonly page: PageRequest<HistoryKeyset>,
  ) {
    super();
  }
}

/** The program as recorded by `asOf`, optionally only what had happened by `occurredBy`. */
export class GetProgramAsOf extends Query<Program | null> {
  constructor(
    readonly programId: string,
    readonly asOf: Date,
    readonly occurredBy: string | null,
  ) {
    super();
  }
}

/**
 * The hash chains of the program's streams, or of the whole store when programId is null;
 * with `against`, also whether the whole store still yields that digest.
 */
export class VerifyHistory extends Query<VerifiedHistory> {
  constructor(
    readonly programId: string | null,
    readonly against: KeptDigest | null,
  ) {
    super();
  }
}

export interface VerifiedHistory {
  report: IntegrityReport;
  digest: DigestCheck | null;
}

/** A digest of the whole store as it stands now. */
export class TakeHistoryDigest extends Query<HistoryDigest> {}

@QueryHandler(GetProgramHistory)
export class GetProgramHistoryHandler implements IQueryHandler<GetProgramHistory> {
  constructor(@Inject(PROGRAM_EVENTS) private readonly source: ProgramEventSource) {}

  async execute({ programId, window, page }: GetProgramHistory): Promise<ConnectionShape<HistoryEvent>> {
    const after = page.after === null ? null : BigInt(page.after);
    const [events, totalCount] = await Promise.all([
      this.source.page(programId, { ...window, after, limit: page.limit + 1 }),
      this.source.count(programId, window),
    ]);
    return mapConnection(
      toConnection(events, page, (event) => event.position.toString(), totalCount),
      toHistoryEvent,
    );
  }
}

@QueryHandler(GetProgramAsOf)
export class GetProgramAsOfHandler implements IQueryHandler<GetProgramAsOf> {
  constructor(
    @Inject(PROGRAM_EVENTS) private readonly source: ProgramEventSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ programId, asOf, occurredBy }: GetProgramAsOf): Promise<Program | null> {
    const snapshot = await programAsOf({ source: this.source, store: this.store }, programId, { asOf, occurredBy });
    return snapshot ? asOfProgram(snapshot) : null;
  }
}

@QueryHandler(VerifyHistory)
export class VerifyHistoryHandler implements IQueryHandler<VerifyHistory> {
  /** A whole-store check reads every event: callers arriving meanwhile share the one running. */
  private wholeStore: Promise<IntegrityReport> | undefined;

  constructor(
    @Inject(PROGRAM_EVENTS) private readonly source: ProgramEventSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(STREAM_HEADS) private readonly heads: StreamHeads | null,
    @Inject(LOG_HASHES) private readonly hashes: LogHashes,
  ) {}

  async execute({ programId, against }: VerifyHistory): Promise<VerifiedHistory> {
    // Both read the store; the digest check is the cheaper (four columns) and runs alongside.
    const [report, digest] = await Promise.all([this.chains(programId), against ? checkHistoryDigest(this.hashes, against) : null]);
    return { report, digest };
  }

  private async chains(programId: string | null): Promise<IntegrityReport> {
    const deps = { store: this.store, heads: this.heads ?? undefined };
    if (programId === null) {
      this.wholeStore ??= verifyStoreHistory(deps).finally(() => (this.wholeStore = undefined));
      return this.wholeStore;
    }
    const report = isRecordId(programId) ? await verifyProgramHistory({ ...deps, source: this.source }, programId) : null;
    // "ok, 0 streams checked" for a mistyped id would read as a pass.
    if (!report) throw new NotFoundError('Program', programId, 'programId');
    return report;
  }
}

@QueryHandler(TakeHistoryDigest)
export class TakeHistoryDigestHandler implements IQueryHandler<TakeHistoryDigest> {
  /** A digest reads every event: callers arriving meanwhile (or aliases in one request) share the one being taken. */
  private taking: Promise<HistoryDigest> | undefined;

  constructor(@Inject(LOG_HASHES) private readonly hashes: LogHashes) {}

  execute(): Promise<HistoryDigest> {
    this.taking ??= takeHistoryDigest(this.hashes, () => new Date()).finally(() => (this.taking = undefined));
    return this.taking;
  }
}

export const HISTORY_QUERY_HANDLERS = [GetProgramHistoryHandler, GetProgramAsOfHandler, VerifyHistoryHandler, TakeHistoryDigestHandler];
