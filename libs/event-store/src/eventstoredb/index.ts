export {
  createEventStoreDbStore,
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './eventstoredb.event-store';
export {
  EventStoreDbConfigurationError,
  EventStoreDbMappingError,
  EventStoreDbUnavailableError,
  redactUrl,
} from './eventstoredb.mapping';
