import { connectEventStore, eventStoreMigrations, type EventStore } from '@tracker/event-store';
import { runMigrations } from '@tracker/database';
import { migrateReadModel, READ_MODEL_SCHEMA, readModelProjections, schemaPool } from '@tracker/read-model';
import { Pool } from 'pg';
import pino, { type Logger } from 'pino';
import { ProjectionRunner } from './projection-runner';

export interface ProjectorOptions {
  databaseUrl: string;
  logger?: Logger;
  batchSize?: number;
  /** EVENTSTORE_URL: events in EventStoreDB/KurrentDB; the read model stays in PostgreSQL. */
  eventStoreUrl?: string;
  /** Tests: an event store to use as is. */
  store?: EventStore;
}

export interface RunningProjector {
  runner: ProjectionRunner;
  stop(): Promise<void>;
}

/** Migrates the event store and read model, then starts tailing events into the read model. */
export async function startProjector(options: ProjectorOptions): Promise<RunningProjector> {
  const logger = options.logger ?? pino({ name: 'projector' });
  const eventsPool = new Pool({ connectionString: options.databaseUrl, max: 4 });
  // One connection per projection, so a batch's projections commit side by side, plus the one
  // holding the ACTIVE lock. The read model is derived, so its batches do not wait for their
  // WAL flush: a server crash may lose the last few hundred ms of batches, rows and
  // checkpoints together (commits stay atomic and in order), and the projector replays them
  // from the events, which are flushed.
  const readPool = schemaPool(
    { connectionString: options.databaseUrl, max: readModelProjections.length + 1, options: '-c synchronous_commit=off' },
    READ_MODEL_SCHEMA,
  );
  for (const pool of [eventsPool, readPool]) {
    // An idle pooled connection that dies (a database restart) must not crash the process.
    pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
    // Nor one that is checked out: pg emits 'error' on a client whose server goes away even
    // while a query holds it, and pg-pool listens only while the client is idle, so a batch's
    // connection dropped between two statements crashed the process on an unhandled 'error'
    // (hardening/postgres-restart.e2e.spec.ts in apps/api). The query fails on its own; the
    // pool drops the broken client when it is released.
    pool.on('connect', (client) => client.on('error', (error) => logger.warn({ err: error }, 'database connection lost')));
  }
  await runMigrations(eventsPool, eventStoreMigrations);
  await migrateReadModel(readPool, READ_MODEL_SCHEMA);
  const store = options.store ?? connectEventStore({ pool: eventsPool, eventStoreUrl: options.eventStoreUrl });
  const runner = new ProjectionRunner({
    pool: readPool,
    store,
    projections: readModelProjections,
    logger,
    batchSize: options.batchSize,
  });
  runner.start();
  return {
    runner,
    async stop() {
      await runner.stop();
      if (!options.store) await store.close();
      await Promise.all([eventsPool.end(), readPool.end()]);
    },
  };
}
