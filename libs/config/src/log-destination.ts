import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat } from './config.schema';

/**
 * LOG_FORMAT when set; otherwise readable lines for a person at a terminal and JSON for
 * everything else (Docker, CI, a pipe to a log shipper).
 */
export function logFormatFor(configured: LogFormat | undefined, stdoutIsTty: boolean): LogFormat {
  return configured ?? (stdoutIsTty ? 'pretty' : 'json');
}

/**
 * Where pino writes: undefined (pino's own stdout stream, JSON lines) or pino-pretty run
 * in-process. Not pino's `transport` option: that starts a worker thread which resolves
 * pino-pretty by file name at run time, and a webpack bundle has no such file.
 */
export function logDestination(format: LogFormat): DestinationStream | undefined {
  if (format === 'json') return undefined;
  // One line per entry: the service and Nest context lead, every other field follows as JSON.
  // sync: a line logged just before process.exit still reaches the terminal.
  return pretty({
    colorize: true,
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context',
    messageFormat: '{if service}{service} {end}{if context}[{context}] {end}{msg}',
  });
}
