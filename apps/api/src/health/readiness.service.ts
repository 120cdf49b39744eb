import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_SCHEMA } from '@tracker/read-model';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';
import { LOGGER, type Logger } from '../logging/logger';
import { MetricsService } from '../metrics/metrics.service';

export interface ProjectionStatus {
  projection: string;
  position: string;
  /** Events between the newest one and this checkpoint. */
  lag: string;
  updatedAt: string | null;
}

export interface Readiness {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  /** Global position of the newest event, when the events table exists. */
  head?: string;
  projections?: ProjectionStatus[];
}

const DATABASE_CHECK_TIMEOUT_MS = 2000;

/**
 * /ready: the database answers `select 1`, and how far each projection is behind the newest
 * event (read_model.projection_checkpoints against max(events.position)). A lagging projector does not
 * make the api unready (reads are then stale, writes still work); lag is reported and exported
 * as a gauge. Tolerates the tables not existing yet (fresh database, projector not yet run).
 */
@Injectable()
export class ReadinessService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly metrics: MetricsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async check(): Promise<Readiness> {
    try {
      await withTimeout(this.pool.query('select 1'), DATABASE_CHECK_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn({ err: error }, 'readiness: database unreachable');
      return { status: 'unavailable', database: 'down' };
    }
    try {
      return { status: 'ok', database: 'up', ...(await this.projectionLag()) };
    } catch (error) {
      // The database answered; lag is informative only.
      this.logger.warn({ err: error }, 'readiness: projection lag unavailable');
      return { status: 'ok', database: 'up' };
    }
  }

  /** Reads the checkpoints and updates the lag gauge. */
  async projectionLag(): Promise<{ head?: string; projections?: ProjectionStatus[] }> {
    const { rows: tables } = await this.pool.query<{ events: boolean; checkpoints: boolean }>(
      `select to_regclass('events') is not null as events,
              to_regclass('${READ_MODEL_SCHEMA}.projection_checkpoints') is not null as checkpoints`,
    );
    if (!tables[0].events) return {};
    const { rows: heads } = await this.pool.query<{ head: string }>('select coalesce(max(position), 0)::text as head from events');
    const head = heads[0].head;
    if (!tables[0].checkpoints) return { head };
    const { rows } = await this.pool.query<{ projection: string; position: string; updated_at: Date | null }>(
      `select projection, position::text as position, updated_at from ${READ_MODEL_SCHEMA}.projection_checkpoints order by projection`,
    );
    const projections = rows.map((row) => {
      const lag = BigInt(head) > BigInt(row.position) ? BigInt(head) - BigInt(row.position) : 0n;
      this.metrics.projectionLag.set({ projection: row.projection }, Number(lag));
      return {
        projection: row.projection,
        position: row.position,
        lag: lag.toString(),
        updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
      };
    });
    return { head, projections };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
