import type { ClientConfig, Pool, PoolClient } from 'pg';
import { EventStoreError, WrongExpectedVersionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  StoredEvent,
  SubscribeAllOptions,
  Subscription,
} from '../event-store.port';
import { chainHash } from '../hash';
import { prepareAppend, readAllBounds, resolveRetry, type PreparedAppend, type StoredForRetry } from '../store-rules';
import { startCatchUpSubscription } from '../subscription';
import { EVENTS_CHANNEL } from './event-store.migrations';
import { NotificationListener } from './notification-listener';

export interface PostgresEventStoreOptions {
  /** Fallback poll of live subscriptions when no notification arrives (ms). Default 1000. */
  pollIntervalMs?: number;
  /** Connection for the LISTEN client. Default: the pool's own settings. */
  listenConnection?: ClientConfig;
  /** Source of recordedAt. Default: the system clock. */
  clock?: () => Date;
  /** Tests only: runs inside every append transaction just before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

const COLUMNS = `position, stream_id, stream_version, event_id, type, schema_version, data, metadata,
  recorded_at, to_char(occurred_on, 'YYYY-MM-DD') as occurred_on, hash`;

interface EventRow {
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: StoredEvent['data'];
  metadata: StoredEvent['metadata'];
  recorded_at: Date;
  occurred_on: string | null;
  hash: string;
}

const UNIQUE_VIOLATION = '23505';

/**
 * The default event store. Runs on a pg.Pool it is given (and does not end); the schema
 * comes from `eventStoreMigrations`. See README for why the global log has no gaps.
 */
export class PostgresEventStore implements EventStore {
  private readonly listener: NotificationListener;
  private readonly subscriptions = new Set<Subscription>();
  private readonly pollIntervalMs: number;
  private readonly clock: () => Date;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.clock = options.clock ?? (() => new Date());
    this.listener = new NotificationListener(
      options.listenConnection ?? pool.options,
      EVENTS_CHANNEL,
      'select max(position)::text from events',
    );
  }

  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const append = prepareAppend(streamId, events, expectedVersion);
    const client = await this.pool.connect();
    let broken = false;
    try {
      // Before the transaction, so a retry neither allocates positions nor takes a lock.
      const retried = resolveRetry(append, await this.findStored(client, append));
      if (retried) return retried;
      try {
        return await this.write(client, append);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) && !isUniqueViolation(error)) throw error;
        // A retry racing its own first attempt lands here once that attempt commits.
        const retriedLate = resolveRetry(append, await this.findStored(client, append));
        if (retriedLate) return retriedLate;
        throw error;
      }
    } catch (error) {
      // After an unexpected failure the connection may still hold the positions lock (or be
      // mid-transaction): end it rather than hand it to the next append.
      broken = !(error instanceof EventStoreError) && !isUniqueViolation(error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async write(client: PoolClient, append: PreparedAppend): Promise<AppendResult> {
    await client.query('begin');
    try {
      // First statement: nothing may give this transaction an xid before the allocation.
      const allocation = await client.query<{ transaction_id: string; positions: string[] }>(
        'select transaction_id, positions from tracker_allocate_positions($1)',
        [append.events.length],
      );
      const { transaction_id: transactionId, positions } = allocation.rows[0];

      const stream = await lockStream(client, append);
      const recordedAt = this.clock();
      let previousHash = stream.lastHash;
      const rows = append.events.map((event, index) => {
        const streamVersion = stream.version + index + 1;
        const hash = chainHash(previousHash, { ...event, streamId: append.streamId, streamVersion, recordedAt });
        previousHash = hash;
        return { ...event, streamVersion, hash, position: positions[index] };
      });
      await client.query(
        `insert into events (position, transaction_id, stream_id, stream_version, event_id, type, schema_version,
           data, metadata, recorded_at, occurred_on, hash)
         select position, $2::xid8, $3, stream_version, event_id, type, schema_version,
           data::jsonb, metadata::jsonb, $4::timestamptz, occurred_on::date, hash
         from unnest($1::bigint[], $5::int[], $6::uuid[], $7::text[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[])
           as batch(position, stream_version, event_id, type, schema_version, data, metadata, occurred_on, hash)`,
        [
          rows.map((row) => row.position),
          transactionId,
          append.streamId,
          recordedAt,
          rows.map((row) => row.streamVersion),
          rows.map((row) => row.eventId),
          rows.map((row) => row.type),
          rows.map((row) => row.schemaVersion),
          rows.map((row) => JSON.stringify(row.data)),
          rows.map((row) => JSON.stringify(row.metadata)),
          rows.map((row) => row.occurredOn),
          rows.map((row) => row.hash),
        ],
      );
      const last = rows[rows.length - 1];
      await client.query('update streams set version = $2, last_hash = $3 where stream_id = $1', [
        append.streamId,
        last.streamVersion,
        last.hash,
      ]);
      await this.options.beforeCommit?.();
      await client.query('commit');
      // NOTIFY after the commit, in a transaction of its own: a transaction that notifies holds
      // a server-wide lock from its pre-commit to its end, so notifying inside appends would make
      // every append commit (and its WAL flush) one after another. A notification lost to a crash
      // just here costs a subscriber one fallback poll, nothing more.
      await client.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, last.position]).catch(() => undefined);
      return { streamId: append.streamId, version: last.streamVersion, position: BigInt(last.position) };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  private async findStored(client: PoolClient, append: PreparedAppend): Promise<Map<string, StoredForRetry>> {
    const { rows } = await client.query<EventRow>(`select ${COLUMNS} from events where event_id = any($1::uuid[])`, [
      append.events.map((event) => event.eventId),
    ]);
    return new Map(rows.map((row) => [row.event_id, toStoredEvent(row)]));
  }

  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    // A stream's committed events are final: no need for the global log's visibility rule.
    const { rows } = await this.pool.query<EventRow>(
      `select ${COLUMNS} from events where stream_id = $1 and stream_version >= $2 order by stream_version`,
      [streamId, fromVersion],
    );
    return rows.map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const { after, limit } = readAllBounds(options);
    // Only transactions older than the oldest one still running: any append in flight has a
    // larger xid, hence larger positions than everything returned, so no reader ever passes
    // a position that commits later. The snapshot is the statement's own.
    const { rows } = await this.pool.query<EventRow>(
      `select ${COLUMNS} from events
       where position > $1 and transaction_id < (select pg_snapshot_xmin(pg_current_snapshot()))
       order by position
       limit $2`,
      [after.toString(), limit],
    );
    return rows.map(toStoredEvent);
  }

  subscribeAll(options: SubscribeAllOptions): Subscription {
    const subscription = startCatchUpSubscription(options, {
      read: (after, limit) => this.readAll({ after, limit }),
      onWake: (wake) => this.listener.subscribe((payload) => wake(parsePosition(payload))),
      pollIntervalMs: this.pollIntervalMs,
    });
    this.subscriptions.add(subscription);
    void subscription.done.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** Stops the subscriptions and the LISTEN connection; the pool is the caller's. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.listener.close();
  }
}

