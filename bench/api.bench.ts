import { CommandBus } from '@nestjs/cqrs';
/**
 * API benchmark (issue 5): the api and projector as production runs them (bench/api-harness.ts:
 * compiled, NODE_ENV=production, each its own process) on a fresh database, a program of
 * BENCH_API_ACTIVITIES (50) activities told through the CommandBus, load from
 * bench/load-generator.ts in its own process, all on 127.0.0.1. Each figure beside a baseline
 * measured in the same run: a bare node:http server (bench/baseline-server.ts) in the bench
 * process, on pg pools configured as the api's (the in-process api module's own pools).
 *
 *   a. `program(id)` with its 50 activities and their organisations, follow-ups, outcomes and
 *      totals, against the same rows read by hand and answered as the same JSON: fixed rates
 *      (BENCH_API_RATES, default 25,100,300 req/s, open loop) and unthrottled (closed loop).
 *   b. `logActivity` with BENCH_API_CONNECTIONS (16) clients, unique commandIds, against a raw
 *      single-row INSERT behind the same kind of handler; and, in process without HTTP,
 *      EventStore.append against a raw INSERT on the api's own pool.
 *   c. Write to visible: `logActivity` at BENCH_API_WRITE_RATES (50,200) writes/s; the mutation
 *      answers once the projector has applied its event and the record is read back
 *      (read-your-writes, `projected: true`), so its latency is the time from the write's start
 *      to its record being readable. Baseline: the raw INSERT at the same rate (readable on commit).
 *
 *   npm run bench:api        (BENCH_API_SECONDS=10 per run, BENCH_API_WARMUP_SECONDS=3)
 */
import { benchEnvironment } from '@tracker/config';
import {  } from '@tracker/application';
import type { EventStore } from '@tracker/event-store';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { EVENT_STORE, PG_POOL } from '../apps/api/src/database/database.module';
import { ReadDatabase } from '../apps/api/src/read-model/read-database';
import { startBenchApi, type BenchApi } from './api-harness';
import { PROGRAM_QUERY, RAW_WRITES_TABLE, startBaselineServer, type BaselineServer } from './baseline-server';
import { ms, percentile, ratio, runLoad, whole, type LoadResult, type LoadSpec } from './load';
import { seedProgram, type SeededProgram } from './program-seed';
import { activityLogged } from './fixtures';
import { recordResults } from './results';

const bench = benchEnvironment();
const SECONDS = bench.BENCH_API_SECONDS;
const WARMUP_SECONDS = bench.BENCH_API_WARMUP_SECONDS;
const RATES = bench.BENCH_API_RATES;
const CONNECTIONS = bench.BENCH_API_CONNECTIONS;
/** The goal's rate, and a lighter one beside it for context. */
const WRITE_RATES = bench.BENCH_API_WRITE_RATES;
const WRITE_GOAL_RATE = 200;
const ACTIVITIES = bench.BENCH_API_ACTIVITIES;
/** The overload row: past the api's capacity, where it must shed (issue 14). */
const OVERLOAD_RATE = 300;
const MAX_REFUSAL_MS = 50;
const SERVED_P99_RATIO = 10;
/** Open loop: room for this many requests in flight before the generator itself queues. */
const OPEN_LOOP_SOCKETS = 128;

const LOG_ACTIVITY = `mutation ($input: LogActivityInput!) {
  logActivity(input: $input) { activity { id } result { position projected } }
}`;

const yesNo = (met: boolean) => (met ? 'met' : '**not met**');

