/**
 * Drives bench/load-generator.ts from a bench process: spawns it (never blocking this event
 * loop, which serves the requests), bounded in time, and hands back its figures.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface LoadSpec {
  /** http://127.0.0.1:<port>/<path>; POSTed. */
  url: string;
  headers: Record<string, string>;
  /** `__UNIQUE__` is replaced by a fresh UUID in every request. */
  body: string;
  /** Closed loop: this many connections. Open loop: at most this many requests in flight. */
  connections: number;
  durationSeconds: number;
  /** Requests per second on a fixed schedule (open loop); absent: as fast as answered. */
  rate?: number;
  /** A 200 is good when its body contains all of these and none of `forbid`. */
  expect: string[];
  forbid: string[];
}

export interface LoadResult {
  /** Answered: good + bad + refused. */
  requests: number;
  good: number;
  bad: number;
  /** Refused for load: 503 with Retry-After (neither good nor bad). */
  refused: number;
  /** Sent but never answered (connection errors, timeouts, still waiting when the run ended). */
  errors: number;
  seconds: number;
  /** Served answers (good + bad, refusals left out) per second over the run. */
  perSecond: number;
  /** Milliseconds, of the served answers (and of the unanswered, as a lower bound). */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Milliseconds from the request to its refusal; NaN when none was refused. */
  refusedP50: number;
  refusedP99: number;
  firstBad?: string;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'load-generator.ts'), JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    // Bounded: the run, plus the generator's own 30 s request timeout, plus start-up.
    const limit = setTimeout(() => child.kill('SIGKILL'), (spec.durationSeconds + 60) * 1000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      if (code !== 0) return reject(new Error(`load generator ended with ${signal ?? code}: ${stdout.slice(-2000)}`));
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
      if (result.bad > 0 || result.errors > 0 || result.refused > 0) {
        console.warn(`  ${result.bad} bad answers, ${result.refused} refused for load (503 + Retry-After), ${result.errors} unanswered or failed; first bad: ${result.firstBad ?? '-'}`);
      }
      // Requests abandoned by the generator may still be running in the server: let them end
      // before the next measurement starts.
      setTimeout(() => resolve(result), result.errors > 0 ? 5000 : 500);
    });
  });
}

/** `1,234` */
export const whole = (n: number): string => Math.round(n).toLocaleString('en');
/** `12.34` */
export const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '-');
/** `0.42` */
export const ratio = (value: number, baseline: number): string => (baseline > 0 && Number.isFinite(value) ? (value / baseline).toFixed(2) : '-');
