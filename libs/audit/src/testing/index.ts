import { runMigrations } from '@tracker/database';
import { eventStoreMigrations } from '@tracker/event-store';
import { migrateReadModel, READ_MODEL_SCHEMA, schemaPool } from '@tracker/read-model';
import type { Pool, PoolClient } from 'pg';

/** The event store's and the read model's tables, as the api and projector create them. */
export async function migrateTrackerDatabase(databaseUrl: string, pool: Pool): Promise<void> {
  await runMigrations(pool, eventStoreMigrations);
  const readPool = schemaPool({ connectionString: databaseUrl, max: 1 }, READ_MODEL_SCHEMA);
  try {
    await migrateReadModel(readPool, READ_MODEL_SCHEMA);
  } finally {
    await readPool.end();
  }
}

/**
 * Resolves once every projection's checkpoint in read_model has reached `position` (a test
 * runs the projector and waits for it, as a client waits for read-your-writes).
 */
export async function waitForReadModel(pool: Pool, position: bigint, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool
      .query<{ min: string | null }>(`select min(position)::text as min from ${READ_MODEL_SCHEMA}.projection_checkpoints`)
      .catch(() => ({ rows: [{ min: null }] }));
    if (rows[0].min !== null && BigInt(rows[0].min) >= position) return;
    if (Date.now() > deadline) throw new Error(`the read model did not reach ${position} (at ${rows[0].min})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Runs `work` with the events table's append-only triggers off, as only a superuser (an
 * attacker with database access) could: the tamper tests' way of editing history.
 */
export async function asAttacker(pool: Pool, work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('alter table events disable trigger events_append_only');
    await work(client);
    await client.query('alter table events enable trigger events_append_only');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** A clock for PostgresEventStore / InMemoryEventStore that tests move by hand. */
export class TestClock {
  constructor(private current: Date) {}

  readonly now = (): Date => new Date(this.current.getTime());

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

export { MemoryProgramIndex } from './memory-program-index';
export { appendTracker, story, storyIds, type StoryIds } from './tracker-events';
