import { EventStoreDBClient, excludeSystemEvents, jsonEvent } from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendResult as EsdbAppendResult,
  Position as EsdbPosition,
  ReadPosition,
} from '@eventstore/db-client';
import { WrongExpectedVersionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  Position,
  ReadAllOptions,
  StoredEvent,
  SubscribeAllOptions,
  Subscription,
} from '../event-store.port';
import { START } from '../event-store.port';
import { chainHash, GENESIS_HASH } from '../hash';
import { prepareAppend, readAllBounds, resolveRetry, type PreparedAppend, type StoredForRetry } from '../store-rules';
import {
  assertStorableMetadata,
  EventStoreDbConfigurationError,
  EventStoreDbUnavailableError,
  fromEsdbPosition,
  fromVersionToRevision,
  isConnectionError,
  isStreamNotFound,
  isTrackerRecord,
  isWrongExpectedVersion,
  redactMessage,
  redactUrl,
  toClientConnectionString,
  toEsdbMetadata,
  toEsdbReadPosition,
  toPortWrongExpectedVersion,
  toStoredEvent,
  versionToRevision,
} from './eventstoredb.mapping';

export interface EventStoreDbEventStoreOptions {
  /** Source of recordedAt. Default: the system clock. */
  clock?: () => Date;
}

const DEFAULT_BATCH_SIZE = 500;
// An append with 'any' that loses a race re-reads and tries again; past this, contention is a fault.
const MAX_APPEND_ATTEMPTS = 10;
// A dropped connection or a leader change: the client reconnects on the next call.
const CONNECTION_ATTEMPTS = 3;
const RECONNECT_DELAY_MS = 250;

/**
 * Opens the EventStore on EventStoreDB/KurrentDB at `url` (EVENTSTORE_URL): esdb://,
 * esdb+discover://, kurrentdb:// or kurrentdb+discover://, e.g. esdb://localhost:2113?tls=false.
 * Nothing connects until the first call. A malformed URL throws EventStoreDbConfigurationError
 * naming it without its credentials.
 */
export function createEventStoreDbStore(url: string, options: EventStoreDbEventStoreOptions = {}): EventStoreDbEventStore {
  const connectionString = toClientConnectionString(url);
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    throw new EventStoreDbConfigurationError(
      `EVENTSTORE_URL ${JSON.stringify(redactUrl(url.trim()))} is not a valid connection string: ` +
        redactMessage((error as Error).message ?? String(error), connectionString),
      { cause: error },
    );
  }
  return new EventStoreDbEventStore(client, url, options);
}

