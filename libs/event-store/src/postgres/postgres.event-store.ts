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

/**
 * The columns a stored event is read with, optionally from a table alias: shared with readers
 * that join `events` themselves (the auditor's history), since an event must come back
 * exactly as stored (the date's text form included) or its hash would not verify.
 */
export function storedEventColumns(alias?: string): string {
  const a = alias ? `${alias}.` : '';
  // No casts that rename: `order by position` must still mean the bigint column (pg hands int8
  // and uuid over as strings anyway).
  return `${a}position, ${a}stream_id, ${a}stream_version, ${a}event_id, ${a}type,
  ${a}schema_version, ${a}data, ${a}metadata, ${a}recorded_at, to_char(${a}occurred_on, 'YYYY-MM-DD') as occurred_on, ${a}hash`;
}

const COLUMNS = storedEventColumns();

export interface StoredEventRow {
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

/** A stream's last version and hash: what the next append chains from. */
interface StreamHead {
  version: number;
  lastHash: string;
}

const GENESIS: StreamHead = { version: 0, lastHash: '' };

/** Heads remembered per store: enough for the streams being written now, a few MB at most. */
const MAX_HEADS = 10_000;

/**
 * The default event store. Runs on a pg.Pool it is given (and does not end); the schema
 * comes from `eventStoreMigrations`. See README for why the global log has no gaps.
 */
export class PostgresEventStore implements EventStore {
  private readonly listener: NotificationListener;
  private readonly subscriptions = new Set<Subscription>();
  private readonly pollIntervalMs: number;
  private readonly clock: () => Date;
  private announced: bigint | null = null;
  private announcing: Promise<void> | undefined;
  /** Stream heads this store read or wrote last, so most appends can chain without asking. */
  private readonly heads = new Map<string, StreamHead>();

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
      try {
        const result = (await this.writeOnce(client, append)) ?? (await this.write(client, append));
        this.announce(result.position);
        return result;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) && !isUniqueViolation(error)) throw error;
        // A retry of a stored batch fails here (its expected version has passed, or its event
        // ids are taken): answer it with the first result. Checking only on failure keeps the
        // common path to one round trip.
        this.heads.delete(append.streamId);
        const retried = resolveRetry(append, await this.findStored(client, append));
        if (retried) return retried;
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