async function main(): Promise<void> {
  const api = await startBenchApi('api');
  let baseline: BaselineServer | undefined;
  try {
    const seeded = await seedProgram(api.app.get(CommandBus), { activities: ACTIVITIES });
    if (!(await api.waitForProjection(seeded.lastPosition, 60_000))) throw new Error('the projector did not take in the seeded program');
    console.log(`seeded program ${seeded.programId}: ${seeded.programEvents} program events, ${seeded.organizationIds.length} organisations`);

    // The same pools the api uses: the read side's (TypeORM's pg pool) and the event store's.
    const readDatabase = api.app.get(ReadDatabase);
    await readDatabase.query('select 1', []); // connects the read side
    const readPool = (readDatabase.dataSource.driver as unknown as { master: Pool }).master;
    const writePool = api.app.get<Pool>(PG_POOL);
    baseline = await startBaselineServer(readPool, writePool);

    await programQuery(api, baseline, seeded);
    await commands(api, baseline, seeded, writePool);
    await writeToVisible(api, baseline, seeded, writePool);
  } finally {
    await baseline?.close();
    await api.close();
  }
}

/** a. */
async function programQuery(api: BenchApi, baseline: BaselineServer, seeded: SeededProgram): Promise<void> {
  const graphqlBody = JSON.stringify({ query: PROGRAM_QUERY, variables: { id: seeded.programId } });
  const graphqlText = await (
    await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: api.authorization },
      body: graphqlBody,
    })
  ).text();
  const baselineText = await (await fetch(`${baseline.url}/program`, { method: 'POST', body: JSON.stringify({ id: seeded.programId }) })).text();
  assertSameJson(graphqlText, baselineText);
  const edges = (JSON.parse(graphqlText) as { data: { program: { activities: { edges: unknown[] } } } }).data.program.activities.edges.length;
  if (edges !== Math.min(ACTIVITIES, 50)) throw new Error(`expected ${Math.min(ACTIVITIES, 50)} activities, got ${edges}`);
  console.log(`program(id): ${Buffer.byteLength(graphqlText)} bytes of JSON, the same from the api and the baseline`);

  const check = { expect: ['{"data":{"program":{"id":'], forbid: ['"errors"'] };
  const apiSpec = (extra: Partial<LoadSpec>): LoadSpec => ({
    url: `${api.baseUrl}/graphql`,
    headers: { 'content-type': 'application/json', authorization: api.authorization },
    body: graphqlBody,
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
    ...check,
    ...extra,
  });
  const baselineSpec = (extra: Partial<LoadSpec>): LoadSpec => ({
    url: `${baseline.url}/program`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: seeded.programId }),
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
    ...check,
    ...extra,
  });

  await runLoad(baselineSpec({ durationSeconds: WARMUP_SECONDS }));
  await runLoad(apiSpec({ durationSeconds: WARMUP_SECONDS }));
  const rows: string[] = [];
  let overload: string | undefined;
  // The api process's peak RSS (VmHWM) after each load; it has served nothing but these reads
  // (seeding went through the in-process module's CommandBus).
  const peaks: string[] = [];
  const notePeak = (load: string) => {
    const memory = api.apiMemoryMiB();
    if (memory) peaks.push(`${whole(memory.peak)} MiB after ${load}`);
    return memory?.peak;
  };
  for (const rate of RATES) {
    const base = await runLoad(baselineSpec({ rate, connections: OPEN_LOOP_SOCKETS }));
    const measured = await runLoad(apiSpec({ rate, connections: OPEN_LOOP_SOCKETS }));
    notePeak(`${rate} req/s`);
    if (rate === OVERLOAD_RATE) overload = overloadSummary(measured, base);
    rows.push(
      readRow(`${rate} req/s, fixed`, 'baseline: node:http + the same SQL', base, base),
      readRow(`${rate} req/s, fixed`, 'GraphQL `program(id)`', measured, base, rate === OVERLOAD_RATE ? overloadGoal(measured, base) : goalAt(rate, measured, base)),
    );
  }
  const base = await runLoad(baselineSpec({}));
  const measured = await runLoad(apiSpec({}));
  const peakMiB = notePeak('unthrottled');
  const throughput = measured.perSecond / base.perSecond;
  rows.push(
    readRow(`unthrottled, ${CONNECTIONS} connections`, 'baseline: node:http + the same SQL', base, base),
    readRow(`unthrottled, ${CONNECTIONS} connections`, 'GraphQL `program(id)`', measured, base, `>= 0.5 of baseline req/s: ${yesNo(throughput >= 0.5)}`),
  );

  const rssGoal =
    peakMiB === undefined
      ? ''
      : ` Peak RSS of the api process (VmHWM) under this read load: ${peaks.join(', ')} (goal <= 300 MB: ${yesNo(peakMiB * 2 ** 20 <= 300e6)}).`;

  await recordResults('api: program query', [
    `\`program(id)\` with ${Math.min(ACTIVITIES, 50)} activities (2 organisers with their parent ministry, 3 participants with organisations, a follow-up with its owner, 1-2 outcomes each), partners and totals: ${whole(Buffer.byteLength(graphqlText))} bytes of JSON.`,
    'The api: `node --enable-source-maps dist/apps/api/main.js` with NODE_ENV=production (the compiled build, as the image runs it), in its own process; the projector likewise (dist/apps/projector/main.js).',
    'Baseline: a bare node:http handler in the bench process reading the same rows on a pg pool of the same size as the api\'s read pool (7 statements) and answering the same JSON (checked byte for byte).',
    `Fixed rates: open loop, latency from each request's scheduled moment, ${SECONDS} s. Unthrottled: autocannon, ${CONNECTIONS} connections, ${SECONDS} s. Load generator in its own process, 127.0.0.1.`,
    '',
    '| load | server | req/s | p50 ms | p99 ms | req/s ratio | p99 ratio | goal |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    `${overload ?? ''}Unthrottled it serves ${throughput.toFixed(2)} of the baseline's throughput (goal >= 0.5).${rssGoal}`,
  ]);
}

/** The goals per fixed rate: 100 req/s within 3x the baseline's p99. */
function goalAt(rate: number, measured: LoadResult, base: LoadResult): string {
  if (rate === 100) return `p99 <= 3x baseline's: ${yesNo(measured.p99 <= 3 * base.p99 && measured.errors === 0)}`;
  return '';
}

function readRow(load: string, server: string, result: LoadResult, base: LoadResult, goal = ''): string {
  const isBase = result === base;
  return `| ${load} | ${server} | ${whole(result.perSecond)} | ${ms(result.p50)} | ${ms(result.p99)} | ${isBase ? '1.00' : ratio(result.perSecond, base.perSecond)} | ${isBase ? '1.00' : ratio(result.p99, base.p99)} | ${goal}${failures(result)} |`;
}

function failures(result: LoadResult): string {
  const refused = result.refused ? `, ${whole(result.refused)} refused (503 + Retry-After)` : '';
  return result.bad || result.errors || result.refused ? ` (${whole(result.requests)} answered, ${result.bad} of them bad${refused}; ${whole(result.errors)} unanswered)` : '';
}

/**
 * The overload row's goal (issue 14): past capacity the api refuses at once, 503 with
 * Retry-After within 50 ms, and the requests it serves stay fast: their p99 (the req/s, p50
 * and p99 columns are of the served ones) at most 10x the baseline's at the same rate. Unmet
 * if nothing was refused (then the rate was not past capacity, or the api queued instead) or
 * any answer was bad or missing.
 */
function overloadGoal(measured: LoadResult, base: LoadResult): string {
  const refusedAtOnce = measured.refused > 0 && measured.refusedP99 <= MAX_REFUSAL_MS;
  const servedFast = measured.p99 <= SERVED_P99_RATIO * base.p99;
  const clean = measured.bad === 0 && measured.errors === 0;
  return `refused within ${MAX_REFUSAL_MS} ms: ${yesNo(refusedAtOnce)}; served p99 <= ${SERVED_P99_RATIO}x: ${yesNo(servedFast && clean)}`;
}

function overloadSummary(measured: LoadResult, base: LoadResult): string {
  return (
    `At ${OVERLOAD_RATE} req/s (past the api's capacity) it served ${whole(measured.good + measured.bad)} and refused ${whole(measured.refused)} of ${whole(measured.requests + measured.errors)} requests ` +
    `with 503 + Retry-After, the refusals in ${ms(measured.refusedP50)} ms (p50) and ${ms(measured.refusedP99)} ms (p99; goal <= ${MAX_REFUSAL_MS} ms); ` +
    `the served ones' p99 is ${ms(measured.p99)} ms, ${ratio(measured.p99, base.p99)}x the baseline's (goal <= ${SERVED_P99_RATIO}x). `
  );
}

function logActivitySpecs(api: BenchApi, baseline: BaselineServer, seeded: SeededProgram) {
  const [, , department, company] = seeded.organizationIds;
  const input = {
    commandId: '__UNIQUE__',
    programId: seeded.programId,
    kind: 'MEETING',
    title: { th: 'ประชุมหารือกับลาซาด้า', en: 'Meeting with Lazada' },
    startsOn: '2019-12-16',
    location: { venue: 'CDD', city: 'Bangkok', country: 'TH' },
    organizerIds: [department],
    participants: [{ name: { en: 'Seller' }, organizationId: company }],
    topics: ['OTOP', 'e-commerce'],
  };
  const mutation = (extra: Partial<LoadSpec>): LoadSpec => ({
    url: `${api.baseUrl}/graphql`,
    headers: { 'content-type': 'application/json', authorization: api.authorization },
    body: JSON.stringify({ query: LOG_ACTIVITY, variables: { input } }),
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
    expect: ['"projected":true'],
    forbid: ['"errors"'],
    ...extra,
  });
  const rawInsert = (extra: Partial<LoadSpec>): LoadSpec => ({
    url: `${baseline.url}/insert`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
    expect: ['"insert"'],
    forbid: ['"errors"'],
    ...extra,
  });
  return { mutation, rawInsert };
}

/** b. */
async function commands(api: BenchApi, baseline: BaselineServer, seeded: SeededProgram, writePool: Pool): Promise<void> {
  const { mutation, rawInsert } = logActivitySpecs(api, baseline, seeded);
  await runLoad(rawInsert({ durationSeconds: WARMUP_SECONDS }));
  await runLoad(mutation({ durationSeconds: WARMUP_SECONDS }));
  const base = await runLoad(rawInsert({}));
  const measured = await runLoad(mutation({}));

  // The event-store level, in process and without HTTP, as append.bench.ts measures it but on
  // the api's own pool; the projector is stopped, as it is there.
  await api.stopProjector();
  const store = api.app.get<EventStore>(EVENT_STORE);
  const seconds = Math.max(2, Math.round(SECONDS / 2));
  const insert = () => writePool.query(`insert into ${RAW_WRITES_TABLE} (data) values ($1)`, [activityLogged().data]);
  const append = () => store.append(`activity-${randomUUID()}`, [activityLogged()], 'no_stream');
  await inProcess(1, insert);
  await inProcess(1, append);
  const rawInProcess = await inProcess(seconds, insert);
  const appendInProcess = await inProcess(seconds, append);
  await api.startProjector();
  await catchUp(api, writePool);

  const storeRatio = appendInProcess.perSecond / rawInProcess.perSecond;
  await recordResults('api: commands', [
    `Single-event commands: \`logActivity\` (a meeting of the seeded program, one organiser, one participant with an organisation; a fresh commandId each), ${CONNECTIONS} concurrent clients (autocannon, closed loop), ${SECONDS} s.`,
    'The mutation answers after read-your-writes (projector running), as a client sees it. Baseline: a bare node:http handler in the api process doing one single-row INSERT of the same input JSON on the pool the event store appends on.',
    '',
    '| measure | ops/s | p50 ms | p99 ms | ratio to baseline | goal |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    `| baseline: HTTP + raw single-row INSERT | ${whole(base.perSecond)} | ${ms(base.p50)} | ${ms(base.p99)} | 1.00 | |`,
    `| GraphQL \`logActivity\` (${whole(measured.good)} of ${whole(measured.requests)} answered \`projected: true\`) | ${whole(measured.perSecond)} | ${ms(measured.p50)} | ${ms(measured.p99)} | ${ratio(measured.perSecond, base.perSecond)} | reported${failures(measured)} |`,
    `| baseline, in process: raw single-row INSERT on the api's pool | ${whole(rawInProcess.perSecond)} | ${ms(rawInProcess.p50)} | ${ms(rawInProcess.p99)} | 1.00 | |`,
    `| EventStore.append, in process, same pool (10 connections) | ${whole(appendInProcess.perSecond)} | ${ms(appendInProcess.p50)} | ${ms(appendInProcess.p99)} | ${storeRatio.toFixed(2)} | >= 0.6: ${yesNo(storeRatio >= 0.6)} |`,
    '',
    `The in-process rows: ${CONNECTIONS} concurrent callers for ${seconds} s each, projector stopped, on the api's pg pool (max 10); the \`append\` section measures the same on a pool of ${CONNECTIONS}.`,
  ]);
}

/** c. */
async function writeToVisible(api: BenchApi, baseline: BaselineServer, seeded: SeededProgram, writePool: Pool): Promise<void> {
  const { mutation, rawInsert } = logActivitySpecs(api, baseline, seeded);
  const rows: string[] = [];
  for (const rate of WRITE_RATES) {
    await catchUp(api, writePool);
    const base = await runLoad(rawInsert({ rate, connections: OPEN_LOOP_SOCKETS }));
    await catchUp(api, writePool);
    const measured = await runLoad(mutation({ rate, connections: OPEN_LOOP_SOCKETS }));
    const goal = rate === WRITE_GOAL_RATE ? `p99 <= 50 ms: ${yesNo(measured.p99 <= 50 && measured.bad === 0 && measured.errors === 0)}` : '';
    rows.push(
      `| ${rate} writes/s | baseline: HTTP + raw INSERT, readable on commit | ${whole(base.perSecond)} | ${ms(base.p50)} | ${ms(base.p99)} | ${ms(base.max)} | 1.00 | |`,
      `| ${rate} writes/s | \`logActivity\` until readable in the read model (${whole(measured.good)} of ${whole(measured.requests)} \`projected: true\`) | ${whole(measured.perSecond)} | ${ms(measured.p50)} | ${ms(measured.p99)} | ${ms(measured.max)} | ${ratio(measured.p99, base.p99)} | ${goal}${failures(measured)} |`,
    );
  }
  await recordResults('api: write to visible', [
    `\`logActivity\` at fixed rates for ${SECONDS} s each (open loop, latency from each write's scheduled moment); the goal is at ${WRITE_GOAL_RATE} writes/s. The mutation answers when the projector has applied its event and the activity is read back from the read model (read-your-writes), so its latency is the time from the write's start to its record being readable there.`,
    'Baseline: a raw single-row INSERT behind a bare node:http handler at the same rate: readable as soon as it commits.',
    '',
    '| load | measure | writes/s | p50 ms | p99 ms | max ms | p99 ratio | goal |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ]);
}

/** Waits until the projector has applied everything appended so far. */
async function catchUp(api: BenchApi, pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ position: string | null }>('select max(position)::text as position from events');
  if (rows[0].position && !(await api.waitForProjection(BigInt(rows[0].position), 300_000))) throw new Error('the projector did not catch up');
}

/** `operation` from CONNECTIONS concurrent callers for `seconds`; ops/s and latency percentiles (ms). */
async function inProcess(seconds: number, operation: () => Promise<unknown>): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await operation();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** The shape append.bench.ts appends: a meeting with no program. */

function assertSameJson(graphqlText: string, baselineText: string): void {
  const normalised = JSON.stringify(JSON.parse(graphqlText));
  if (normalised === baselineText) return;
  let at = 0;
  while (at < normalised.length && normalised[at] === baselineText[at]) at += 1;
  throw new Error(
    `the baseline does not answer what the api answers; first difference at ${at}:\n  api:      ${normalised.slice(Math.max(0, at - 200), at + 200)}\n  baseline: ${baselineText.slice(Math.max(0, at - 200), at + 200)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
