import { CommandBus } from '@nestjs/cqrs';
/**
 * History benchmark (issue 8): how cost grows with the store. The api and projector as
 * `npm start` runs them, on a fresh database; a program of about 50 events told through the
 * CommandBus; then unrelated events loaded in bulk until the store holds
 * BENCH_HISTORY_SMALL (10,000) events, and later BENCH_HISTORY_LARGE (1,000,000). At each size,
 * once the projector has caught up (so the history index is as large as the store), with
 * BENCH_HISTORY_RUNS (300) runs each, one after another:
 *
 *   - a single-event append to a new stream through the api's event store;
 *   - the GraphQL `programHistory` of the program (one page holding all its events), over HTTP;
 *   - the same through the libs/audit source the resolver calls (page + count), without HTTP;
 *   - (DIGEST_RUNS, 3, each) taking a history digest of the whole store, and checking it,
 *     against the baseline of reading the same four columns in the same pages without hashing.
 *
 * The small store is the baseline: the figure is the ratio large/small.
 * The bulk is appended fast, BENCH_HISTORY_BATCH (500) events per append from
 * BENCH_HISTORY_WRITERS (4) writers, through the same EventStore.append (hash chain and all):
 * outcomes of 1,000 other programs, each recorded then corrected many times, so the events
 * table and the history index both grow with the store.
 *
 *   npm run bench:history        (BENCH_HISTORY_LARGE=100000 for a quicker run)
 */
import { checkHistoryDigest, PostgresLogHashes, takeHistoryDigest, type LogHashes, type ProgramEventSource } from '@tracker/audit';
import { benchEnvironment } from '@tracker/config';
import {  } from '@tracker/application';
import { eventSchemaVersions } from '@tracker/domain';
import type { EventStore, NewEvent } from '@tracker/event-store';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { EVENT_STORE, PG_POOL } from '../apps/api/src/database/database.module';
import { PROGRAM_EVENTS } from '../apps/api/src/history/history.providers';
import { graphql, startBenchApi, type BenchApi } from './api-harness';
import { ms, percentile, ratio, whole } from './load';
import { seedProgram, type SeededProgram } from './program-seed';
import { activityLogged } from './fixtures';
import { recordResults } from './results';

const bench = benchEnvironment();
const SMALL = bench.BENCH_HISTORY_SMALL;
const LARGE = bench.BENCH_HISTORY_LARGE;
const RUNS = bench.BENCH_HISTORY_RUNS;
const DIGEST_RUNS = 3;
const BATCH = bench.BENCH_HISTORY_BATCH;
const WRITERS = bench.BENCH_HISTORY_WRITERS;
/** 13 activities: 52 events that touch the program. */
const PROGRAM_ACTIVITIES = 13;
const OTHER_PROGRAMS = 1_000;

const PROGRAM_HISTORY = `query ($programId: ID!) {
  programHistory(programId: $programId, first: 100) {
    totalCount
    edges { node { position type streamId version recordedAt occurredOn actor data hash } }
  }
}`;

interface Percentiles {
  p50: number;
  p99: number;
}

interface SizeFigures {
  events: number;
  loadSeconds: number;
  loaded: number;
  catchUpSeconds: number;
  append: Percentiles;
  graphql: Percentiles;
  source: Percentiles;
  /** Median seconds of DIGEST_RUNS: the four columns read without hashing, a digest taken, a digest checked. */
  digest: { scan: number; take: number; check: number };
}

