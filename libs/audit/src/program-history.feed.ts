import type { EventStore, StoredEvent, Subscription } from '@tracker/event-store';
import { programHistoryProjection, toProjectedEvent, type OrganizationProgramsRow, type Row, type RowStore } from '@tracker/read-model';
import { isRecordId } from './history-event';
import type { ProgramIndexSnapshot } from './program-index';
import { eachProgramEvent, type ProgramEventSource } from './program-events.source';

/**
 * Decides which events belong to one program by running the history index's own projection
 * (programHistoryProjection) over a row store that keeps only this program's rows. An event is
 * the program's exactly when the projection would index it under the program, so the live
 * feed and programHistory never disagree. A stream joins through the event that names the
 * program (an activity logged for it), which always comes before the stream's later events
 * (a follow-up closed), so membership is known before it is needed, whether or not the
 * projector has caught up. The same holds for the organisations the program's events name:
 * known before their merge is.
 */
export class ProgramMembership implements RowStore {
  private readonly streams = new Map<string, Row>();
  private readonly organizations = new Map<string, Row>();
  private indexed = false;

  constructor(
    private readonly programId: string,
    knownStreams: readonly string[],
    /** Position the known streams are indexed up to: their events up to here are skipped. */
    indexedUpTo: bigint,
    /** The organisations that took part in the program by then (organization_programs rows). */
    knownOrganizations: readonly OrganizationProgramsRow[] = [],
  ) {
    for (const streamId of knownStreams) {
      this.streams.set(streamId, { stream_id: streamId, program_id: programId, last_position: String(indexedUpTo) });
    }
    for (const row of knownOrganizations) this.organizations.set(row.organization_id, row);
  }

  admits(stored: StoredEvent): boolean {
    let event;
    try {
      event = toProjectedEvent(stored);
    } catch {
      return false; // the projector passes over what it cannot read, so the index never lists it
    }
    this.indexed = false;
    programHistoryProjection.apply(event, this);
    return this.indexed;
  }

  get<T extends Row>(table: string, id: string): T | undefined {
    const rows = table === 'program_streams' ? this.streams : table === 'organization_programs' ? this.organizations : undefined;
    return rows?.get(id) as T | undefined;
  }

  put(table: string, row: Row): void {
    // Other programs' streams and organisations are forgotten at once: memory stays with this
    // program's. That includes a stream of ours whose activity moved to another program: its
    // later events belong there.
    if (table === 'program_streams') {
      if (row.program_id === this.programId) this.streams.set(String(row.stream_id), row);
      else this.streams.delete(String(row.stream_id));
    }
    if (table === 'organization_programs') {
      const id = String(row.organization_id);
      if ((row.program_ids as string[]).includes(this.programId)) this.organizations.set(id, row);
      else this.organizations.delete(id);
    }
  }

  insert(table: string, row: Row): void {
    if (table === 'program_events' && row.program_id === this.programId) this.indexed = true;
  }
}

export interface FeedOptions {
  /**
   * Deliver the program's events after this position (a position from programHistory), then
   * the new ones: a client that read the history up to P and follows from P misses nothing.
   * Default: only events recorded after the feed started.
   */
  after?: bigint | null;
  /** Events held for a slow reader before the store subscription waits for it. Default 256. */
  bufferSize?: number;
  batchSize?: number;
}

export interface FeedDependencies {
  store: EventStore;
  source: ProgramEventSource;
  /** The history index's checkpoint and the program's streams and organisations at it (programIndexSnapshot). */
  index: (programId: string) => Promise<ProgramIndexSnapshot>;
}

/**
 * The program's events as they are recorded, each once, in global order, as an async
 * iterator (what a GraphQL subscription resolver returns). Three phases:
 * 1. with `after` below the index's checkpoint C: the indexed events in (after, C];
 * 2. the log from C to its current head, read through the port: membership is learnt from it
 *    (streams the projector has not indexed yet), and with `after` its events are delivered;
 * 3. subscribeAll from that head: live events, filtered by membership.
 * Memory: the program's streams and `bufferSize` events. A slow reader holds back only its own
 * store subscription. `return()` (the client went away) stops the subscription.
 */
export class ProgramHistoryFeed implements AsyncIterableIterator<StoredEvent> {
  private readonly queue: StoredEvent[] = [];
  private readonly bufferSize: number;
  private consumer: (() => void) | undefined;
  private producer: (() => void) | undefined;
  private subscription: Subscription | undefined;
  private started: Promise<void> | undefined;
  private closed = false;
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly deps: FeedDependencies,
    private readonly programId: string,
    private readonly options: FeedOptions = {},
  ) {
    this.bufferSize = options.bufferSize ?? 256;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Starts reading now rather than on the first next(): "new" then means after this call. */
  start(): Promise<void> {
    this.started ??= this.run().catch((error: unknown) => this.fail(error));
    return this.started;
  }

  async next(): Promise<IteratorResult<StoredEvent>> {
    void this.start();
    for (;;) {
      const event = this.queue.shift();
      if (event) {
        this.wake('producer');
        return { value: event, done: false };
      }
      if (this.failure) {
        const { error } = this.failure;
        await this.close();
        throw error;
      }
      if (this.closed) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (this.consumer = resolve));
    }
  }

  async return(): Promise<IteratorResult<StoredEvent>> {
    await this.close();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<StoredEvent>> {
    await this.close();
    throw error;
  }

  private async run(): Promise<void> {
    const { store, source, index } = this.deps;
    const after = this.options.after ?? null;
    if (!isRecordId(this.programId)) return; // no program: an open feed that never delivers
    const snapshot = await index(this.programId);
    const membership = new ProgramMembership(this.programId, snapshot.streamIds, snapshot.checkpoint, snapshot.organizations);
    if (after !== null && after < snapshot.checkpoint) {
      for await (const event of eachProgramEvent(source, this.programId, { after })) {
        if (event.position > snapshot.checkpoint || this.closed) break;
        await this.push(event);
      }
    }
    const deliver = async (events: StoredEvent[]) => {
      for (const event of events) {
        if (this.closed) return;
        if (membership.admits(event) && after !== null && event.position > after) await this.push(event);
      }
    };
    let head = snapshot.checkpoint;
    for (;;) {
      if (this.closed) return;
      const page = await store.readAll({ after: head, limit: this.options.batchSize ?? 500 });
      if (page.length === 0) break;
      await deliver(page);
      head = page[page.length - 1].position;
    }
    if (this.closed) return;
    this.subscription = store.subscribeAll({
      after: head,
      batchSize: this.options.batchSize,
      onBatch: async (events) => {
        for (const event of events) {
          if (this.closed) return;
          if (membership.admits(event) && (after === null || event.position > after)) await this.push(event);
        }
      },
      onError: (error) => this.fail(error),
    });
  }

  private async push(event: StoredEvent): Promise<void> {
    while (!this.closed && this.queue.length >= this.bufferSize) {
      await new Promise<void>((resolve) => (this.producer = resolve));
    }
    if (this.closed) return;
    this.queue.push(event);
    this.wake('consumer');
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.failure = { error };
    this.wake('consumer');
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.wake('producer');
    this.wake('consumer');
    await this.subscription?.stop();
  }

  private wake(who: 'consumer' | 'producer'): void {
    const resolve = who === 'consumer' ? this.consumer : this.producer;
    if (who === 'consumer') this.consumer = undefined;
    else this.producer = undefined;
    resolve?.();
  }
}
