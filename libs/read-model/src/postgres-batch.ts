import type { Pool, PoolClient } from 'pg';
import { types } from 'pg';
import type { ProjectedEvent, Projection } from './projection';
import type { Row, RowStore, TableSpec } from './row-store';
import { LOCKS } from './schema';

const LOCK_NAMESPACE = LOCKS.namespace;
const BATCH_LOCK = LOCKS.batch;

/**
 * Dates and timestamps pass through as PostgreSQL wrote them: pg's default turns a `date`
 * into a JS Date at local midnight, which would shift it by the server's time zone when
 * the row is written back.
 */
const rawDates = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1082 || oid === 1184 || oid === 1114) return (value: string) => value;
    return types.getTypeParser(oid, format);
  },
};

interface TableMeta {
  columns: string[];
  /** PostgreSQL type of each column (udt name: uuid, jsonb, int8, ...), for typed arrays. */
  types: string[];
  keyType: string | null;
}

/** Column lists, read once per schema: the upsert statements are built from them. */
export async function readTableMeta(client: PoolClient, specs: readonly TableSpec[]): Promise<Map<string, TableMeta>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; udt_name: string }>(
    `select table_name, column_name, udt_name from information_schema.columns
      where table_schema = current_schema() and table_name = any($1) order by ordinal_position`,
    [specs.map((s) => s.name)],
  );
  const meta = new Map<string, TableMeta>();
  for (const spec of specs) {
    const columns = rows.filter((r) => r.table_name === spec.name);
    if (columns.length === 0) throw new Error(`Read-model table ${spec.name} is missing from schema`);
    const key = columns.find((c) => c.column_name === spec.key);
    meta.set(spec.name, {
      columns: columns.map((c) => c.column_name),
      types: columns.map((c) => c.udt_name),
      keyType: key ? key.udt_name : null,
    });
  }
  return meta;
}

/** One projection's view of the batch: the rows it loaded, and what it changed. */
class BatchRows implements RowStore {
  readonly loaded = new Map<string, Map<string, Row>>();
  /**
   * Keys this batch looked up and did not find. Nothing else writes a projection's tables
   * while its batch holds the checkpoint row (select ... for update), so such a row is new:
   * it is inserted plainly, which costs PostgreSQL a good third less than the speculative
   * insertion of `on conflict do update` (most rows of a rebuild, every new aggregate live).
   */
  readonly absent = new Map<string, Set<string>>();
  readonly changed = new Map<string, Map<string, Row>>();
  readonly inserted = new Map<string, Row[]>();

  constructor(private readonly specs: readonly TableSpec[]) {
    for (const spec of specs) {
      this.loaded.set(spec.name, new Map());
      this.absent.set(spec.name, new Set());
      this.changed.set(spec.name, new Map());
      this.inserted.set(spec.name, []);
    }
  }

  get<T extends Row>(table: string, id: string): T | undefined {
    return (this.changed.get(table)?.get(id) ?? this.loaded.get(table)?.get(id)) as T | undefined;
  }

  put(table: string, row: Row): void {
    const key = this.specs.find((s) => s.name === table)?.key;
    if (!key) throw new Error(`Projection wrote to ${table}, which it does not own or is insert-only`);
    this.changed.get(table)!.set(String(row[key]), row);
  }

  insert(table: string, row: Row): void {
    const rows = this.inserted.get(table);
    if (!rows) throw new Error(`Projection wrote to ${table}, which it does not own`);
    rows.push(row);
  }
}

export interface ProjectionFailure {
  projection: string;
  position: bigint;
  type: string;
  message: string;
  error: unknown;
}

/** Where each projection stands: its checkpoint, or the event it failed on. */
export interface ProjectionPositions {
  positions: Map<string, bigint>;
  failed: Map<string, ProjectionFailure>;
}

/** A checkpoint moved under the caller (a rebuild swapped schemas, or a second writer). */
export class CheckpointMovedError extends Error {
  constructor(projection: string) {
    super(`checkpoint of ${projection} moved under this projector`);
  }
}

/**
 * Applies one batch of events to every healthy projection. Each projection commits its rows
 * and its checkpoint in one transaction of its own, so a crash at any point leaves each
 * projection exactly at its last commit (exactly-once), and the projections run side by side
 * on the pool's connections (PostgreSQL does most of the work, on another core).
 *
 * Batches take the BATCH advisory lock shared, a rebuild's swap takes it exclusive, so a swap
 * never lands inside a batch. A checkpoint that is not where `state` says (a swap happened,
 * or a second projector wrote) makes that projection write nothing, and CheckpointMovedError
 * is thrown once the others have finished.
 *
 * A projection that throws, in its code or in SQL, is rolled back, stopped at that event
 * (recorded in its checkpoint row) and left out of later batches; the others carry on.
 * `last` is the position of the batch's last stored event, which may be one this code skipped
 * (an unknown type).
 */
