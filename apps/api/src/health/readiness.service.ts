import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@tracker/event-store';
import { READ_MODEL_SCHEMA } from '@tracker/read-model';
import type { Pool } from 'pg';
import { EVENT_STORE, PG_POOL } from '../database/database.module';
import { ReadDatabase } from '../read-model/read-database';
import { LOGGER, type Logger } from '../logging/logger';
import { MetricsService } from '../metrics/metrics.service';

interface ProjectionStatus {
  projection: string;
  position: string;
  /** Events between the newest one and this checkpoint. */
  lag: string;
  updatedAt: string | null;
}

type Connection = 'up' | 'down';

interface Readiness {
  status: 'ok' | 'unavailable';
  /** The pg pool: history, checkpoints, and the events when they live in PostgreSQL. */
  database: Connection;
  /** The read side's own pool (TypeORM), which every query reads through. */
  readModel: Connection;
  /** The event store commands append to: this database, or EventStoreDB with EVENTSTORE_URL. */
  eventStore: Connection;
  /** Global position of the newest event, when the events table exists. */
  head?: string;
  projections?: ProjectionStatus[];
}

const CHECK_TIMEOUT_MS = 2000;

/** No tracker stream has this id (stream ids are `<aggregate>-<uuid>`): reading it costs one lookup. */
const PROBE_STREAM = 'readiness-probe';

/**
 * /ready: every connection the api reads through answers (the pg pool, the read side's TypeORM
 * pool and the event store, each checked at once with its own timeout, since any one of them
 * down fails requests), and how far each projection is behind the newest
 * event (read_model.projection_checkpoints against max(events.position)). A lagging projector does not
 * make the api unready (reads are then stale, writes still work); lag is reported and exported
 * as a gauge. Tolerates the tables not existing yet (fresh database, projector not yet run).
 */
@Injectable()
export class ReadinessService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly readDatabase: ReadDatabase,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly metrics: MetricsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async check(): Promise<Readiness> {
    const [database, readModel, eventStore] = await Promise.all([
      this.probe('database', () => this.pool.query('select 1')),
      this.probe('read model', () => this.readDatabase.query('select 1', [])),
      this.probe('event store', () => this.eventStore.readStream(PROBE_STREAM)),
    ]);
    const connections = { database, readModel, eventStore };
    if (database === 'down' || readModel === 'down' || eventStore === 'down') return { status: 'unavailable', ...connections };
    try {
      return { status: 'ok', ...connections, ...(await this.projectionLag()) };
    } catch (error) {
      // The database answered; lag is informative only.
      this.logger.warn({ err: error }, 'readiness: projection lag unavailable');
      return { status: 'ok', ...connections };
    }
  }

  private async probe(name: string, query: () => Promise<unknown>): Promise<Connection> {
    try {
      await withTimeout(query(), CHECK_TIMEOUT_MS);
      return 'up';
    } catch (error) {
      this.logger.warn({ err: error }, `readiness: ${name} unreachable`);
      return 'down';
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
