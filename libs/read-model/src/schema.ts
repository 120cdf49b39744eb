import { runMigrations } from '@tracker/database';
import { Pool, type PoolConfig } from 'pg';
import { readModelMigrations } from './read-model.migrations';

/** The schema the api reads and the projector keeps up to date. */
export const READ_MODEL_SCHEMA = 'read_model';

/** pg_notify channel on which the projector announces each committed checkpoint. */
export const CHECKPOINTS_CHANNEL = 'tracker_checkpoints';

/**
 * Advisory lock keys (namespace 'TRKR', as in libs/database). BATCH is taken by every
 * projector batch transaction and by a rebuild's swap, so a swap never lands in the middle
 * of a batch; ACTIVE is held for as long as a projector instance is the working one.
 */
export const LOCKS = { namespace: 0x54524b52, batch: 2, active: 3 } as const;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A pool whose connections resolve unqualified table names in `schema`: projections and
 * migrations are written without a schema, so the same code fills the live tables or a
 * rebuild's shadow tables.
 */
export function schemaPool(config: PoolConfig, schema: string): Pool {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  // search_path last: a caller's own options cannot point the pool at another schema.
  return new Pool({ ...config, options: [config.options, `-c search_path=${schema},public`].filter(Boolean).join(' ') });
}

/** Creates the schema if needed and applies the read model's migrations inside it. */
export async function migrateReadModel(pool: Pool, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  await pool.query(`create schema if not exists ${schema}`);
  await runMigrations(pool, readModelMigrations);
}
