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
  type ProjectionPositions,
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
 * Replays the whole log from position zero into `schema` through the same commitBatch the live
 * projector uses, until a read comes back empty.
 *
 * Each projection goes through the log at its own pace, one commitBatch of its own per page:
 * with one barrier per page for all of them, node (applying events) and PostgreSQL (writing
 * rows) took turns, each idle half the time, and every page waited for its slowest projection
 * (program-history writes two rows per event). Pages are read once and shared; a projection
 * runs at most PAGES_AHEAD pages ahead of the slowest, which bounds the memory.
 */
export async function buildReadModel(options: BuildOptions): Promise<{ events: number; position: bigint }> {
  const projections = options.projections ?? readModelProjections;
  const batchSize = options.batchSize ?? 2_000;
  // No batch waits for its WAL to reach the disk: the swap's own commit (a synchronous one, on
  // another pool) flushes everything before it, and a crash before the swap loses nothing the
  // next rebuild needs, which starts from an empty shadow schema. A lost tail of commits leaves
  // rows and checkpoints consistent with each other (they commit together, in log order).
  const pool = schemaPool({ connectionString: options.databaseUrl, max: 3, options: '-c synchronous_commit=off' }, options.schema);
  try {
    await migrateReadModel(pool, options.schema);
    const client = await pool.connect();
    let indexes: string[];
    let meta: Awaited<ReturnType<typeof readTableMeta>>;
    let state: ProjectionPositions;
    try {
      // Bulk load, then index: maintaining the trigram and jsonb GIN indexes row by row costs
      // more than building them once at the end.
      indexes = await dropIndexesUntilLoaded(client, projections);
      meta = await readTableMeta(client, projections.flatMap((p) => p.tables));
      state = { positions: await readCheckpoints(client, projections), failed: new Map<string, ProjectionFailure>() };
    } finally {
      client.release();
    }
    const start = [...state.positions.values()].reduce((a, b) => (a < b ? a : b), 0n);
    const pages = new SharedPages(options.store, start, batchSize, projections.length);
    const head = options.head ? await options.head() : null;
    const started = Date.now();
    let lastReport = 0;
    const follow = async (projection: Projection): Promise<void> => {
      for (let index = 0; ; index++) {
        const page = await pages.get(index);
        if (page.count === 0) break;
        if (!state.failed.has(projection.name)) {
          const failures = await commitBatch(pool, meta, [projection], state, page.events, page.last);
          for (const failure of failures) options.onFailure?.(failure);
        }
        pages.passed(index);
        if (options.onProgress && Date.now() - lastReport > 1_000) {
          lastReport = Date.now();
          const { events, position } = pages.done();
          const rate = events / Math.max((Date.now() - started) / 1000, 0.001);
          options.onProgress({
            events,
            position,
            eventsPerSecond: Math.round(rate),
            etaSeconds: head === null ? null : Math.max(0, Math.round(Number(head - position) / rate)),
          });
        }
      }
    };
    const outcomes = await Promise.allSettled(
      projections.map((projection) =>
        follow(projection).catch((error: unknown) => {
          // A checkpoint moved or the connection was lost: the others stop too, rather than
          // wait for this one to pass a page.
          pages.abort(error);
          throw error;
        }),
      ),
    );
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    const indexing = await pool.connect();
    try {
      for (const definition of indexes) await indexing.query(definition);
    } finally {
      indexing.release();
    }
    return pages.done();
  } finally {
    await pool.end();
  }
}

interface Page {
  /** The stored events read, projected (unknown types are left out, as the live projector does). */
  events: ProjectedEvent[];
  /** How many stored events the page holds, unknown types included; 0 at the end of the log. */
  count: number;
  /** The position of the page's last stored event. */
  last: bigint;
}

/** How far the fastest projection may run ahead of the slowest, in pages. */
const PAGES_AHEAD = 2;

/**
 * The log, page by page, for several readers that each go through every page in order: each
 * page is read once (the next one while this one is written) and dropped once every reader has
 * passed it. A reader asking for a page more than PAGES_AHEAD past the slowest one waits.
 */
