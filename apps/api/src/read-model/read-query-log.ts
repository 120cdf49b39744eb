import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { Logger } from '../logging/logger';

export const READ_SLOW_QUERY_MS = 500;

/**
 * TypeORM's logger for the read side: counts the statements sent (the N+1 test reads
 * `statements` before and after a request) and sends slow or failing statements to pino.
 */
export class ReadQueryLog implements TypeOrmLogger {
  statements = 0;

  constructor(private readonly logger: Logger) {}

  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.statements += 1;
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    // Parameters stay out of the log: they hold what users typed.
    this.logger.warn({ err: error, query }, 'read-model query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query }, 'slow read-model query');
  }

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message }, 'typeorm');
    else this.logger.debug({ message }, 'typeorm');
  }
}
