import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import { types, type Pool } from 'pg';
import { commitBatch, readTableMeta } from '../postgres-batch';
import type { ProjectedEvent, Projection } from '../projection';
import type { Row } from '../row-store';
import { migrateReadModel, READ_MODEL_SCHEMA, schemaPool } from '../schema';
import type { ProjectionSpecBackend } from './projection-spec';

type TableMeta = Awaited<ReturnType<typeof readTableMeta>>;

const OID = { int8: 20, date: 1082, timestamptz: 1184, numeric: 1700 } as const;

/**
 * Rows read back in the shape the in-memory row store holds them, so one expected row serves
 * both backends: a row in memory is what the projection put, built from event data (JSON) and
 * the bookkeeping in projection.ts's stamp(). So:
 * - numeric (amount) and bigint (last_position, position) stay decimal strings: a float would
 *   lose digits, and that is how the projection writes them;
 * - date stays 'YYYY-MM-DD' as events carry it (pg's default would make a Date at local
 *   midnight, a day off west of UTC);
 * - timestamptz becomes an ISO string in UTC, as stamp() writes recordedAt.toISOString()
 *   (the server's text depends on its time zone);
 * - jsonb is parsed into objects and int4 into numbers, as pg does by default.
 * Set per query, not with pg's global setTypeParser, so nothing else in the process changes.
 */
const asMemoryRows = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8 || oid === OID.numeric || oid === OID.date) return (value: string) => value;
    if (oid === OID.timestamptz) {
      const parse = types.getTypeParser(OID.timestamptz, 'text') as (value: string) => Date;
      return (value: string) => parse(value).toISOString();
    }
    return types.getTypeParser(oid, format);
  },
};

/**
 * The projector's path to PostgreSQL: each batch goes through commitBatch, which loads the
 * rows the batch touches, applies the projection and upserts, so the when-batch reads what
 * the given-batch wrote back from real tables. One database for the whole test file, the
 * projection's tables truncated before each spec.
 */
export class PostgresBatchBackend implements ProjectionSpecBackend {
  private db: TestDatabase | undefined;
  private pool: Pool | undefined;
  private readonly meta = new Map<string, TableMeta>();

  async start(): Promise<void> {
    this.db = await createTestDatabase();
    this.pool = schemaPool({ connectionString: this.db.url, max: 2 }, READ_MODEL_SCHEMA);
    // drop() terminates the connections; an idle one must not crash the test process.
    this.pool.on('error', () => undefined);
    await migrateReadModel(this.pool, READ_MODEL_SCHEMA);
  }

  async stop(): Promise<void> {
    await this.pool?.end();
    await this.db?.drop();
  }

  async run(projection: Projection, batches: readonly (readonly ProjectedEvent[])[]): Promise<Record<string, Row[]>> {
    const pool = this.pool;
    if (!pool) throw new Error('PostgresBatchBackend.start() has not run');
    const tables = projection.tables.map((table) => table.name);
    const meta = await this.metaOf(pool, projection);
    await pool.query(`truncate ${tables.join(', ')}`);
    for (const batch of batches) {
      if (batch.length === 0) continue;
      // The checkpoint goes back to 0 before every batch: a redelivered event must reach the
      // projection's own guard (each row's last_position), which is what a spec checks. The
      // checkpoint's guard has its tests in apps/projector/src/projector.int.spec.ts.
      await pool.query(
        `insert into projection_checkpoints (projection) values ($1)
           on conflict (projection) do update set position = 0, failed_at_position = null, error = null`,
        [projection.name],
      );
      const last = batch.reduce((max, event) => (event.position > max ? event.position : max), 0n);
      const state = { positions: new Map<string, bigint>(), failed: new Map() };
      const [failure] = await commitBatch(pool, meta, [projection], state, [...batch], last);
      if (failure) {
        throw new Error(`${projection.name} stopped at position ${failure.position} (${failure.type}): ${failure.message}`, { cause: failure.error });
      }
    }
    const rows: Record<string, Row[]> = {};
    for (const table of tables) rows[table] = (await pool.query({ text: `select * from ${table}`, types: asMemoryRows })).rows;
    return rows;
  }

  private async metaOf(pool: Pool, projection: Projection): Promise<TableMeta> {
    const known = this.meta.get(projection.name);
    if (known) return known;
    const client = await pool.connect();
    try {
      const meta = await readTableMeta(client, projection.tables);
      this.meta.set(projection.name, meta);
      return meta;
    } finally {
      client.release();
    }
  }
}
