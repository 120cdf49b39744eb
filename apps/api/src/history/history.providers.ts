import type { Provider } from '@nestjs/common';
import { logHashes, PostgresStreamHeads, programEventSource, type LogHashes, type ProgramEventSource, type StreamHeads } from '@tracker/audit';
import type { EventStore } from '@tracker/event-store';
import type { Pool } from 'pg';
import { API_OPTIONS, type ResolvedApiOptions } from '../config/api-options';
import { EVENT_STORE, PG_POOL } from '../database/database.module';

/** `@Inject(PROGRAM_EVENTS) source: ProgramEventSource`: a program's events, cheapest path. */
export const PROGRAM_EVENTS = Symbol('PROGRAM_EVENTS');
/** `@Inject(STREAM_HEADS) heads: StreamHeads | null`: the store's record of each stream's end, where it keeps one. */
export const STREAM_HEADS = Symbol('STREAM_HEADS');
/** `@Inject(LOG_HASHES) hashes: LogHashes`: the global log's hashes, as history digests read them. */
export const LOG_HASHES = Symbol('LOG_HASHES');

/**
 * With the events in PostgreSQL, a program's history is the index joined to `events` in SQL
 * and the `streams` rows are there to check. With EVENTSTORE_URL the history is read through
 * the port and verification goes without stream rows.
 */
export const HISTORY_PROVIDERS: Provider[] = [
  {
    provide: PROGRAM_EVENTS,
    inject: [PG_POOL, EVENT_STORE, API_OPTIONS],
    useFactory: (pool: Pool, store: EventStore, options: ResolvedApiOptions): ProgramEventSource =>
      programEventSource({ pool, store, eventStoreUrl: options.eventStoreUrl }),
  },
  {
    provide: STREAM_HEADS,
    inject: [PG_POOL, API_OPTIONS],
    useFactory: (pool: Pool, options: ResolvedApiOptions): StreamHeads | null =>
      options.eventStoreUrl ? null : new PostgresStreamHeads(pool),
  },
  {
    provide: LOG_HASHES,
    inject: [PG_POOL, EVENT_STORE, API_OPTIONS],
    useFactory: (pool: Pool, store: EventStore, options: ResolvedApiOptions): LogHashes =>
      logHashes({ pool, store, eventStoreUrl: options.eventStoreUrl }),
  },
];
