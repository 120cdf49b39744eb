import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logging/logger';
import { wasShed } from '../load-shedding/load-shedding.middleware';
import { MetricsService } from '../metrics/metrics.service';

const QUIET_ROUTES = new Set(['/health', '/ready', '/metrics']);

/** One log line and the request metrics per HTTP request, once the response is sent. */
export function httpObserver(metrics: MetricsService, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    // Taken now: a mounted middleware (Apollo's at /graphql) rewrites req.url while it runs.
    const path = req.path;
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = MetricsService.routeLabel(path);
      const labels = { method: req.method, route, status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpRequestDuration.observe(labels, seconds);
      // The finish event may fire outside the request's async context: pass the ids along.
      const line = { ...req.ids, method: req.method, path, status: res.statusCode, durationMs: Math.round(seconds * 1000) };
      if ((QUIET_ROUTES.has(route) && res.statusCode < 400) || wasShed(res)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}
