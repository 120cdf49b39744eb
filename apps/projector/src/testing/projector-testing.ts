import type { EventStore } from '@tracker/event-store';
import type { Pool } from 'pg';
import type { GeneratedEvent } from './event-generator';

/** Appends generated events in order, each stream's events in their own order. */
export async function appendAll(store: EventStore, events: Iterable<GeneratedEvent>, chunk = 1): Promise<bigint> {
  let last = 0n;
  let batch: GeneratedEvent[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await store.append(batch[0].streamId, batch.map((b) => b.event), 'any');
    last = result.position;
    batch = [];
  };
  for (const generated of events) {
    if (batch.length > 0 && (batch[0].streamId !== generated.streamId || batch.length >= chunk)) await flush();
    batch.push(generated);
  }
  await flush();
  return last;
}

const TABLES = [
  'organizations',
  'programs',
  'agreements',
  'activities',
  'outcomes',
  'follow_ups',
  'program_streams',
  'program_events',
  'organization_programs',
];

/** Every row of every read-model table in `schema`, in a stable order, for comparisons. */
export async function dumpReadModel(pool: Pool, schema: string): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const { rows } = await pool.query(`select to_jsonb(t) as row from ${schema}.${table} t order by to_jsonb(t)::text`);
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}

/** Resolves once every projection's checkpoint in `schema` reached `position`. */
export async function waitForCheckpoints(pool: Pool, schema: string, position: bigint, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool
      .query(`select min(position)::text as min from ${schema}.projection_checkpoints where failed_at_position is null`)
      .catch(() => ({ rows: [{ min: null }] }));
    if (rows[0].min !== null && BigInt(rows[0].min) >= position) return;
    if (Date.now() > deadline) throw new Error(`checkpoints of ${schema} did not reach ${position} (at ${rows[0].min})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
