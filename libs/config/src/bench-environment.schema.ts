import { z } from 'zod';
import { parseEnvironment, postgresUrl, variable, wholeNumber, type Environment } from './config.schema';

function numberList(min: number, max: number, fallback: number[]) {
  const allowed = `comma-separated whole numbers from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+(\s*,\s*\d+)*$/, allowed)
    .transform((text) => text.split(',').map(Number))
    .refine((values) => values.every((n) => n >= min && n <= max), allowed)
    .default(fallback);
}

/** The benches' knobs (bench/README or the top of each *.bench.ts says what each one does). */
export const benchEnvironmentSchema = z.object({
  /** The benches' PostgreSQL: DATABASE_URL, or an embedded one under DATA_DIR (default .data/bench). */
  DATABASE_URL: variable(postgresUrl.optional()),
  DATA_DIR: variable(z.string().default('.data/bench')),
  BENCH_RESULTS_FILE: variable(z.string().optional()),
  BENCH_APPENDS: variable(wholeNumber(1, 100_000_000).default(10_000)),
  BENCH_CLIENTS: variable(wholeNumber(1, 10_000).default(32)),
  BENCH_EVENTS: variable(wholeNumber(1, 1_000_000_000).default(1_000_000)),
  /** A database already holding BENCH_EVENTS events, reused instead of seeding one. */
  BENCH_DB: variable(z.string().optional()),
  BENCH_KEEP_DB: variable(z.string().optional()),
  BENCH_API_SECONDS: variable(wholeNumber(1, 86_400).default(10)),
  BENCH_API_WARMUP_SECONDS: variable(wholeNumber(0, 86_400).default(3)),
  BENCH_API_RATES: variable(numberList(1, 1_000_000, [25, 100, 300])),
  /**
   * Closed-loop clients of the unthrottled and commands rows, for the api and its baseline alike.
   * 16 = the api's default MAX_CONCURRENT_REQUESTS: clients past the admission limit would only
   * measure how fast refusals come back (autocannon resends at once, ignoring Retry-After).
   */
  BENCH_API_CONNECTIONS: variable(wholeNumber(1, 10_000).default(16)),
  BENCH_API_WRITE_RATES: variable(numberList(1, 1_000_000, [50, 200])),
  BENCH_API_ACTIVITIES: variable(wholeNumber(1, 10_000_000).default(50)),
  BENCH_HISTORY_SMALL: variable(wholeNumber(1, 1_000_000_000).default(10_000)),
  BENCH_HISTORY_LARGE: variable(wholeNumber(1, 1_000_000_000).default(1_000_000)),
  BENCH_HISTORY_RUNS: variable(wholeNumber(1, 1_000_000).default(300)),
  BENCH_HISTORY_BATCH: variable(wholeNumber(1, 1_000_000).default(500)),
  BENCH_HISTORY_WRITERS: variable(wholeNumber(0, 1_000).default(4)),
  BENCH_STARTUP_RUNS: variable(wholeNumber(1, 1_000).default(5)),
  BENCH_STARTUP_REQUESTS: variable(wholeNumber(0, 1_000_000).default(200)),
});

export type BenchEnvironment = z.output<typeof benchEnvironmentSchema>;

export function parseBenchEnvironment(env: Environment): BenchEnvironment {
  return parseEnvironment(benchEnvironmentSchema, env);
}
