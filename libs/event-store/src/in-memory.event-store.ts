import { EventEmitter } from 'node:events';
import { prepareAppend, readAllBounds, resolveRetry } from './store-rules';
import { WrongExpectedVersionError } from './errors';
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
} from './event-store.port';
import { START } from './event-store.port';
import { chainHash, GENESIS_HASH } from './hash';
import { startCatchUpSubscription } from './subscription';

export interface InMemoryEventStoreOptions {
  /** Source of recordedAt (default: the system clock). */
  clock?: () => Date;
}

const APPENDED = 'appended';

/**
 * The event store for unit tests: the same rules as the PostgreSQL adapter (shared
 * append-rules and hash chain), in process memory. An append checks and writes without
 * awaiting in between, so racing appends are decided one at a time. Reads hand out copies:
 * a caller mutating an event cannot change the store.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byId = new Map<string, StoredEvent>();
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly subscriptions = new Set<Subscription>();
  private readonly clock: () => Date;
  private lastPosition: Position = START;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
  }

  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const append = prepareAppend(streamId, events, expectedVersion);
    const stored = new Map(
      append.events.flatMap(({ eventId }) => {
        const event = this.byId.get(eventId);
        return event ? [[eventId, event] as const] : [];
      }),
    );
    const retried = resolveRetry(append, stored);
    if (retried) return retried;

    const stream = this.streams.get(append.streamId) ?? [];
    const version = stream.length;
    if (append.requiredVersion !== null && append.requiredVersion !== version) {
      throw new WrongExpectedVersionError(append.streamId, append.expected, version);
    }

    const recordedAt = this.clock();
    let previousHash = stream.at(-1)?.hash ?? GENESIS_HASH;
    const written = append.events.map(({ canonical, ...event }, index) => {
      const fields = { ...event, streamId: append.streamId, streamVersion: version + index + 1, recordedAt };
      const hash = chainHash(previousHash, fields, canonical);
      previousHash = hash;
      this.lastPosition += 1n;
      return { ...fields, position: this.lastPosition, hash };
    });
    for (const event of written) {
      this.log.push(event);
      stream.push(event);
      this.byId.set(event.eventId, event);
    }
    this.streams.set(append.streamId, stream);
    this.appended.emit(APPENDED, this.lastPosition);
    const last = written[written.length - 1];
    return { streamId: append.streamId, version: last.streamVersion, position: last.position };
  }

  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    return stream.filter((event) => event.streamVersion >= fromVersion).map(copy);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const { after, limit } = readAllBounds(options);
    // Positions are 1, 2, 3... here, so the log's index is position - 1.
    const from = after < START ? 0 : Number(after);
    return this.log.slice(from, from + limit).map(copy);
  }

  subscribeAll(options: SubscribeAllOptions): Subscription {
    const subscription = startCatchUpSubscription(options, {
      read: (after, limit) => this.readAll({ after, limit }),
      onWake: (wake) => {
        this.appended.on(APPENDED, wake);
        return () => this.appended.off(APPENDED, wake);
      },
      pollIntervalMs: 1000,
    });
    this.subscriptions.add(subscription);
    void subscription.done.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }
}

// Not structuredClone: under jest its objects come from another realm (a Date that is not
// `instanceof Date` in the test).
function copy(event: StoredEvent): StoredEvent {
  return {
    ...event,
    data: JSON.parse(JSON.stringify(event.data)),
    metadata: { ...event.metadata },
    recordedAt: new Date(event.recordedAt.getTime()),
  };
}
