import type { PoolClient } from 'pg';
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
    meta.set(spec.name, { columns: columns.map((c) => c.column_name), keyType: key ? key.udt_name : null });
  }
  return meta;
}

/** One projection's view of the batch: the rows it loaded, and what it changed. */
class BatchRows implements RowStore {
  readonly loaded = new Map<string, Map<string, Row>>();
  readonly changed = new Map<string, Map<string, Row>>();
  readonly inserted = new Map<string, Row[]>();

  constructor(private readonly specs: readonly TableSpec[]) {
    for (const spec of specs) {
      this.loaded.set(spec.name, new Map());
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
 * One batch, as one transaction: the rows every projection changed and the new checkpoints
 * commit together, so a crash at any point leaves the read model exactly at the last
 * commit (exactly-once). The BATCH advisory lock and the checkpoint rows' FOR UPDATE keep
 * batches and a rebuild's swap from interleaving; if a checkpoint is not where the caller
 * believes it is, nothing is written and CheckpointMovedError is thrown.
 *
 * Each projection runs inside a savepoint: one that throws, in its code or in SQL, is
 * rolled back alone, stopped at that event, and the others commit. `last` is the position
 * of the batch's last stored event, which may be one this code skipped (an unknown type).
 */
export async function commitBatch(
  client: PoolClient,
  meta: Map<string, TableMeta>,
  projections: readonly Projection[],
  state: ProjectionPositions,
  events: ProjectedEvent[],
  last: bigint,
  notifyChannel: string | null,
): Promise<ProjectionFailure[]> {
  const names = projections.map((p) => p.name);
  const failures: ProjectionFailure[] = [];
  await client.query('begin');
  try {
    await client.query('select pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, BATCH_LOCK]);
    const { rows } = await client.query<{ projection: string; position: string }>(
      'select projection, position from projection_checkpoints where projection = any($1) for update',
      [names],
    );
    for (const row of rows) {
      if (BigInt(row.position) !== (state.positions.get(row.projection) ?? 0n)) throw new CheckpointMovedError(row.projection);
    }
    for (const projection of projections) {
      if (state.failed.has(projection.name)) continue;
      const after = state.positions.get(projection.name) ?? 0n;
      const mine = events.filter((e) => e.position > after);
      await client.query('savepoint projection');
      try {
        const rowsOf = new BatchRows(projection.tables);
        await loadRows(client, meta, projection, mine, rowsOf);
        let failure: ProjectionFailure | undefined;
        for (const event of mine) {
          try {
            projection.apply(event, rowsOf);
          } catch (error) {
            failure = { projection: projection.name, position: event.position, type: event.type, message: messageOf(error), error };
            break;
          }
        }
        if (failure) throw failure;
        await writeRows(client, meta, projection, rowsOf);
        await client.query(
          'update projection_checkpoints set position = $2, failed_at_position = null, error = null, updated_at = now() where projection = $1',
          [projection.name, String(last)],
        );
        await client.query('release savepoint projection');
      } catch (thrown) {
        await client.query('rollback to savepoint projection');
        const failure: ProjectionFailure = isFailure(thrown)
          ? thrown
          : { projection: projection.name, position: mine[0]?.position ?? last, type: mine[0]?.type ?? 'unknown', message: messageOf(thrown), error: thrown };
        await client.query(
          'update projection_checkpoints set failed_at_position = $2, error = $3, updated_at = now() where projection = $1',
          [projection.name, String(failure.position), failure.message],
        );
        failures.push(failure);
      }
    }
    if (notifyChannel) await client.query('select pg_notify($1, $2)', [notifyChannel, String(last)]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  for (const projection of projections) {
    if (state.failed.has(projection.name)) continue;
    const failure = failures.find((f) => f.projection === projection.name);
    if (failure) state.failed.set(projection.name, failure);
    else state.positions.set(projection.name, last);
  }
  return failures;
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

function isFailure(value: unknown): value is ProjectionFailure {
  return typeof value === 'object' && value !== null && 'projection' in value && 'position' in value && 'message' in value;
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
  }
}

async function writeRows(client: PoolClient, meta: Map<string, TableMeta>, projection: Projection, rows: BatchRows): Promise<void> {
  for (const spec of projection.tables) {
    const { columns } = meta.get(spec.name)!;
    const list = columns.join(', ');
    const changed = spec.key ? [...rows.changed.get(spec.name)!.values()] : rows.inserted.get(spec.name)!;
    if (changed.length === 0) continue;
    // jsonb_populate_recordset turns the JSON rows into typed table rows in one statement.
    const conflict = spec.key
      ? `on conflict (${spec.key}) do update set (${list}) = row(${columns.map((c) => `excluded.${c}`).join(', ')})`
      : 'on conflict do nothing';
    await client.query(
      `insert into ${spec.name} (${list}) select ${list} from jsonb_populate_recordset(null::${spec.name}, $1::jsonb) ${conflict}`,
      [JSON.stringify(changed)],
    );
  }
}
