import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { runMigrations } from '@tracker/database';
import { connectEventStore, eventStoreMigrations, type EventStore } from '@tracker/event-store';
import { migrateReadModel, READ_MODEL_SCHEMA, schemaPool } from '@tracker/read-model';
import { Pool, types } from 'pg';
import { API_OPTIONS, type ResolvedApiOptions } from '../config/api-options';
import { LOGGER, type Logger } from '../logging/logger';
import { MetricsService } from '../metrics/metrics.service';
import { MeteredEventStore } from './metered-event-store';

/** The pg pool on the tracker's database (events and read models): `@Inject(PG_POOL) pool: Pool`. */
export const PG_POOL = Symbol('PG_POOL');
/** The event store for command handlers: `@Inject(EVENT_STORE) store: EventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');

// DATE columns as the 'YYYY-MM-DD' text PostgreSQL sends, not a Date at local midnight
// (which moves the day in any time zone west of UTC). NUMERIC and INT8 already arrive as strings.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

@Global()
@Module({
  providers: [
    {
      provide: PG_POOL,
      inject: [API_OPTIONS, LOGGER],
      useFactory: (options: ResolvedApiOptions, logger: Logger) => {
        const pool = new Pool({
          connectionString: options.databaseUrl,
          application_name: 'tracker-api',
          max: 10,
          connectionTimeoutMillis: 5000,
        });
        // An idle client dropped by the server must not crash the process; the next query reconnects.
        pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
        // Nor a checked-out one (an append holds its client across statements): pg emits
        // 'error' on it when the server goes away, and pg-pool only listens while a client is
        // idle. Unhandled, that event crashed the process on a PostgreSQL restart
        // (hardening/postgres-restart.e2e.spec.ts). The statement in flight fails on its own,
        // and the pool drops the broken client when it is released.
        pool.on('connect', (client) => client.on('error', (error) => logger.warn({ err: error }, 'database connection lost')));
        return pool;
      },
    },
    {
      provide: EVENT_STORE,
      inject: [PG_POOL, API_OPTIONS, MetricsService, LOGGER],
      useFactory: async (pool: Pool, options: ResolvedApiOptions, metrics: MetricsService, logger: Logger): Promise<EventStore> => {
        if (options.migrate) {
          const applied = await runMigrations(pool, eventStoreMigrations);
          if (applied.length) logger.info({ migrations: applied }, 'event store migrations applied');
          await createReadModel(options.databaseUrl);
        }
        return new MeteredEventStore(connectEventStore({ pool, eventStoreUrl: options.eventStoreUrl }), metrics);
      },
    },
  ],
  exports: [PG_POOL, EVENT_STORE],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
    await this.pool.end();
  }
}

/**
 * The read model's tables (its own migrations, the projector's too: whoever starts first
 * creates them), so the api alone answers queries with empty lists rather than failing on a
 * missing table. Two processes creating the schema at the same moment can collide on
 * `create schema if not exists`; the loser finds it there on the second try.
 */
async function createReadModel(databaseUrl: string): Promise<void> {
  const pool = schemaPool({ connectionString: databaseUrl, max: 1 }, READ_MODEL_SCHEMA);
  try {
    await migrateReadModel(pool, READ_MODEL_SCHEMA).catch(async (error: { code?: string }) => {
      if (error.code !== '23505' && error.code !== '42P06') throw error;
      await migrateReadModel(pool, READ_MODEL_SCHEMA);
    });
  } finally {
    await pool.end();
  }
}
