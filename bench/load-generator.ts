/**
 * The load generator, in a process of its own so it never shares an event loop with the
 * server it measures (bench/load.ts spawns it; one JSON spec in argv, one JSON result line
 * on stdout). Two modes:
 *
 *  - closed loop (no `rate`): autocannon with `connections` connections, each sending its next
 *    request when the previous one is answered: the maximum throughput at that concurrency.
 *  - open loop (`rate`): requests sent on a fixed schedule, one every 1/rate s, whatever the
 *    server's answers; latency counts from the scheduled moment, so a server that falls behind
 *    shows it in the percentiles. autocannon's own `overallRate` is not used: it lets each
 *    connection send its quota for the second back to back at the start of every second,
 *    which measures bursts of `connections` concurrent requests rather than a steady rate.
 *
 * Every request goes to the URL given (127.0.0.1 only: anything else is refused). `__UNIQUE__`
 * in the body is replaced by a fresh UUID per request (commandIds). A response counts as good
 * when it is a 200 whose body contains every `expect` string and no `forbid` string; a 503
 * with Retry-After is a refusal for load (the api sheds past its limit), counted apart with
 * its own latencies; anything else is bad.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { percentile, type LoadResult, type LoadSpec } from './load';

const UNIQUE = /__UNIQUE__/g;
/** Open loop: how long answers are waited for once the last request is sent. */
const DRAIN_SECONDS = 10;

function bodyFor(spec: LoadSpec): string {
  return spec.body.includes('__UNIQUE__') ? spec.body.replace(UNIQUE, () => randomUUID()) : spec.body;
}

class Tally {
  /** Served answers (every one but the refusals), and requests still unanswered at the end. */
  readonly latencies: number[] = [];
  /** Refusals for load: 503 with Retry-After. */
  readonly refusalLatencies: number[] = [];
  good = 0;
  bad = 0;
  refused = 0;
  errors = 0;
  firstBad: string | undefined;

  constructor(private readonly spec: LoadSpec) {}

  /** Counts one answer; true when it was a refusal for load (503 with Retry-After). */
  response(status: number, retryAfter: string | undefined, body: string): boolean {
    // A refusal is a correct answer under overload, neither good nor bad: counted apart, with
    // its own latency, so the served requests' percentiles are theirs alone.
    if (status === 503 && retryAfter !== undefined) {
      this.refused += 1;
      return true;
    }
    const ok = status === 200 && this.spec.expect.every((text) => body.includes(text)) && !this.spec.forbid.some((text) => body.includes(text));
    if (ok) this.good += 1;
    else {
      this.bad += 1;
      this.firstBad ??= `${status} ${body.slice(0, 500)}`;
    }
    return false;
  }

  latency(ms: number, refused: boolean): void {
    (refused ? this.refusalLatencies : this.latencies).push(ms);
  }

  result(seconds: number): LoadResult {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const refusals = [...this.refusalLatencies].sort((a, b) => a - b);
    return {
      requests: this.good + this.bad + this.refused,
      good: this.good,
      bad: this.bad,
      refused: this.refused,
      errors: this.errors,
      seconds,
      perSecond: (this.good + this.bad) / seconds,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      refusedP50: percentile(refusals, 50),
      refusedP99: percentile(refusals, 99),
      firstBad: this.firstBad,
    };
  }
}

/** A header of a response, whatever the case of its name (autocannon hands the raw names). */
function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  return undefined;
}

async function closedLoop(spec: LoadSpec): Promise<LoadResult> {
  const tally = new Tally(spec);
  let instance: autocannon.Instance | undefined;
  let lastRefused = false;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            headers: spec.headers,
            body: spec.body,
            // Only when the body needs fresh UUIDs; a static body is sent as built.
            ...(spec.body.includes('__UNIQUE__') ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: bodyFor(spec) }) } : {}),
            // Called just before the 'response' event of the same answer (autocannon's httpClient).
            onResponse: (status: number, body: string, _context: object, headers: IncomingHttpHeaders | undefined) => {
              lastRefused = tally.response(status, header(headers ?? {}, 'retry-after'), body);
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  // Our own latencies, at full resolution (autocannon's histogram keeps whole milliseconds).
  instance!.on('response', (_client, _status, _bytes, responseTime) => tally.latency(responseTime, lastRefused));
  const result = await finished;
  tally.errors = result.errors + result.timeouts;
  return tally.result(result.duration);
}

async function openLoop(spec: LoadSpec): Promise<LoadResult> {
  const tally = new Tally(spec);
  const rate = spec.rate!;
  const total = Math.round(rate * spec.durationSeconds);
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const target = new URL(spec.url);
  const pending = new Set<number>();
  const started = performance.now();
  let lastDone = started;
  const send = (scheduled: number) =>
    new Promise<void>((resolve) => {
      pending.add(scheduled);
      const settle = (status: number | null, body: string, retryAfter?: string) => {
        if (!pending.delete(scheduled)) return;
        const now = performance.now();
        lastDone = now;
        if (status === null) tally.errors += 1;
        else tally.latency(now - scheduled, tally.response(status, retryAfter, body));
        resolve();
      };
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: spec.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => settle(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), header(res.headers, 'retry-after')));
          res.on('error', () => settle(null, ''));
        },
      );
      req.on('error', () => settle(null, ''));
      req.end(bodyFor(spec));
    });

  const inFlight: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && started + (next * 1000) / rate <= now) {
        inFlight.push(send(started + (next * 1000) / rate));
        next += 1;
      }
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, started + (next * 1000) / rate - performance.now()));
    };
    tick();
  });
  // Bounded: a server that cannot keep up gets DRAIN_SECONDS after the schedule ends. What is
  // still unanswered then counts as an error, and its wait so far as its latency (a lower
  // bound), so the percentiles never look better than the truth.
  let drainTimer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(inFlight), new Promise((resolve) => (drainTimer = setTimeout(resolve, DRAIN_SECONDS * 1000)))]);
  clearTimeout(drainTimer);
  const end = performance.now();
  for (const scheduled of [...pending]) {
    tally.latency(end - scheduled, false);
    tally.errors += 1;
    pending.delete(scheduled);
  }
  agent.destroy();
  const seconds = (Math.max(lastDone, started + spec.durationSeconds * 1000) - started) / 1000;
  const result = tally.result(seconds);
  return result;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]) as LoadSpec;
  const host = new URL(spec.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') throw new Error(`load goes to loopback only, not ${host}`);
  const result = spec.rate ? await openLoop(spec) : await closedLoop(spec);
  // Exit at once: requests abandoned by an overloaded open-loop run would otherwise keep going.
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
