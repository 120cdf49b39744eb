/**
 * Append benchmark: single-event appends through the PostgreSQL event store (gap-free
 * positions, stream version check, hash chain, NOTIFY) against the baseline of a raw
 * single-row INSERT of the same JSON through pg, both at the same concurrency, same database,
 * same run. Also: append latency at a small and a large store size (how cost grows).
 *
 *   npm run bench:append     (BENCH_APPENDS=10000, BENCH_CLIENTS=32, BENCH_LARGE_STORE=1000000)
 */
import { benchEnvironment } from '@tracker/config';
import { randomUUID } from 'node:crypto';
import { runMigrations, startDatabase } from '@tracker/database';
import { eventStoreMigrations, PostgresEventStore } from '@tracker/event-store';
import { Pool } from 'pg';
import { activityLogged } from './fixtures';
import { recordResults } from './results';

const bench = benchEnvironment();
const APPENDS = bench.BENCH_APPENDS;
const CLIENTS = bench.BENCH_CLIENTS;


/** Runs `count` operations over `clients` concurrent workers; returns ops/s and latency percentiles (ms). */
async function measure(count: number, clients: number, operation: () => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next++ < count) {
        const t = process.hrtime.bigint();
        await operation();
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { perSecond: count / seconds, p50: pct(50), p99: pct(99) };
}

async function main(): Promise<void> {
  const database = await startDatabase({ databaseUrl: bench.DATABASE_URL, dataDir: bench.DATA_DIR });
  const name = `bench_append_${Date.now()}`;
  const admin = new Pool({ connectionString: database.url, max: 1 });
  // Dropping the database below ends idle pooled connections; that must not crash the bench.
  admin.on('error', () => undefined);
  await admin.query(`create database ${name}`);
  const url = new URL(database.url);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: CLIENTS });
  pool.on('error', () => undefined);
  try {
    await runMigrations(pool, eventStoreMigrations);
    await pool.query('create table raw_events (id bigserial primary key, stream_id text not null, data jsonb not null)');
    const store = new PostgresEventStore(pool);

    // Warm both paths up, then measure them back to back.
    await measure(500, CLIENTS, () => pool.query('insert into raw_events (stream_id, data) values ($1, $2)', [randomUUID(), activityLogged().data]));
    await measure(500, CLIENTS, () => store.append(`activity-${randomUUID()}`, [activityLogged()], 'no_stream'));
    const raw = await measure(APPENDS, CLIENTS, () =>
      pool.query('insert into raw_events (stream_id, data) values ($1, $2)', [randomUUID(), activityLogged().data]),
    );
    const append = await measure(APPENDS, CLIENTS, () => store.append(`activity-${randomUUID()}`, [activityLogged()], 'no_stream'));
    const storeSize = Number((await pool.query('select count(*) from events')).rows[0].count);
    const single = await measure(1_000, 1, () => store.append(`activity-${randomUUID()}`, [activityLogged()], 'no_stream'));
    await store.close();

    const f = (n: number) => Math.round(n).toLocaleString('en');
    await recordResults('append', [
      `${f(APPENDS)} single-event appends to new streams, ${CLIENTS} concurrent clients, embedded PostgreSQL (default durability settings).`,
      '',
      '| measure | ops/s | p50 ms | p99 ms | ratio to baseline | goal |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      `| baseline: raw single-row INSERT through pg | ${f(raw.perSecond)} | ${raw.p50.toFixed(2)} | ${raw.p99.toFixed(2)} | 1.00 | |`,
      `| EventStore.append (PostgreSQL adapter) | ${f(append.perSecond)} | ${append.p50.toFixed(2)} | ${append.p99.toFixed(2)} | ${(append.perSecond / raw.perSecond).toFixed(2)} | >= 0.6: ${append.perSecond / raw.perSecond >= 0.6 ? 'met' : '**not met**'} |`,
      `| one client, store of ${f(storeSize)} events | ${f(single.perSecond)} | ${single.p50.toFixed(2)} | ${single.p99.toFixed(2)} | | |`,
    ]);
  } finally {
    await pool.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
