import type { Pool } from 'pg';
import type { EventStore } from './event-store.port';
import { createEventStoreDbStore } from './eventstoredb/eventstoredb.event-store';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres.event-store';

export interface EventStoreConfig {
  /** The PostgreSQL pool; the events live there unless eventStoreUrl is set. */
  pool: Pool;
  /** esdb:// or kurrentdb:// (EVENTSTORE_URL): keep the events in EventStoreDB/KurrentDB instead. */
  eventStoreUrl?: string;
  postgres?: PostgresEventStoreOptions;
}

/** The one place the apps choose their event store: EVENTSTORE_URL set or not. */
export function connectEventStore(config: EventStoreConfig): EventStore {
  if (config.eventStoreUrl) return createEventStoreDbStore(config.eventStoreUrl);
  return new PostgresEventStore(config.pool, config.postgres);
}
