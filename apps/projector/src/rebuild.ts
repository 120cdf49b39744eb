import type { EventStore } from '@tracker/event-store';
import {
  commitBatch,
  LOCKS,
  migrateReadModel,
  READ_MODEL_SCHEMA,
  readCheckpoints,
  readModelProjections,
  readTableMeta,
  schemaPool,
  toProjectedEvent,
  type ProjectedEvent,
  type Projection,
  type ProjectionFailure,
} from '@tracker/read-model';
import { Pool, type PoolClient } from 'pg';

interface RebuildProgress {
  events: number;
  position: bigint;
  eventsPerSecond: number;
  /** Seconds left, when the log's head is known. */
  etaSeconds: number | null;
}

interface BuildOptions {
  databaseUrl: string;
  store: EventStore;
  /** The schema to fill; it must be new or empty. */
  schema: string;
  projections?: readonly Projection[];
  batchSize?: number;
  /** The log's last position, for the ETA. */
  head?: () => Promise<bigint>;
  onProgress?: (progress: RebuildProgress) => void;
  onFailure?: (failure: ProjectionFailure) => void;
}

/**
 * Replays the whole log from position zero into `schema`, batch by batch through the same
 * commitBatch the live projector uses, until a read comes back empty.
 */
export async function buildReadModel(options: BuildOptions): Promise<{ events: number; position: bigint }> {
  const projections = options.projections ?? readModelProjections;
  const batchSize = options.batchSize ?? 2_000;
  const pool = schemaPool({ connectionString: options.databaseUrl, max: 3 }, options.schema);
  try {
    await migrateReadModel(pool, options.schema);
    const client = await pool.connect();
    try {
      // Bulk load, then index: maintaining the trigram and jsonb GIN indexes row by row costs
      // more than building them once at the end.
      const indexes = await dropSecondaryIndexes(client);
      const meta = await readTableMeta(client, projections.flatMap((p) => p.tables));
      const state = { positions: await readCheckpoints(client, projections), failed: new Map<string, ProjectionFailure>() };
      let after = [...state.positions.values()].reduce((a, b) => (a < b ? a : b), 0n);
      const head = options.head ? await options.head() : null;
      const started = Date.now();
      let count = 0;
      let lastReport = 0;
      // Read the next page while this one is being written: the two overlap on two cores.
      let next = options.store.readAll({ after, limit: batchSize });
      for (;;) {
        const stored = await next;
        if (stored.length === 0) break;
        const last = stored[stored.length - 1].position;
        next = options.store.readAll({ after: last, limit: batchSize });
        const events: ProjectedEvent[] = [];
        for (const event of stored) {
          try {
            events.push(toProjectedEvent(event));
          } catch {
            // Unknown types are skipped, as the live projector does.
          }
        }
        const failures = await commitBatch(pool, meta, projections, state, events, last, null);
        for (const failure of failures) options.onFailure?.(failure);
        after = last;
        count += stored.length;
        if (options.onProgress && Date.now() - lastReport > 1_000) {
          lastReport = Date.now();
          const rate = count / Math.max((Date.now() - started) / 1000, 0.001);
          options.onProgress({
            events: count,
            position: after,
            eventsPerSecond: Math.round(rate),
            etaSeconds: head === null ? null : Math.max(0, Math.round(Number(head - after) / rate)),
          });
        }
      }
      for (const definition of indexes) await client.query(definition);
      return { events: count, position: after };
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

/** Drops the schema's non-unique indexes and returns their definitions, to recreate them. */
async function dropSecondaryIndexes(client: PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
       join pg_namespace n on n.nspname = i.schemaname
       join pg_class c on c.relname = i.indexname and c.relnamespace = n.oid
       join pg_index x on x.indexrelid = c.oid
      where i.schemaname = current_schema() and not x.indisunique`,
  );
  for (const row of rows) await client.query(`drop index ${row.name}`);
  return rows.map((row) => row.definition);
}

/**
 * Rebuilds the read model without taking it offline: replay into a shadow schema while the
 * api keeps reading the live one, then swap the two schemas in one transaction. The
 * checkpoints live in the schema, so they swap too; the live projector notices its
 * checkpoint moved and carries on from the shadow's position.
 */
export async function rebuildReadModel(options: Omit<BuildOptions, 'schema'>): Promise<{ events: number; position: bigint }> {
  const shadow = `${READ_MODEL_SCHEMA}_next`;
  const retired = `${READ_MODEL_SCHEMA}_retired`;
  const admin = new Pool({ connectionString: options.databaseUrl, max: 1 });
  try {
    await admin.query(`drop schema if exists ${shadow} cascade`);
    const result = await buildReadModel({ ...options, schema: shadow });
    const client = await admin.connect();
    try {
      await client.query('begin');
      // Waits for a live batch in flight; no batch starts until the swap commits.
      await client.query('select pg_advisory_xact_lock($1, $2)', [LOCKS.namespace, LOCKS.batch]);
      await client.query(`drop schema if exists ${retired} cascade`);
      const live = await client.query('select 1 from pg_namespace where nspname = $1', [READ_MODEL_SCHEMA]);
      if (live.rowCount) await client.query(`alter schema ${READ_MODEL_SCHEMA} rename to ${retired}`);
      await client.query(`alter schema ${shadow} rename to ${READ_MODEL_SCHEMA}`);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    await admin.query(`drop schema if exists ${retired} cascade`);
    return result;
  } finally {
    await admin.end();
  }
}
