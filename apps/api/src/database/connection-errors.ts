/**
 * Errors that say "PostgreSQL could not be reached or went away", as opposed to a query it
 * refused. They are transient: the pools reconnect on their own once the server is back, so
 * the client is told to retry (503, see graphql/error-mapping.ts) rather than handed an
 * internal error. Found by hardening/postgres-restart.e2e.spec.ts.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// SQLSTATEs: class 08 (connection exception), admin_shutdown, crash_shutdown, cannot_connect_now
// (starting up or shutting down), too_many_connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// pg and pg-pool report a dropped or never-made connection with a plain Error and no code.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const cause of chain(error)) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((known) => message.startsWith(known))) return true;
  }
  return false;
}

/**
 * The error and what it wraps: `cause`, TypeORM's `driverError`, an AggregateError's errors,
 * graphql-js's `originalError`, and its NonErrorThrown's `thrownValue` (what it makes of a
 * thrown value that is not an Error of its realm: Node's socket errors, under jest).
 */
function* chain(error: unknown): Generator<object> {
  const pending: unknown[] = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0 && seen.size < 16) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    yield current;
    const { cause, driverError, errors, originalError, thrownValue } = current as Record<string, unknown>;
    pending.push(cause, driverError, originalError, thrownValue, ...(Array.isArray(errors) ? errors : []));
  }
}
