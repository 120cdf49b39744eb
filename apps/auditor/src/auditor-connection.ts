import { logHashes, PostgresStreamHeads, programEventSource, type LogHashes, type ProgramEventSource, type StreamHeads } from '@tracker/audit';
import type { TrackerConfig } from '@tracker/config';
import { startDatabase } from '@tracker/database';
import { connectEventStore, type EventStore } from '@tracker/event-store';
import { Pool } from 'pg';

export interface AuditorConnection {
  store: EventStore;
  source: ProgramEventSource;
  heads: StreamHeads | undefined;
  hashes: LogHashes;
  close(): Promise<void>;
}

/**
 * The tracker's database from DATABASE_URL, or the embedded one under DATA_DIR (default
 * .data), as the apps find it; events from EVENTSTORE_URL when set. Every session is opened
 * read-only (default_transaction_read_only): an audit tool must not be able to write, even by
 * a bug, to the history it checks.
 */
export async function connectAuditor(config: Pick<TrackerConfig, 'database' | 'eventStoreUrl'>): Promise<AuditorConnection> {
  const database = await startDatabase({ databaseUrl: config.database.url, dataDir: config.database.dataDir });
  const pool = new Pool({
    connectionString: database.url,
    application_name: 'tracker-auditor',
    max: 4,
    options: '-c default_transaction_read_only=on',
  });
  pool.on('error', () => undefined); // an idle connection dropped by the server; the next query reconnects
  const eventStoreUrl = config.eventStoreUrl;
  const store = connectEventStore({ pool, eventStoreUrl });
  return {
    store,
    source: programEventSource({ pool, store, eventStoreUrl }),
    heads: eventStoreUrl ? undefined : new PostgresStreamHeads(pool),
    hashes: logHashes({ pool, store, eventStoreUrl }),
    async close() {
      await store.close();
      await pool.end();
      await database.stop();
    },
  };
}