/**
 * Locks the stream's row for this transaction and checks the expected version. Concurrent
 * appends to one stream queue here; READ COMMITTED re-reads the row once the lock is granted,
 * so each sees its predecessor's version.
 */
async function lockStream(client: PoolClient, append: PreparedAppend): Promise<{ version: number; lastHash: string }> {
  for (;;) {
    const locked = await client.query<{ version: number; last_hash: string }>(
      'select version, last_hash from streams where stream_id = $1 for update',
      [append.streamId],
    );
    let row = locked.rows[0];
    if (!row && append.requiredVersion !== null && append.requiredVersion > 0) {
      throw new WrongExpectedVersionError(append.streamId, append.expected, 0);
    }
    if (!row) {
      const created = await client.query<{ version: number; last_hash: string }>(
        `insert into streams (stream_id, version, last_hash) values ($1, 0, '')
         on conflict (stream_id) do nothing returning version, last_hash`,
        [append.streamId],
      );
      row = created.rows[0];
      // Created by a concurrent append meanwhile: lock that row instead.
      if (!row) continue;
    }
    if (append.requiredVersion !== null && append.requiredVersion !== row.version) {
      throw new WrongExpectedVersionError(append.streamId, append.expected, row.version);
    }
    return { version: row.version, lastHash: row.last_hash };
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    position: BigInt(row.position),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    occurredOn: row.occurred_on,
    hash: row.hash,
  };
}

function parsePosition(payload: string | undefined): bigint | undefined {
  if (!payload || !/^\d+$/.test(payload)) return undefined;
  return BigInt(payload);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}