/**
 * The EventStore on EventStoreDB/KurrentDB through @eventstore/db-client v6. Streams are
 * EventStoreDB streams (revision = streamVersion - 1), positions are commit positions in $all,
 * and what EventStoreDB has no field for (schemaVersion, occurredOn, recordedAt, hash) travels
 * in each event's metadata beside the port's own metadata (eventstoredb.mapping.ts).
 *
 * An append reads its stream first: to recognise a retried batch whatever its expected version
 * (EventStoreDB only recognises one at the revision it was first written after), to chain the
 * hashes from the last one, and to append at exactly the revision it read. It then reads back
 * what it wrote, because EventStoreDB answers a batch of ids already at those revisions with
 * success without writing, and those may carry another attempt's recordedAt and hash.
 *
 * Unlike the other adapters, an event id already used in another stream is not detected:
 * EventStoreDB keeps ids per stream and has no index by id.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly clock: () => Date;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly client: EventStoreDBClient,
    /** For error messages only (shown without credentials). */
    private readonly url: string,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const append = prepareAppend(streamId, events, expectedVersion);
    append.events.forEach((event, index) => assertStorableMetadata(event.metadata, `event #${index}`));
    return this.withReconnect('append', () => this.appendOnce(append));
  }

  private async appendOnce(append: PreparedAppend): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const stream = await this.readWholeStream(append.streamId);
      const retried = resolveRetry(append, storedById(append, stream));
      if (retried) return retried;

      const version = stream.length;
      if (append.requiredVersion !== null && append.requiredVersion !== version) {
        throw new WrongExpectedVersionError(append.streamId, append.expected, version);
      }

      const recordedAt = this.clock();
      let previousHash = stream.at(-1)?.hash ?? GENESIS_HASH;
      const hashes: string[] = [];
      const proposed = append.events.map((event, index) => {
        const { eventId, type, schemaVersion, occurredOn, canonical } = event;
        const streamVersion = version + index + 1;
        const hash = chainHash(previousHash, { eventId, type, schemaVersion, occurredOn, streamId: append.streamId, streamVersion, recordedAt }, canonical);
        previousHash = hash;
        hashes.push(hash);
        return jsonEvent({
          id: event.eventId,
          type: event.type,
          data: event.data,
          metadata: toEsdbMetadata({ ...event, recordedAt, hash }),
        });
      });

      let result: EsdbAppendResult;
      try {
        result = await this.client.appendToStream(append.streamId, proposed, { expectedRevision: versionToRevision(version) });
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        // Another append got in after our read: a racing writer, or this very batch sent again.
        if (attempt >= MAX_APPEND_ATTEMPTS) throw toPortWrongExpectedVersion(error, append.streamId, append.expected);
        continue;
      }
      // throwOnAppendFailure=false in the connection string turns a conflict into this.
      if (!result.success) {
        if (attempt >= MAX_APPEND_ATTEMPTS) {
          throw toPortWrongExpectedVersion({ actualVersion: result.nextExpectedRevision }, append.streamId, append.expected);
        }
        continue;
      }

      const written = await this.readStreamEvents(append.streamId, version + 1, {
        maxCount: append.events.length,
        requiresLeader: true,
      });
      const ours = written.length === hashes.length && written.every((event, index) => event.hash === hashes[index]);
      if (ours) {
        const last = written[written.length - 1];
        return { streamId: append.streamId, version: last.streamVersion, position: last.position };
      }
      // EventStoreDB took the batch for a retry of events it already holds at these revisions.
      const retriedLate = resolveRetry(append, storedById(append, written));
      if (retriedLate) return retriedLate;
      throw new Error(`EventStoreDB reported the append to "${append.streamId}" as written, but it cannot be read back`);
    }
  }

  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    // No such stream can be the tracker's (appends refuse them), and '$' streams are EventStoreDB's own.
    if (typeof streamId !== 'string' || streamId === '' || streamId.startsWith('$')) return [];
    return this.withReconnect('readStream', () => this.readStreamEvents(streamId, fromVersion));
  }

  /**
   * An append's own reads go to the leader, whatever the connection's node preference: a
   * follower a little behind would show an older version (a needless conflict) and not yet
   * the events just written.
   */
  private readWholeStream(streamId: string): Promise<StoredEvent[]> {
    return this.readStreamEvents(streamId, 1, { requiresLeader: true });
  }

  private async readStreamEvents(
    streamId: string,
    fromVersion: number,
    options: { maxCount?: number; requiresLeader?: boolean } = {},
  ): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      const reading = this.client.readStream(streamId, { fromRevision: fromVersionToRevision(fromVersion), ...options });
      for await (const resolved of reading) {
        // A tracker stream holds only tracker events: anything else is reported, not skipped.
        if (resolved.event) events.push(toStoredEvent(resolved.event));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const { after, limit } = readAllBounds(options);
    return this.withReconnect('readAll', () => this.readAllOnce(after, limit));
  }

  /**
   * $all in pages, keeping the tracker's events. The v6 client reads $all without a server-side
   * filter, so EventStoreDB's own events are read and dropped here. A read of $all includes the
   * record at its start position: each page starts at the last record of the one before and
   * passes over that record again.
   */
  private async readAllOnce(after: Position, limit: number): Promise<StoredEvent[]> {
    const found: StoredEvent[] = [];
    let from: ReadPosition = toEsdbReadPosition(after);
    while (found.length < limit) {
      const maxCount = Math.min(Math.max(limit - found.length, 16), 1000) + 1;
      let records = 0;
      let advanced = false;
      for await (const resolved of this.client.readAll({ fromPosition: from, maxCount })) {
        records++;
        const record = resolved.event;
        if (!record || (from !== 'start' && from !== 'end' && samePosition(record.position, from))) continue;
        from = record.position;
        advanced = true;
        if (fromEsdbPosition(record.position) > after && isTrackerRecord(record)) found.push(toStoredEvent(record));
      }
      if (records < maxCount || !advanced) break;
    }
    return found.slice(0, limit);
  }

  subscribeAll(options: SubscribeAllOptions): Subscription {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
    const subscription = this.startSubscription(options, batchSize);
    this.subscriptions.add(subscription);
    void subscription.done.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /**
   * A catch-up subscription to $all, filtered on the server to non-system event types. The
   * client's stream buffers up to `batchSize` events and then stops reading from the server, so
   * a slow onBatch holds the server back rather than filling memory. Each batch is what is
   * buffered when the previous one was acknowledged (at least one event, at most batchSize).
   * A dropped connection resubscribes from the last acknowledged event; only when the server
   * stays unreachable does the subscription end, through onError.
   */
  private startSubscription(options: SubscribeAllOptions, batchSize: number): Subscription {
    const signal = new Latch();
    let stopped = false;
    let checkpoint = options.after ?? START;
    let source = new SourceState(this.client, checkpoint, batchSize, signal);

    const run = async () => {
      let failuresInRow = 0;
      while (!stopped) {
        signal.reset();
        const batch: StoredEvent[] = [];
        let resolved: AllStreamResolvedEvent | null;
        while (batch.length < batchSize && (resolved = source.read()) !== null) {
          const record = resolved.event;
          if (!record || !isTrackerRecord(record)) continue;
          const event = toStoredEvent(record);
          // A subscription starts after its position, but never hand out the checkpoint's event again.
          if (event.position <= checkpoint) continue;
          batch.push(event);
        }
        if (batch.length > 0) {
          await options.onBatch(batch);
          checkpoint = batch[batch.length - 1].position;
          failuresInRow = 0;
          continue;
        }
        if (source.failure !== undefined) {
          if (!isConnectionError(source.failure) || ++failuresInRow >= CONNECTION_ATTEMPTS) {
            throw this.describeFailure('subscribeAll', source.failure);
          }
          await source.close();
          await sleep(RECONNECT_DELAY_MS * failuresInRow);
          if (stopped) break;
          source = new SourceState(this.client, checkpoint, batchSize, signal);
          continue;
        }
        if (source.ended) throw new Error(`EventStoreDB at ${redactUrl(this.url.trim())} ended the subscription to $all`);
        await signal.wait();
      }
    };

    const done = run()
      .then(
        () => undefined,
        (error: unknown) => {
          stopped = true;
          options.onError?.(error);
        },
      )
      .finally(() => source.close());

    return {
      done,
      stop: async () => {
        stopped = true;
        signal.ring();
        await done;
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * Runs `operation`, again after a connection failure (the client reconnects, to the new leader
   * after a not-leader answer), and names the server if it stays unreachable. Repeating an
   * append is safe: the repeat is recognised as a retry of the first.
   */
  private async withReconnect<T>(name: string, operation: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        if (attempt >= CONNECTION_ATTEMPTS) throw this.describeFailure(name, error);
        await sleep(RECONNECT_DELAY_MS * attempt);
      }
    }
  }

  private describeFailure(operation: string, error: unknown): unknown {
    return isConnectionError(error) ? new EventStoreDbUnavailableError(this.url, operation, error) : error;
  }
}

function samePosition(a: EsdbPosition, b: EsdbPosition): boolean {
  return a.commit === b.commit && a.prepare === b.prepare;
}

function storedById(append: PreparedAppend, events: StoredEvent[]): Map<string, StoredForRetry> {
  const ids = new Set(append.events.map((event) => event.eventId));
  return new Map(events.filter((event) => ids.has(event.eventId)).map((event) => [event.eventId, event]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One subscription call to $all and what it reported. */
class SourceState {
  ended = false;
  failure: unknown = undefined;
  private readonly subscription: AllStreamSubscription;

  constructor(client: EventStoreDBClient, after: Position, batchSize: number, signal: Latch) {
    this.subscription = client.subscribeToAll(
      { fromPosition: toEsdbReadPosition(after), filter: excludeSystemEvents() },
      { highWaterMark: batchSize },
    );
    this.subscription.on('readable', () => signal.ring());
    this.subscription.on('end', () => {
      this.ended = true;
      signal.ring();
    });
    this.subscription.on('error', (error: Error) => {
      this.failure ??= error;
      signal.ring();
    });
  }

  /** The next buffered event, or null (then 'readable', 'end' or 'error' follows). */
  read(): AllStreamResolvedEvent | null {
    return this.subscription.read() as AllStreamResolvedEvent | null;
  }

  async close(): Promise<void> {
    this.subscription.removeAllListeners();
    // The cancelled call may still report an error: it must not go unhandled.
    this.subscription.on('error', () => undefined);
    await this.subscription.unsubscribe().catch(() => undefined);
  }
}

/** A latched wake-up: a ring while nobody waits is kept until the next reset. */
class Latch {
  private rung = false;
  private waiter: (() => void) | undefined;

  ring(): void {
    this.rung = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  reset(): void {
    this.rung = false;
  }

  wait(): Promise<void> {
    if (this.rung) return Promise.resolve();
    return new Promise((resolve) => (this.waiter = resolve));
  }
}
