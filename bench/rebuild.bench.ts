/**
 * Rebuild benchmark (issue 4): loads BENCH_EVENTS events (default 1,000,000) shaped like the
 * reference case, then times, in the same run and on the same data:
 *   baseline  a streaming keyset SELECT of every event through pg, no projection work;
 *   rebuild   a full replay into fresh read-model tables (buildReadModel, as `npm run rebuild`).
 * The rebuild runs in a child process (bench/rebuild-child.ts) that reports its own peak RSS.
 * Results go to bench/results.md. BENCH_KEEP_DB=1 keeps the loaded database; BENCH_DB=<name>
 * reuses one instead of loading.
 *
 *   npm run bench:rebuild            (BENCH_EVENTS=200000 for a quicker run)
 */
import { benchEnvironment } from '@tracker/config';
import { startDatabase } from '@tracker/database';
import { runMigrations } from '@tracker/database';
import { eventStoreMigrations, PostgresEventStore } from '@tracker/event-store';
import { Pool } from 'pg';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generateEvents, type GeneratedEvent } from '../apps/projector/src/testing/event-generator';
import { recordResults } from './results';

const bench = benchEnvironment();
const EVENTS = bench.BENCH_EVENTS;

async function main(): Promise<void> {
  const database = await startDatabase({ databaseUrl: bench.DATABASE_URL, dataDir: bench.DATA_DIR });
  const reuse = bench.BENCH_DB;
  const name = reuse ?? `bench_${Date.now()}`;
  const admin = new Pool({ connectionString: database.url, max: 1 });
  if (!reuse) await admin.query(`create database ${name}`);
  const url = new URL(database.url);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: 8 });
  try {
    await runMigrations(pool, eventStoreMigrations);
    const store = new PostgresEventStore(pool);

    await pool.query('drop schema if exists read_model_bench cascade');
    // Load: one stream's consecutive events go in one append; 6 appenders in parallel.
    const loadStarted = Date.now();
    if (!reuse) {
    const groups: GeneratedEvent[][] = [];
    for (const generated of generateEvents(EVENTS, 'bench')) {
      const current = groups.at(-1);
      if (current && current[0].streamId === generated.streamId) current.push(generated);
      else groups.push([generated]);
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < groups.length) {
          const group = groups[next++];
          await store.append(group[0].streamId, group.map((g) => g.event), 'any');
        }
      }),
    );
    }
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    console.log(`loaded ${EVENTS} events in ${loadSeconds.toFixed(1)} s`);

    // Baseline: read every event, in order, through pg, doing nothing with it.
    const baselineStarted = Date.now();
    let after = '0';
    let read = 0;
    for (;;) {
      const { rows } = await pool.query(
        'select position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, occurred_on, hash from events where position > $1 order by position limit 2000',
        [after],
      );
      if (rows.length === 0) break;
      read += rows.length;
      after = rows[rows.length - 1].position;
    }
    const baselineSeconds = (Date.now() - baselineStarted) / 1000;

    await store.close();
    // The rebuild runs in a process of its own, as `npm run rebuild` does, so its peak RSS is its own.
    // The heap cap of `npm run rebuild`: V8 then collects before the process grows past ~190 MB.
    const child = spawnSync(process.execPath, ['--max-old-space-size=160', '-r', '@swc-node/register', join(__dirname, 'rebuild-child.ts'), url.toString(), 'read_model_bench'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`rebuild failed: ${child.stdout}`);
    const rebuilt = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { events: number; seconds: number; peakRssMb: number };

    const baselineRate = read / baselineSeconds;
    const rebuildRate = rebuilt.events / rebuilt.seconds;
    await recordResults('rebuild', [
      reuse
        ? `Events: ${EVENTS.toLocaleString('en')} (reference-case shape), in a database loaded by an earlier run.`
        : `Events: ${EVENTS.toLocaleString('en')} (reference-case shape), loaded in ${loadSeconds.toFixed(1)} s (${Math.round(EVENTS / loadSeconds).toLocaleString('en')} events/s through append, 6 writers).`,
      '',
      '| measure | events/s | ratio to baseline | goal |',
      '| --- | ---: | ---: | --- |',
      `| baseline: streaming SELECT through pg | ${Math.round(baselineRate).toLocaleString('en')} | 1.00 | |`,
      `| full rebuild (buildReadModel) | ${Math.round(rebuildRate).toLocaleString('en')} | ${(rebuildRate / baselineRate).toFixed(2)} | >= 0.25: ${rebuildRate / baselineRate >= 0.25 ? 'met' : '**not met**'} |`,
      '',
      `Peak RSS of the rebuild process: ${rebuilt.peakRssMb} MB (goal <= 256 MB: ${rebuilt.peakRssMb <= 256 ? 'met' : '**not met**'}).`,
    ]);
  } finally {
    await pool.end();
    if (!reuse && !bench.BENCH_KEEP_DB) await admin.query(`drop database if exists ${name} with (force)`);
    else console.log(`kept database ${name} (BENCH_DB=${name} reuses it)`);
    await admin.end();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
