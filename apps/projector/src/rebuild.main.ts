import { loadConfig } from '@tracker/config';
import { onShutdownSignal, startDatabase } from '@tracker/database';
import { connectEventStore } from '@tracker/event-store';
import { Pool } from 'pg';
import { rebuildReadModel } from './rebuild';

/**
 * `npm run rebuild`: replays the log into shadow tables and swaps them in, printing progress.
 * The events come from where the projector reads them (EVENTSTORE_URL, else PostgreSQL).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await startDatabase({ databaseUrl: config.database.url, dataDir: config.database.dataDir });
  const pool = new Pool({ connectionString: database.url, max: 3 });
  const { eventStoreUrl } = config;
  const store = connectEventStore({ pool, eventStoreUrl });
  onShutdownSignal(async () => {
    await store.close();
    await pool.end();
    await database.stop();
  });
  const started = Date.now();
  const result = await rebuildReadModel({
    databaseUrl: database.url,
    store,
    // The log's head (for the ETA) is known only when the events are in this PostgreSQL.
    head: eventStoreUrl ? undefined : async () => BigInt((await pool.query('select coalesce(max(position), 0)::text as head from events')).rows[0].head),
    onProgress: (p) =>
      console.log(`rebuild: ${p.events} events, position ${p.position}, ${p.eventsPerSecond} events/s, ETA ${p.etaSeconds ?? '?'} s`),
    onFailure: (f) => console.error(`rebuild: projection ${f.projection} stopped at event ${f.position} (${f.type}): ${f.message}`),
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`rebuild: done, ${result.events} events in ${seconds.toFixed(1)} s; the new tables are live`);
  await store.close();
  await pool.end();
  await database.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
