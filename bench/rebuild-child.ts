/**
 * The rebuild, alone in its own process so its memory is measured without the loader's:
 * prints one JSON line with the events, seconds and peak RSS (VmHWM) of this process.
 */
import { PostgresEventStore } from '@tracker/event-store';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { buildReadModel } from '../apps/projector/src/rebuild';

async function main(): Promise<void> {
  const url = process.argv[2];
  const schema = process.argv[3];
  const pool = new Pool({ connectionString: url, max: 3 });
  const store = new PostgresEventStore(pool);
  const started = process.hrtime.bigint();
  const result = await buildReadModel({ databaseUrl: url, store, schema });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  await store.close();
  await pool.end();
  console.log(JSON.stringify({ events: result.events, seconds, peakRssMb: peak ? Math.round(Number(peak[1]) / 1024) : null }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