class SharedPages {
  private readonly pages = new Map<number, Promise<Page>>();
  private readonly passedBy = new Map<number, number>();
  private slowest = 0;
  private waiting: (() => void)[] = [];
  private aborted: { error: unknown } | undefined;
  private events = 0;
  private position: bigint;

  constructor(
    private readonly store: EventStore,
    private readonly start: bigint,
    private readonly batchSize: number,
    private readonly readers: number,
  ) {
    this.position = start;
  }

  async get(index: number): Promise<Page> {
    for (;;) {
      if (this.aborted) throw this.aborted.error;
      if (index <= this.slowest + PAGES_AHEAD) break;
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
    const page = this.read(index);
    // Read ahead: the next page's query runs while this one is being written.
    void this.read(index + 1).catch(() => undefined);
    return page;
  }

  /** A reader is done with page `index`. */
  passed(index: number): void {
    const count = (this.passedBy.get(index) ?? 0) + 1;
    this.passedBy.set(index, count);
    if (count < this.readers) return;
    this.passedBy.delete(index);
    void this.pages.get(index)!.then((page) => {
      this.events += page.count;
      if (page.count > 0) this.position = page.last;
    });
    this.pages.delete(index);
    this.slowest = index + 1;
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** One reader failed: the others stop at their next page instead of waiting for it. */
  abort(error: unknown): void {
    this.aborted ??= { error };
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** The events every reader has passed, and the position of the last of them. */
  done(): { events: number; position: bigint } {
    return { events: this.events, position: this.position };
  }

  private read(index: number): Promise<Page> {
    let page = this.pages.get(index);
    if (!page) {
      const previous = index === 0 ? Promise.resolve<Page | null>(null) : this.read(index - 1);
      page = previous.then(async (before) => {
        const after = before ? before.last : this.start;
        const stored = before && before.count === 0 ? [] : await this.store.readAll({ after, limit: this.batchSize });
        const events: ProjectedEvent[] = [];
        for (const event of stored) {
          try {
            events.push(toProjectedEvent(event));
          } catch {
            // Unknown types are skipped, as the live projector does.
          }
        }
        return { events, count: stored.length, last: stored.length ? stored[stored.length - 1].position : after };
      });
      this.pages.set(index, page);
    }
    return page;
  }
}

/**
 * Drops the indexes the load does not use and returns the statements that put them back: every
 * non-unique index, and the primary keys of insert-only tables (program_events). Upserted
 * tables keep theirs, which batches read rows through and upsert against. An insert-only
 * table's key only makes a repeated insert a no-op (on conflict do nothing), and one pass over
 * the log into an empty schema applies each event once; maintaining that btree row by row was
 * the costliest statement of the rebuild in PostgreSQL (program_events: 2.6 s of 12 s for 200k
 * events, 1.1 s with the key built at the end). Should a projection ever insert the same row
 * twice in one pass, adding the key back fails and the rebuild with it, before any swap.
 */
async function dropIndexesUntilLoaded(client: PoolClient, projections: readonly Projection[]): Promise<string[]> {
  const insertOnly = projections.flatMap((p) => p.tables).filter((t) => t.key === null).map((t) => t.name);
  const { rows: keys } = await client.query<{ table: string; name: string; definition: string }>(
    `select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
       from pg_constraint c
       join pg_class t on t.oid = c.conrelid
      where t.relnamespace = current_schema()::regnamespace and c.contype = 'p' and t.relname = any($1)`,
    [insertOnly],
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
       join pg_namespace n on n.nspname = i.schemaname
       join pg_class c on c.relname = i.indexname and c.relnamespace = n.oid
       join pg_index x on x.indexrelid = c.oid
      where i.schemaname = current_schema() and not x.indisunique`,
  );
  for (const key of keys) await client.query(`alter table ${key.table} drop constraint ${key.name}`);
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  return [
    ...keys.map((key) => `alter table ${key.table} add constraint ${key.name} ${key.definition}`),
    ...indexes.map((index) => index.definition),
  ];
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
