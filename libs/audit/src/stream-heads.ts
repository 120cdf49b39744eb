import type { Pool } from 'pg';

export interface StreamHead {
  streamId: string;
  version: number;
  lastHash: string;
}

/**
 * What a store records about each stream's end, apart from its events. The PostgreSQL store
 * keeps a `streams` row (version, last_hash) updated in each append's transaction: comparing it
 * with the events finds a removed last event, which no hash chain can show (nothing follows
 * it). Other stores keep no such row, and verification does without.
 */
export interface StreamHeads {
  head(streamId: string): Promise<StreamHead | null>;
  /** Every head, in stream-id order, a page at a time. */
  all(pageSize?: number): AsyncGenerator<StreamHead>;
}

export class PostgresStreamHeads implements StreamHeads {
  constructor(private readonly pool: Pool) {}

  async head(streamId: string): Promise<StreamHead | null> {
    const { rows } = await this.pool.query<{ version: number; last_hash: string }>(
      'select version, last_hash from streams where stream_id = $1',
      [streamId],
    );
    return rows[0] ? { streamId, version: rows[0].version, lastHash: rows[0].last_hash } : null;
  }

  async *all(pageSize = 1000): AsyncGenerator<StreamHead> {
    let after: string | null = null;
    for (;;) {
      const { rows }: { rows: { stream_id: string; version: number; last_hash: string }[] } = await this.pool.query(
        `select stream_id, version, last_hash from streams
          where ($1::text is null or stream_id > $1) order by stream_id limit $2`,
        [after, pageSize],
      );
      for (const row of rows) yield { streamId: row.stream_id, version: row.version, lastHash: row.last_hash };
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].stream_id;
    }
  }
}
