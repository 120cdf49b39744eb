import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** The ids that follow one request through its log lines and into its events' metadata. */
export interface RequestIds {
  requestId: string;
  correlationId: string;
}

/**
 * Holds the current request's ids for the logger's mixin, so every line logged while the
 * request is served (by us, by Nest, by a handler) carries them without passing a logger around.
 */
export const requestContext = new AsyncLocalStorage<RequestIds>();

export function currentRequestIds(): RequestIds | undefined {
  return requestContext.getStore();
}

// Ids from the outside are echoed into logs and headers: keep them short and printable.
const SAFE_ID = /^[A-Za-z0-9._:@\-]{1,128}$/;

export function requestIdsFrom(headers: Record<string, string | string[] | undefined>): RequestIds {
  const requestId = safeId(headers['x-request-id']) ?? randomUUID();
  const correlationId = safeId(headers['x-correlation-id']) ?? requestId;
  return { requestId, correlationId };
}

function safeId(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first !== undefined && SAFE_ID.test(first) ? first : undefined;
}

declare module 'express-serve-static-core' {
  interface Request {
    ids?: RequestIds;
  }
}

/** First middleware: names the request, echoes the ids, and runs the rest inside the context. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const ids = requestIdsFrom(req.headers);
  req.ids = ids;
  res.setHeader('x-request-id', ids.requestId);
  res.setHeader('x-correlation-id', ids.correlationId);
  requestContext.run(ids, next);
}
