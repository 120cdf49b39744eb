import { START, type EventStore } from '@tracker/event-store';
import type { Pool } from 'pg';

/** What a history digest folds of each event: where it stands, and its stored hash. */
export interface LogHashEntry {
  position: bigint;
  streamId: string;
  streamVersion: number;
  hash: string;
}

/**
 * The global log as a digest reads it: only what readers can see (an append still in flight is
 * never included), in position order, a page at a time. With `last`, up to that position;
 * without, up to the end of the log as it stood when reading began.
 */
export interface LogHashes {
  pages(last?: bigint): AsyncGenerator<LogHashEntry[]>;
}

const PAGE_SIZE = 10_000;

// The event store's visibility rule (postgres.event-store.ts, readAll): only transactions older
// than the oldest one still running.
const VISIBLE = 'transaction_id < (select pg_snapshot_xmin(pg_current_snapshot()))';

/** Events in PostgreSQL: four columns straight from `events`, by primary key. */
export class PostgresLogHashes implements LogHashes {
  constructor(private readonly pool: Pool) {}

  async *pages(last?: bigint): AsyncGenerator<LogHashEntry[]> {
    const end = last ?? (await this.head());
    let after = START;
    for (;;) {
      // `events.position` in the order by: the text alias of the same name would sort as text.
      const { rows } = await this.pool.query<{ position: string; stream_id: string; stream_version: number; hash: string }>(
        `select position::text as position, stream_id, stream_version, hash from events
          where events.position > $1 and events.position <= $2 and ${VISIBLE}
          order by events.position limit $3`,
        [after.toString(), end.toString(), PAGE_SIZE],
      );
      if (rows.length === 0) return;
      const page = rows.map((row) => ({
        position: BigInt(row.position),
        streamId: row.stream_id,
        streamVersion: row.stream_version,
        hash: row.hash,
      }));
      yield page;
      if (rows.length < PAGE_SIZE) return;
      after = page[page.length - 1].position;
    }
  }

  private async head(): Promise<bigint> {
    const { rows } = await this.pool.query<{ head: string }>(`select coalesce(max(position), 0)::text as head from events where ${VISIBLE}`);
    return BigInt(rows[0].head);
  }
}

/** Any other store (EventStoreDB, in memory): its global log through the port's readAll. */
export class PortLogHashes implements LogHashes {
  constructor(private readonly store: EventStore) {}

  async *pages(last?: bigint): AsyncGenerator<LogHashEntry[]> {
    const pageSize = 1000;
    let after = START;
    for (;;) {
      const events = await this.store.readAll({ after, limit: pageSize });
      const page = events
        .filter((event) => last === undefined || event.position <= last)
        .map(({ position, streamId, streamVersion, hash }) => ({ position, streamId, streamVersion, hash }));
      if (page.length > 0) yield page;
      // A short page is the end of the log as it stands; without `last` that is where a digest ends.
      if (page.length < events.length || events.length < pageSize) return;
      after = events[events.length - 1].position;
    }
  }
}

/** The one place that picks how the log's hashes are read, by the same switch as connectEventStore. */
export function logHashes(config: { pool: Pool; store: EventStore; eventStoreUrl?: string | null }): LogHashes {
  return config.eventStoreUrl ? new PortLogHashes(config.store) : new PostgresLogHashes(config.pool);
}
