import type { EventStore } from '@tracker/event-store';
import type { Pool } from 'pg';
import { PortProgramEvents } from './port-program-events.source';
import { PostgresProgramEvents } from './postgres-program-events.source';
import type { ProgramEventSource } from './program-events.source';

export interface ProgramEventsConfig {
  /** The tracker's PostgreSQL: the read model, and the events unless eventStoreUrl is set. */
  pool: Pool;
  store: EventStore;
  /** EVENTSTORE_URL, as connectEventStore takes it: set means the events are not in `pool`. */
  eventStoreUrl?: string | null;
}

/**
 * The one place that picks how a program's events are read, by the same switch as
 * connectEventStore: events in PostgreSQL are joined to the index in SQL (fastest);
 * events elsewhere are read stream by stream through the port.
 */
export function programEventSource(config: ProgramEventsConfig): ProgramEventSource {
  return config.eventStoreUrl ? new PortProgramEvents(config.pool, config.store) : new PostgresProgramEvents(config.pool);
}
