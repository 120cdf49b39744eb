/**
 * `npm run bench`: every benchmark in sequence, each in a process of its own, each against its
 * baseline in the same run and writing its section of bench/results.md.
 * `npm run bench:quick`: the same with small sizes, a smoke run that proves the benches work;
 * its figures go to tmp/bench-results.quick.md, never over the real ones.
 *
 *   npm run bench                      append, rebuild, api, history, startup
 *   npm run bench -- api history       only those
 *   npm run bench:quick                small sizes (any BENCH_* variable set still wins)
 */
import { childEnvironment } from '@tracker/config';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const BENCHES = ['append', 'rebuild', 'api', 'history', 'startup'] as const;
type Bench = (typeof BENCHES)[number];

/** Small sizes for a smoke run: each a default only, so a variable already set is kept. */
const QUICK: Record<string, string> = {
  BENCH_RESULTS_FILE: join(__dirname, '..', 'tmp', 'bench-results.quick.md'),
  BENCH_APPENDS: '1000',
  BENCH_EVENTS: '20000',
  BENCH_API_SECONDS: '2',
  BENCH_API_WARMUP_SECONDS: '1',
  BENCH_HISTORY_LARGE: '50000',
  BENCH_HISTORY_RUNS: '50',
  BENCH_STARTUP_RUNS: '1',
  BENCH_STARTUP_REQUESTS: '20',
};

function run(bench: Bench, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, `${bench}.bench.ts`)], { stdio: 'inherit', env });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * A bench that ends abruptly leaves its embedded PostgreSQL shutting down (startDatabase's
 * exit hook); the next one would find it still there and fail to join it. Wait until it is gone.
 */
async function untilPostgresStopped(env: NodeJS.ProcessEnv): Promise<void> {
  if (env.DATABASE_URL) return;
  const pidFile = join(resolve(env.DATA_DIR ?? '.data/bench'), 'pg', 'postmaster.pid');
  for (let waited = 0; waited < 60_000; waited += 200) {
    const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
    if (!(pid > 0) || !alive(pid)) return;
    await new Promise((wake) => setTimeout(wake, 200));
  }
  console.warn(`PostgreSQL of ${pidFile} still running after 60 s`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const named = args.filter((arg) => arg !== '--quick');
  const unknown = named.filter((name) => !(BENCHES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; choose from ${BENCHES.join(', ')}`);
  const selected = named.length ? BENCHES.filter((bench) => named.includes(bench)) : [...BENCHES];
  const env = childEnvironment();
  if (quick) for (const [name, value] of Object.entries(QUICK)) env[name] ??= value;

  const report: string[] = [];
  let failed = 0;
  const started = Date.now();
  for (const bench of selected) {
    console.log(`\n=== bench ${bench}${quick ? ' (quick)' : ''} ===`);
    const benchStarted = Date.now();
    const code = await run(bench, env);
    await untilPostgresStopped(env);
    if (code !== 0) failed += 1;
    report.push(`${bench.padEnd(8)} ${code === 0 ? 'ok    ' : `FAILED (exit ${code})`} ${((Date.now() - benchStarted) / 1000).toFixed(0)} s`);
  }
  console.log(`\n${report.join('\n')}\ntotal    ${((Date.now() - started) / 1000).toFixed(0)} s; results in ${env.BENCH_RESULTS_FILE ?? 'bench/results.md'}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