export async function commitBatch(
  pool: Pool,
  meta: Map<string, TableMeta>,
  projections: readonly Projection[],
  state: ProjectionPositions,
  events: ProjectedEvent[],
  last: bigint,
): Promise<ProjectionFailure[]> {
  // A projection whose checkpoint is already at or past this batch has nothing in it: it must
  // not take part, or its checkpoint would be set back to `last`. That happens after a restart,
  // which reads from the lowest checkpoint (a projection stopped at a poison event, or one that
  // committed a batch less before a crash): the others skip ahead to their own checkpoints.
  // Moving them back replayed everything after the poison event, and read-your-writes saw the
  // projections fall behind (regression test in apps/projector/src/projector.int.spec.ts).
  const healthy = projections.filter((p) => !state.failed.has(p.name) && (state.positions.get(p.name) ?? 0n) < last);
  const outcomes = await Promise.allSettled(
    healthy.map(async (projection) => {
      const client = await pool.connect();
      try {
        return await commitProjection(client, meta, projection, state, events, last);
      } finally {
        client.release();
      }
    }),
  );
  const failures: ProjectionFailure[] = [];
  let moved: unknown;
  outcomes.forEach((outcome, index) => {
    const { name } = healthy[index];
    if (outcome.status === 'rejected') moved ??= outcome.reason;
    else if (outcome.value) {
      failures.push(outcome.value);
      state.failed.set(name, outcome.value);
    } else state.positions.set(name, last);
  });
  if (moved !== undefined) throw moved;
  return failures;
}

