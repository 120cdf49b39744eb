import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The api's Prometheus metrics, on a registry of its own (not prom-client's global one), so
 * two apps in one process (e2e tests) do not collide. Inject it to count things:
 *   constructor(private readonly metrics: MetricsService) {}
 *   this.metrics.eventsAppended.inc({ type: 'ActivityLogged' });
 * (The event store given to handlers already counts its appends: database/metered-event-store.ts.)
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'tracker_events_appended_total',
    help: 'Events appended to the event store by this api, by event type.',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'tracker_projection_lag_events',
    help: 'Global positions between the newest event and each projection checkpoint (refreshed on scrape and /ready).',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly httpRequestsShed = new Counter({
    name: 'tracker_http_requests_shed_total',
    help: 'GraphQL requests refused with 503 and Retry-After because the api was at its limit of requests at once.',
    registers: [this.registry],
  });

  /** What the in-flight gauge reads at scrape time (load-shedding/load-shedding.middleware.ts sets it). */
  private inFlightNow: () => number = () => 0;

  readonly httpRequestsInFlight: Gauge = new Gauge({
    name: 'tracker_http_requests_in_flight',
    help: 'GraphQL requests being served now, against MAX_CONCURRENT_REQUESTS (past it they are shed).',
    registers: [this.registry],
    collect: (): void => this.httpRequestsInFlight.set(this.inFlightNow()),
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  watchInFlight(read: () => number): void {
    this.inFlightNow = read;
  }

  /** Route label from a fixed list, so a scanner requesting random paths cannot grow the series. */
  static routeLabel(path: string): string {
    if (path === '/graphql' || path === '/health' || path === '/ready' || path === '/metrics') return path;
    if (path === '/graphiql' || path.startsWith('/graphiql/')) return '/graphiql';
    return 'other';
  }
}
