import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logging/logger';
import { MetricsService } from '../metrics/metrics.service';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const WARN_EVERY_MS = 10_000;

/** extensions.reason of a request refused because the api is at its limit (answered with HTTP 503). */
export const OVERLOADED = 'OVERLOADED';

/**
 * The GraphQL requests being served, against a fixed limit. Node serves them all on one
 * thread: every request admitted shares the CPU with the others, so each one's latency grows
 * with how many run at once, and past the CPU's capacity an unbounded api queues without end
 * (at 300 req/s of `program(id)` the p50 reached 13-18 s, bench/results.md). Refusing at the
 * limit keeps the admitted ones near their unloaded latency and tells the rest, at once, to
 * come back later: a client or load balancer can retry elsewhere, which it cannot do with a
 * request stuck in our queue.
 *
 * The default limit (MAX_CONCURRENT_REQUESTS, 16) is a little over the api's two pools of 10
 * connections: enough to keep the pools and the one thread busy, while every request past it
 * would only wait inside the process and make each admitted one slower. What counts is work:
 * a mutation waiting for the projector gives its place back (givePlaceBack).
 */
export class LoadShedder {
  private running = 0;

  constructor(readonly limit: number) {}

  get inFlight(): number {
    return this.running;
  }

  /** Takes a place; false when all `limit` are taken. */
  tryEnter(): boolean {
    if (this.running >= this.limit) return false;
    this.running += 1;
    return true;
  }

  leave(): void {
    this.running -= 1;
  }
}

/** The responses that were refusals: logged at debug only (counted in the metric instead). */
const refusals = new WeakSet<Response>();

/** True for a response refusing its request for load: under overload, a log line each would add to the load. */
export function wasShed(res: Response): boolean {
  return refusals.has(res);
}

/** How each admitted request gives its place back, at most once. */
const places = new WeakMap<Request, () => void>();

/**
 * Gives the request's place back before it ends: for a mutation about to wait for the
 * projector (read-your-writes, up to READ_YOUR_WRITES_TIMEOUT_MS), which costs the api no work
 * while it waits. Held, a slow projector would fill every place with mutations doing nothing
 * and shed every read. The place is not taken again: what is left (one read of the record and
 * the answer) is short. No-op for a request that holds none (a WebSocket operation).
 */
export function givePlaceBack(req: Request | undefined): void {
  if (req) places.get(req)?.();
}

/**
 * Mounted on /graphql before the body is read or parsed, so a refusal costs next to nothing:
 * HTTP 503 with Retry-After, and a GraphQL response (INTERNAL_SERVER_ERROR, reason OVERLOADED:
 * the contract's list of codes is closed, and a database outage is answered the same way, with
 * reason DATABASE_UNAVAILABLE) in the media type the client asked for. Counted in
 * tracker_http_requests_shed_total. /health, /ready, /metrics and the explorer never pass here.
 */
export function shedLoad(shedder: LoadShedder, metrics: MetricsService, retryAfterSeconds: number, logger: Logger) {
  const retryAfter = String(retryAfterSeconds);
  const body = JSON.stringify({
    errors: [
      {
        message: `the server is at its limit of ${shedder.limit} request${shedder.limit === 1 ? '' : 's'} at once: retry in ${retryAfter} s`,
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: OVERLOADED },
      },
    ],
  });
  // One warning per WARN_EVERY_MS while shedding, with the count, rather than a line per refusal.
  let lastWarned = -Infinity;
  let shedSinceWarned = 0;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!shedder.tryEnter()) {
      metrics.httpRequestsShed.inc();
      refusals.add(res);
      shedSinceWarned += 1;
      const now = performance.now();
      if (now - lastWarned >= WARN_EVERY_MS) {
        logger.warn({ limit: shedder.limit, shed: shedSinceWarned }, 'at the limit of requests at once: shedding load (503, Retry-After)');
        lastWarned = now;
        shedSinceWarned = 0;
      }
      const mediaType = req.accepts(['application/json', GRAPHQL_RESPONSE]) || 'application/json';
      // The body is not read: Node discards it once the answer is sent, keeping the connection.
      res.status(503).setHeader('retry-after', retryAfter);
      res.type(`${mediaType}; charset=utf-8`).send(body);
      return;
    }
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      shedder.leave();
    };
    places.set(req, leave);
    // 'finish' once answered; 'close' also when the client went away before the answer.
    res.once('finish', leave);
    res.once('close', leave);
    next();
  };
}