/** One projection's share of a batch, in one transaction. Resolves to its failure, if it failed. */
async function commitProjection(
  client: PoolClient,
  meta: Map<string, TableMeta>,
  projection: Projection,
  state: ProjectionPositions,
  events: ProjectedEvent[],
  last: bigint,
): Promise<ProjectionFailure | null> {
  const after = state.positions.get(projection.name) ?? 0n;
  const mine = events.filter((e) => e.position > after);
  let failure: ProjectionFailure | null = null;
  await client.query('begin');
  try {
    await client.query('select pg_advisory_xact_lock_shared($1, $2)', [LOCK_NAMESPACE, BATCH_LOCK]);
    const { rows } = await client.query<{ position: string }>(
      'select position from projection_checkpoints where projection = $1 for update',
      [projection.name],
    );
    if (rows.length !== 1 || BigInt(rows[0].position) !== after) throw new CheckpointMovedError(projection.name);
    try {
      const rowsOf = new BatchRows(projection.tables);
      await loadRows(client, meta, projection, mine, rowsOf);
      for (const event of mine) {
        try {
          projection.apply(event, rowsOf);
        } catch (error) {
          failure = { projection: projection.name, position: event.position, type: event.type, message: messageOf(error), error };
          break;
        }
      }
      if (!failure) await writeRows(client, meta, projection, rowsOf);
    } catch (error) {
      // SQL refused the data the projection produced (a data or constraint error): that is a
      // poison event in this batch. Anything else (a lost connection) is retried by the caller.
      if (!isDataError(error)) throw error;
      failure = { projection: projection.name, position: mine[0]?.position ?? last, type: mine[0]?.type ?? 'unknown', message: messageOf(error), error };
    }
    if (failure) {
      await client.query('rollback');
      await client.query(
        'update projection_checkpoints set failed_at_position = $2, error = $3, updated_at = now() where projection = $1 and position = $4',
        [projection.name, String(failure.position), failure.message, String(after)],
      );
      return failure;
    }
    await client.query('update projection_checkpoints set position = $2, failed_at_position = null, error = null, updated_at = now() where projection = $1', [
      projection.name,
      String(last),
    ]);
    await client.query('commit');
    return null;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Makes sure every projection has a checkpoint row, and reads them. */
export async function readCheckpoints(client: PoolClient, projections: readonly Projection[]): Promise<Map<string, bigint>> {
  const names = projections.map((p) => p.name);
  await client.query('insert into projection_checkpoints (projection) select unnest($1::text[]) on conflict do nothing', [names]);
  const { rows } = await client.query<{ projection: string; position: string }>(
    'select projection, position from projection_checkpoints where projection = any($1)',
    [names],
  );
  return new Map(rows.map((row) => [row.projection, BigInt(row.position)]));
}

function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function loadRows(
  client: PoolClient,
  meta: Map<string, TableMeta>,
  projection: Projection,
  events: ProjectedEvent[],
  rows: BatchRows,
): Promise<void> {
  const idsByTable = new Map<string, Set<string>>();
  for (const event of events) {
    for (const { table, id } of projection.keysOf(event)) {
      if (!idsByTable.has(table)) idsByTable.set(table, new Set());
      idsByTable.get(table)!.add(id);
    }
  }
  for (const [table, ids] of idsByTable) {
    const spec = projection.tables.find((s) => s.name === table);
    const tableMeta = meta.get(table);
    if (!spec?.key || !tableMeta?.keyType) throw new Error(`${projection.name} cannot load from ${table}`);
    const { rows: found } = await client.query({
      text: `select * from ${table} where ${spec.key} = any($1::${tableMeta.keyType}[])`,
      values: [[...ids]],
      types: rawDates,
    });
    const loaded = rows.loaded.get(table)!;
    for (const row of found) loaded.set(String(row[spec.key]), row);
    // PostgreSQL spells a uuid in lower case whatever the spelling asked for: a row found under
    // another spelling is not absent, and goes through the upsert as before.
    const canonical = tableMeta.keyType === 'uuid' ? (id: string) => id.toLowerCase() : (id: string) => id;
    const absent = rows.absent.get(table)!;
    for (const id of ids) if (!loaded.has(canonical(id))) absent.add(id);
  }
}

async function writeRows(client: PoolClient, meta: Map<string, TableMeta>, projection: Projection, rows: BatchRows): Promise<void> {
  for (const spec of projection.tables) {
    if (!spec.key) {
      await insertRows(client, meta, spec.name, rows.inserted.get(spec.name)!, 'on conflict do nothing');
      continue;
    }
    const absent = rows.absent.get(spec.name)!;
    const fresh: Row[] = [];
    const existing: Row[] = [];
    for (const [id, row] of rows.changed.get(spec.name)!) (absent.has(id) ? fresh : existing).push(row);
    const { columns } = meta.get(spec.name)!;
    await insertRows(client, meta, spec.name, fresh, '');
    await insertRows(
      client,
      meta,
      spec.name,
      existing,
      `on conflict (${spec.key}) do update set (${columns.join(', ')}) = row(${columns.map((c) => `excluded.${c}`).join(', ')})`,
    );
  }
}

/** One statement for all of a table's rows: one array per column, unnested into rows. */
async function insertRows(client: PoolClient, meta: Map<string, TableMeta>, table: string, rows: Row[], conflict: string): Promise<void> {
  if (rows.length === 0) return;
  const { columns, types } = meta.get(table)!;
  // Cheaper for PostgreSQL than parsing the rows out of one JSON document.
  const arrays = columns.map((column, i) => binaryArray(rows, column, types[i]));
  const unnest = types.map((type, i) => (type === 'jsonb' ? `$${i + 1}::jsonb[]` : type === 'text' ? `$${i + 1}::text[]` : `$${i + 1}::text[]::${type}[]`));
  await client.query(`insert into ${table} (${columns.join(', ')}) select * from unnest(${unnest.join(', ')}) ${conflict}`, arrays);
}

const TEXT_OID = 25;
const JSONB_OID = 3802;
/** jsonb's binary input: a version byte, then the JSON text. */
const JSONB_VERSION = 1;

/**
 * One column's values as a PostgreSQL array in binary form (a Buffer, which pg sends as a
 * binary parameter): the values' text as it is, where pg's array literal escaped every quote
 * and backslash of every JSON document and PostgreSQL unescaped them again. A jsonb column
 * goes as jsonb[], any other as text[], cast in SQL to the column's type, so PostgreSQL parses
 * each value with the same input function as before (a bad value is still a data error).
 */
function binaryArray(rows: Row[], column: string, type: string): Buffer {
  const jsonb = type === 'jsonb';
  const json = jsonb || type === 'json';
  const texts: (string | null)[] = new Array(rows.length);
  const lengths = new Int32Array(rows.length);
  let size = 20;
  let nulls = 0;
  for (let i = 0; i < rows.length; i++) {
    const text = toColumnText(rows[i][column], json);
    texts[i] = text;
    if (text === null) {
      lengths[i] = -1;
      nulls = 1;
      size += 4;
    } else {
      lengths[i] = Buffer.byteLength(text) + (jsonb ? 1 : 0);
      size += 4 + lengths[i];
    }
  }
  const buffer = Buffer.allocUnsafe(size);
  buffer.writeInt32BE(1, 0); // dimensions
  buffer.writeInt32BE(nulls, 4);
  buffer.writeInt32BE(jsonb ? JSONB_OID : TEXT_OID, 8);
  buffer.writeInt32BE(rows.length, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  let offset = 20;
  for (let i = 0; i < rows.length; i++) {
    buffer.writeInt32BE(lengths[i], offset);
    offset += 4;
    const text = texts[i];
    if (text === null) continue;
    if (jsonb) buffer[offset++] = JSONB_VERSION;
    offset += buffer.write(text, offset);
  }
  return buffer;
}

/**
 * A value as its column's text: json as JSON, a Date as ISO 8601, the rest as String() gives.
 * No read-model column is an array type: a JS array would arrive as JSON text, which
 * PostgreSQL refuses as an array literal (a data error, the projection stops), so one added
 * later needs its literal here.
 */
function toColumnText(value: unknown, json: boolean): string | null {
  if (value === undefined || value === null) return null;
  if (json) return JSON.stringify(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
