import type { Provider } from '@nestjs/common';
import { PostgresStreamHeads, programEventSource, type ProgramEventSource, type StreamHeads } from '@tracker/audit';
import type { EventStore } from '@tracker/event-store';
import type { Pool } from 'pg';
import { EVENT_STORE, PG_POOL } from '../database/database.module';

/** `@Inject(PROGRAM_EVENTS) source: ProgramEventSource`: a program's events, cheapest path. */
export const PROGRAM_EVENTS = Symbol('PROGRAM_EVENTS');
/** `@Inject(STREAM_HEADS) heads: StreamHeads | null`: the store's record of each stream's end, where it keeps one. */
export const STREAM_HEADS = Symbol('STREAM_HEADS');

/**
 * The api's event store is PostgreSQL (database.module.ts builds a PostgresEventStore on
 * PG_POOL), so a program's history is the index joined to `events` in SQL and the `streams`
 * rows are there to check. Were the api to take EVENTSTORE_URL, pass it here: the history is
 * then read through the port and verification goes without stream rows.
 */
const eventStoreUrl: string | undefined = undefined;

export const HISTORY_PROVIDERS: Provider[] = [
  {
    provide: PROGRAM_EVENTS,
    inject: [PG_POOL, EVENT_STORE],
    useFactory: (pool: Pool, store: EventStore): ProgramEventSource => programEventSource({ pool, store, eventStoreUrl }),
  },
  {
    provide: STREAM_HEADS,
    inject: [PG_POOL],
    useFactory: (pool: Pool): StreamHeads | null => (eventStoreUrl ? null : new PostgresStreamHeads(pool)),
  },
];