async function main(): Promise<void> {
  if (!(LARGE > SMALL)) throw new Error(`BENCH_HISTORY_LARGE (${LARGE}) must be larger than BENCH_HISTORY_SMALL (${SMALL})`);
  const api = await startBenchApi('history');
  try {
    const seeded = await seedProgram(api.app.get(CommandBus), { activities: PROGRAM_ACTIVITIES, tag: 'history' });
    if (!(await api.waitForProjection(seeded.lastPosition, 60_000))) throw new Error('the projector did not take in the seeded program');
    console.log(`program ${seeded.programId}: ${seeded.programEvents} events`);

    const small = await atSize(api, seeded, SMALL);
    const large = await atSize(api, seeded, LARGE);

    const row = (name: string, pick: (figures: SizeFigures) => Percentiles) => {
      const [s, l] = [pick(small), pick(large)];
      return `| ${name} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(l.p50)} | ${ms(l.p99)} | ${ratio(l.p50, s.p50)} | ${ratio(l.p99, s.p99)} |`;
    };
    const loadRate = (figures: SizeFigures) => (figures.loadSeconds > 0 ? figures.loaded / figures.loadSeconds : NaN);
    const catchUpRate = (figures: SizeFigures) => (figures.catchUpSeconds > 0 ? figures.loaded / figures.catchUpSeconds : NaN);
    await recordResults('history', [
      `How cost grows with the store: ${whole(small.events)} stored events (the baseline) against ${whole(large.events)}, in the same run and database.`,
      `The program: ${seeded.programEvents} events told through the CommandBus (${PROGRAM_ACTIVITIES} activities with follow-ups and outcomes, partners, an agreement). The rest: outcomes of ${whole(OTHER_PROGRAMS)} other programs (recorded, then corrected), appended ${BATCH} per append by ${WRITERS} writers through EventStore.append, the projector stopped meanwhile; then the projector catches up, so the history index grows with the store, and \`vacuum analyze\` runs (as autovacuum would) before measuring.`,
      `${whole(RUNS)} runs of each, one at a time, api and projector running: a single-event append to a new stream (the api's event store); \`programHistory(first: 100)\` over HTTP (GraphQL, all ${seeded.programEvents} events in one page, every field); the same page and count through the libs/audit source the resolver calls.`,
      '',
      `| measure (ms) | p50 at ${whole(small.events)} | p99 at ${whole(small.events)} | p50 at ${whole(large.events)} | p99 at ${whole(large.events)} | p50 ratio large/small | p99 ratio large/small |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      row('EventStore.append, one event, new stream', (f) => f.append),
      row('GraphQL `programHistory` (HTTP)', (f) => f.graphql),
      row('ProgramEventSource page + count (libs/audit)', (f) => f.source),
      '',
      '',
      `History digest of the whole store (median of ${DIGEST_RUNS} runs, seconds): the baseline reads the same four columns (position, stream, version, hash) of every visible event in the same pages of 10,000 without hashing; taking folds them into the running SHA-256 and keeps the checkpoints; checking recomputes a kept digest and compares every checkpoint (what \`verifyHistory(against:)\` and \`npm run auditor -- verify --against\` add to the chain verification). Goal: under 5 s at 1,000,000 events.`,
      '',
      `| measure (s) | at ${whole(small.events)} | at ${whole(large.events)} | ratio to the baseline at ${whole(large.events)} |`,
      '| --- | ---: | ---: | ---: |',
      `| baseline: read the four columns | ${small.digest.scan.toFixed(2)} | ${large.digest.scan.toFixed(2)} | 1 |`,
      `| take a digest | ${small.digest.take.toFixed(2)} | ${large.digest.take.toFixed(2)} | ${ratio(large.digest.take, large.digest.scan)} |`,
      `| check a kept digest | ${small.digest.check.toFixed(2)} | ${large.digest.check.toFixed(2)} | ${ratio(large.digest.check, large.digest.scan)} |`,
      '',
      `Bulk load: ${whole(loadRate(large))} events/s through append (${BATCH} per append, ${WRITERS} writers); projector catch-up: ${whole(catchUpRate(large))} events/s (${whole(large.loaded)} events in ${large.catchUpSeconds.toFixed(0)} s).`,
    ]);
  } finally {
    await api.close();
  }
}

async function atSize(api: BenchApi, seeded: SeededProgram, target: number): Promise<SizeFigures> {
  const pool = api.app.get<Pool>(PG_POOL);
  const store = api.app.get<EventStore>(EVENT_STORE);
  const source = api.app.get<ProgramEventSource>(PROGRAM_EVENTS);

  const stored = await countEvents(pool);
  await api.stopProjector();
  const loadStarted = performance.now();
  const lastPosition = await loadUnrelated(store, Math.max(0, target - stored));
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const catchUpStarted = performance.now();
  await api.startProjector();
  if (lastPosition > 0n && !(await api.waitForProjection(lastPosition, 60 * 60_000))) throw new Error('the projector did not catch up');
  const catchUpSeconds = (performance.now() - catchUpStarted) / 1000;
  await pool.query('vacuum analyze events');
  await pool.query('vacuum analyze read_model.program_events');
  const events = await countEvents(pool);
  console.log(`${whole(events)} events stored; loaded ${whole(events - stored)} in ${loadSeconds.toFixed(1)} s, projected in ${catchUpSeconds.toFixed(1)} s`);

  // The program's history must be the same at every size: all its events, one page.
  const check = await graphql<{ programHistory: { totalCount: number; edges: unknown[] } }>(api, PROGRAM_HISTORY, { programId: seeded.programId });
  if (check.programHistory.totalCount !== seeded.programEvents || check.programHistory.edges.length !== seeded.programEvents) {
    throw new Error(`programHistory lists ${check.programHistory.totalCount} events, expected ${seeded.programEvents}`);
  }

  const warmup = Math.min(20, RUNS);
  const graphqlRun = () => graphql(api, PROGRAM_HISTORY, { programId: seeded.programId });
  const sourceRun = () => Promise.all([source.page(seeded.programId, { limit: 101 }), source.count(seeded.programId, {})]);
  const appendRun = () => store.append(`activity-${randomUUID()}`, [activityLogged()], 'no_stream');
  await timed(warmup, graphqlRun);
  await timed(warmup, sourceRun);
  await timed(warmup, appendRun);
  const figures: SizeFigures = {
    events,
    loadSeconds,
    loaded: events - stored,
    catchUpSeconds,
    graphql: await timed(RUNS, graphqlRun),
    source: await timed(RUNS, sourceRun),
    append: await timed(RUNS, appendRun),
    digest: await digestSeconds(new PostgresLogHashes(pool)),
  };
  const { rows } = await pool.query<{ position: string }>('select max(position)::text as position from events');
  await api.waitForProjection(BigInt(rows[0].position), 60_000);
  return figures;
}

async function digestSeconds(hashes: LogHashes): Promise<SizeFigures['digest']> {
  const seconds = async (operation: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < DIGEST_RUNS; i++) {
      const started = performance.now();
      await operation();
      runs.push((performance.now() - started) / 1000);
    }
    return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  };
  const kept = await takeHistoryDigest(hashes, () => new Date());
  const scan = await seconds(async () => {
    let read = 0;
    for await (const page of hashes.pages(kept.position)) read += page.length;
    if (read !== kept.eventCount) throw new Error(`read ${read} events, the digest covers ${kept.eventCount}`);
  });
  const take = await seconds(() => takeHistoryDigest(hashes, () => new Date()));
  const check = await seconds(async () => {
    if (!(await checkHistoryDigest(hashes, kept)).matches) throw new Error('the digest does not match its own store');
  });
  console.log(`digest of ${whole(kept.eventCount)} events: read ${scan.toFixed(2)} s, take ${take.toFixed(2)} s, check ${check.toFixed(2)} s`);
  return { scan, take, check };
}

