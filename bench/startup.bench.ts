/**
 * Start-up benchmark (issue 15): the api alone (apps/api main) as the image runs it, compiled by
 * `npm run build` (dist/apps/api/main.js, with and without --enable-source-maps, which the image
 * and `npm run start:prod` use), against the baseline of today's `npm run start:api`: the
 * TypeScript sources through `node -r @swc-node/register`. Same run, same database (one fresh
 * database, migrated by the first start), same environment (NODE_ENV=production, a secret,
 * LOG_LEVEL=warn). BENCH_STARTUP_RUNS (5) rounds, the variants' order rotated each round.
 *
 * Per start: milliseconds from spawn to the first 200 from GET /health (polled every 25 ms), and
 * the process's peak RSS (VmHWM) after /health and BENCH_STARTUP_REQUESTS (200) GraphQL requests.
 *
 *   npm run bench:startup
 */
import { benchEnvironment } from '@tracker/config';
import { startDatabase } from '@tracker/database';
import { Pool } from 'pg';
import { buildApp, REPO_ROOT, startNodeApp } from '../tools/compiled-build/node-app-process';
import { ratio } from './load';
import { recordResults } from './results';

const bench = benchEnvironment();
const RUNS = bench.BENCH_STARTUP_RUNS;
const REQUESTS = bench.BENCH_STARTUP_REQUESTS;

const VARIANTS = [
  { name: 'baseline: node -r @swc-node/register apps/api/src/main.ts', args: ['-r', '@swc-node/register', 'apps/api/src/main.ts'] },
  { name: 'compiled: node dist/apps/api/main.js', args: ['dist/apps/api/main.js'] },
  { name: 'compiled: node --enable-source-maps dist/apps/api/main.js', args: ['--enable-source-maps', 'dist/apps/api/main.js'] },
] as const;

interface Sample {
  startMs: number;
  rssMiB: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function measure(args: readonly string[], databaseUrl: string): Promise<Sample> {
  const app = await startNodeApp({
    args: [...args],
    cwd: REPO_ROOT,
    env: { NODE_ENV: 'production', DATABASE_URL: databaseUrl, AUTH_JWT_SECRET: 'startup-bench-secret-0123456789abcdef0123', LOG_LEVEL: 'warn' },
  });
  try {
    for (let i = 0; i < REQUESTS; i += 1) {
      const response = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (!response.ok) throw new Error(`GraphQL answered ${response.status}: ${await response.text()}`);
    }
    const rssMiB = app.peakRssMiB();
    if (rssMiB === null) throw new Error('peak RSS needs /proc (Linux)');
    return { startMs: app.startToHealthMs, rssMiB };
  } finally {
    const code = await app.stop();
    if (code !== 0) throw new Error(`${args.join(' ')} exited ${code} on SIGTERM:\n${app.output()}`);
  }
}

async function main(): Promise<void> {
  const buildStarted = Date.now();
  buildApp('api');
  console.log(`nx run api:build: ${((Date.now() - buildStarted) / 1000).toFixed(1)} s (Nx may have answered from its cache)`);

  const database = await startDatabase({ databaseUrl: bench.DATABASE_URL, dataDir: bench.DATA_DIR });
  const name = `bench_startup_${Date.now()}`;
  const admin = new Pool({ connectionString: database.url, max: 1 });
  await admin.query(`create database ${name}`);
  const url = new URL(database.url);
  url.pathname = `/${name}`;
  const samples = VARIANTS.map(() => [] as Sample[]);
  try {
    // The first start migrates the database: not counted, so every counted start finds the same tables.
    await measure(VARIANTS[1].args, url.toString());
    for (let round = 0; round < RUNS; round += 1) {
      for (let k = 0; k < VARIANTS.length; k += 1) {
        const index = (round + k) % VARIANTS.length;
        const sample = await measure(VARIANTS[index].args, url.toString());
        samples[index].push(sample);
        console.log(`round ${round + 1}: ${VARIANTS[index].name}: ${sample.startMs.toFixed(0)} ms to /health, peak RSS ${sample.rssMiB.toFixed(0)} MiB`);
      }
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await database.stop();
  }

  const baseline = { startMs: median(samples[0].map((s) => s.startMs)), rssMiB: median(samples[0].map((s) => s.rssMiB)) };
  const rows = VARIANTS.map((variant, index) => {
    const startMs = median(samples[index].map((s) => s.startMs));
    const rssMiB = median(samples[index].map((s) => s.rssMiB));
    const maxRss = Math.max(...samples[index].map((s) => s.rssMiB));
    return `| ${variant.name} | ${startMs.toFixed(0)} | ${ratio(startMs, baseline.startMs)} | ${rssMiB.toFixed(0)} | ${maxRss.toFixed(0)} | ${ratio(rssMiB, baseline.rssMiB)} |`;
  });
  await recordResults('startup', [
    `The api alone (apps/api main), ${RUNS} starts of each variant in rotation against one PostgreSQL database (embedded, already migrated), NODE_ENV=production, LOG_LEVEL=warn. Start: spawn to the first 200 from GET /health. Peak RSS: VmHWM after /health and ${REQUESTS} GraphQL requests. Medians; ratio to the baseline (lower is better).`,
    '',
    '| variant | start ms | start ratio | peak RSS MiB | max of runs | RSS ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