  /**
   * The common path, one round trip: when the stream's head is known (a new stream, or one
   * this store just read or appended to), chain the hashes from it and let tracker_append
   * check, under the row it updates, that the head is still that one. Returns undefined when
   * the head was not known or has moved (nothing written), for the two-round-trip path.
   */
  private async writeOnce(client: PoolClient, append: PreparedAppend): Promise<AppendResult | undefined> {
    const head = this.guessHead(append);
    if (!head) return undefined;
    const recordedAt = this.clock();
    const rows = chainRows(append, head.version, head.lastHash, recordedAt);
    const query = {
      name: 'tracker_append',
      text: 'select position, version, last_hash from tracker_append($1, $2, $3, $4, $5)',
      values: [append.streamId, head.version, head.lastHash, recordedAt.toISOString(), rows.json],
    };
    let found: { position: string | null; version: number; last_hash: string };
    if (this.options.beforeCommit) {
      await client.query('begin');
      try {
        found = (await client.query(query)).rows[0];
        await this.options.beforeCommit();
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    } else {
      found = (await client.query(query)).rows[0];
    }
    this.rememberHead(append.streamId, found.version, found.last_hash);
    if (found.position === null) {
      if (append.requiredVersion !== null && append.requiredVersion !== found.version) {
        throw new WrongExpectedVersionError(append.streamId, append.expected, found.version);
      }
      return undefined;
    }
    return { streamId: append.streamId, version: found.version, position: BigInt(found.position) };
  }

  /** The head to chain from: a new stream's, or the one remembered, if the expected version allows it. */
  private guessHead(append: PreparedAppend): StreamHead | undefined {
    if (append.requiredVersion === 0) return GENESIS;
    const known = this.heads.get(append.streamId);
    if (append.requiredVersion === null) return known ?? GENESIS;
    return known?.version === append.requiredVersion ? known : undefined;
  }

  /** Bounded: the oldest entry goes first; a head forgotten or stale only costs the slower path. */
  private rememberHead(streamId: string, version: number, lastHash: string): void {
    this.heads.delete(streamId);
    if (this.heads.size >= MAX_HEADS) this.heads.delete(this.heads.keys().next().value as string);
    this.heads.set(streamId, { version, lastHash });
  }

  /**
   * Two round trips, when the stream's head is not known: the first locks the stream's row and
   * reads its head. Each batch of statements goes as one simple query with its values inlined
   * through escapeLiteral (the simple protocol takes no parameters).
   */
  private async write(client: PoolClient, append: PreparedAppend): Promise<AppendResult> {
    try {
      // BEGIN, then the positions and xid before anything else can give the transaction one.
      const [, begun] = (await client.query(
        `begin; select transaction_id, positions, version, last_hash
           from tracker_begin_append(${client.escapeLiteral(append.streamId)}, ${append.events.length})`,
      )) as unknown as [unknown, { rows: { transaction_id: string; positions: string[]; version: number; last_hash: string }[] }];
      const { transaction_id: transactionId, positions, version, last_hash: lastHash } = begun.rows[0];
      if (append.requiredVersion !== null && append.requiredVersion !== version) {
        throw new WrongExpectedVersionError(append.streamId, append.expected, version);
      }
      const recordedAt = this.clock();
      const rows = chainRows(append, version, lastHash, recordedAt, positions);
      const literal = (value: string) => client.escapeLiteral(value);
      const insert = `
        with inserted as (
          insert into events (position, transaction_id, stream_id, stream_version, event_id, type, schema_version,
            data, metadata, recorded_at, occurred_on, hash)
          select position, ${literal(transactionId)}::xid8, ${literal(append.streamId)}, stream_version, event_id, type,
            schema_version, data, metadata, ${literal(recordedAt.toISOString())}::timestamptz, occurred_on, hash
          from jsonb_to_recordset(${literal(rows.json)}::jsonb) as batch(position bigint, stream_version int,
            event_id uuid, type text, schema_version int, data jsonb, metadata jsonb, occurred_on date, hash text)
        )
        update streams set version = ${rows.version}, last_hash = ${literal(rows.lastHash)}
         where stream_id = ${literal(append.streamId)}`;
      if (this.options.beforeCommit) {
        await client.query(insert);
        await this.options.beforeCommit();
        await client.query('commit');
      } else {
        await client.query(`${insert}; commit`);
      }
      this.rememberHead(append.streamId, rows.version, rows.lastHash);
      return { streamId: append.streamId, version: rows.version, position: BigInt(positions[positions.length - 1]) };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Wakes subscribers, after the commit and outside the append's transaction: a transaction
   * that notifies holds a server-wide lock from its pre-commit to its end, which would make
   * concurrent appends commit (and flush WAL) one after another. One NOTIFY is in flight at a
   * time, carrying the highest position committed meanwhile, so a burst of appends costs a
   * few notifications. A notification lost to a crash costs a subscriber one fallback poll.
   */
  private announce(position: bigint): void {
    if (this.announced === null || position > this.announced) this.announced = position;
    if (this.announcing) return;
    const next = this.announced;
    this.announced = null;
    this.announcing = this.pool
      .query('select pg_notify($1, $2)', [EVENTS_CHANNEL, next.toString()])
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.announcing = undefined;
        if (this.announced !== null) this.announce(this.announced);
      });
  }

  private async findStored(client: PoolClient, append: PreparedAppend): Promise<Map<string, StoredForRetry>> {
    const { rows } = await client.query<StoredEventRow>(`select ${COLUMNS} from events where event_id = any($1::uuid[])`, [
      append.events.map((event) => event.eventId),
    ]);
    return new Map(rows.map((row) => [row.event_id, storedEventFromRow(row)]));
  }

  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    // A stream's committed events are final: no need for the global log's visibility rule.
    const { rows } = await this.pool.query<StoredEventRow>(
      `select ${COLUMNS} from events where stream_id = $1 and stream_version >= $2 order by stream_version`,
      [streamId, fromVersion],
    );
    const last = rows[rows.length - 1];
    if (last) this.rememberHead(streamId, last.stream_version, last.hash);
    return rows.map(storedEventFromRow);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const { after, limit } = readAllBounds(options);
    // Only transactions older than the oldest one still running: any append in flight has a
    // larger xid, hence larger positions than everything returned, so no reader ever passes
    // a position that commits later. The snapshot is the statement's own.
    const { rows } = await this.pool.query<StoredEventRow>(
      `select ${COLUMNS} from events
       where position > $1 and transaction_id < (select pg_snapshot_xmin(pg_current_snapshot()))
       order by position
       limit $2`,
      [after.toString(), limit],
    );
    return rows.map(storedEventFromRow);
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
    while (this.announcing) await this.announcing;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.listener.close();
  }
}

export function storedEventFromRow(row: StoredEventRow): StoredEvent {
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

/**
 * The batch as tracker_append's jsonb takes it (with positions when they are known), each
 * event's hash chained from the head given, and the head it ends at. Written as text around
 * the canonical JSON prepareAppend made, rather than objects for JSON.stringify: the data is
 * serialised once per append, for the hash and the wire alike.
 */
function chainRows(append: PreparedAppend, version: number, lastHash: string, recordedAt: Date, positions?: string[]) {
  let hash = lastHash;
  const rows = append.events.map((event, index) => {
    const { eventId, type, schemaVersion, occurredOn, canonical } = event;
    const streamVersion = version + index + 1;
    hash = chainHash(hash, { eventId, type, schemaVersion, occurredOn, streamId: append.streamId, streamVersion, recordedAt }, canonical);
    const position = positions ? `"position":${positions[index]},` : '';
    return (
      `{${position}"stream_version":${streamVersion},"event_id":"${eventId}","type":${JSON.stringify(type)}` +
      `,"schema_version":${schemaVersion},"data":${canonical.data},"metadata":${canonical.metadata}` +
      `,"occurred_on":${occurredOn === null ? 'null' : `"${occurredOn}"`},"hash":"${hash}"}`
    );
  });
  return { json: `[${rows.join(',')}]`, version: version + append.events.length, lastHash: hash };
}