async function countEvents(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ count: number }>('select count(*)::int as count from events');
  return rows[0].count;
}

/**
 * `count` events in streams of BATCH, from WRITERS writers: each stream an outcome of one of
 * the other programs, recorded and then corrected. Returns the last position appended.
 */
async function loadUnrelated(store: EventStore, count: number): Promise<bigint> {
  const programs = Array.from({ length: OTHER_PROGRAMS }, () => randomUUID());
  let left = count;
  let last = 0n;
  let streams = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (left > 0) {
        const size = Math.min(BATCH, left);
        left -= size;
        const programId = programs[streams++ % programs.length];
        const outcomeId = randomUUID();
        const events = Array.from({ length: size }, (_, i) => outcomeEvent(outcomeId, programId, i));
        const result = await store.append(`outcome-${outcomeId}`, events, 'no_stream');
        if (result.position > last) last = result.position;
      }
    }),
  );
  return last;
}

function outcomeEvent(outcomeId: string, programId: string, index: number): NewEvent {
  const measure = { amount: `${100_000 + index}.50`, currency: 'THB', quantity: null };
  return index === 0
    ? {
        eventId: randomUUID(),
        type: 'OutcomeRecorded',
        schemaVersion: eventSchemaVersions.OutcomeRecorded,
        data: { outcomeId, programId, activityId: null, kind: 'REVENUE', ...measure, description: 'Online sales of OTOP products' },
        metadata: { actor: 'bench-loader' },
        occurredOn: null,
      }
    : {
        eventId: randomUUID(),
        type: 'OutcomeCorrected',
        schemaVersion: eventSchemaVersions.OutcomeCorrected,
        data: { outcomeId, programId, ...measure, description: 'Online sales of OTOP products, audited', reason: `Audit ${index}` },
        metadata: { actor: 'bench-loader' },
        occurredOn: null,
      };
}

/** The shape append.bench.ts appends: a meeting with no program. */

/** `runs` calls of `operation`, one after another; latency percentiles in ms. */
async function timed(runs: number, operation: () => Promise<unknown>): Promise<Percentiles> {
  const latencies: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await operation();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
