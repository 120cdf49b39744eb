export * from './event-store.port';
export * from './errors';
export { canonicalJson, chainHash, verifyStreamChain, GENESIS_HASH, type HashedFields } from './hash';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './in-memory.event-store';
export {
  PostgresEventStore,
  storedEventColumns,
  storedEventFromRow,
  type PostgresEventStoreOptions,
  type StoredEventRow,
} from './postgres/postgres.event-store';
export { eventStoreMigrations, EVENTS_CHANNEL } from './postgres/event-store.migrations';
export { connectEventStore, type EventStoreConfig } from './connect-event-store';
export * from './eventstoredb';
