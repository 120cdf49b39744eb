import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  StoredEvent,
  SubscribeAllOptions,
  Subscription,
} from '@tracker/event-store';
import type { MetricsService } from '../metrics/metrics.service';

/** The event store handed to command handlers: the real one, counting what gets appended. */
export class MeteredEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly metrics: MetricsService,
  ) {}

  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const result = await this.inner.append(streamId, events, expectedVersion);
    // An idempotent retry stores nothing new but is counted again: the counter measures
    // appends accepted, which is what a dashboard of write traffic wants.
    for (const event of events) this.metrics.eventsAppended.inc({ type: event.type });
    return result;
  }

  readStream(streamId: string, fromVersion?: number): Promise<StoredEvent[]> {
    return this.inner.readStream(streamId, fromVersion);
  }

  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeAll(options: SubscribeAllOptions): Subscription {
    return this.inner.subscribeAll(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
