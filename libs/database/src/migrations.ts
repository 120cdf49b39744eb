import type { Pool } from 'pg';

/**
 * One schema change. `id` is recorded in `schema_migrations` once applied and is never
 * applied again, so ids are forever: prefix them with the owning lib
 * ("event-store/001-events") because every lib's migrations share that one table.
 */
export interface Migration {
  id: string;
  sql: string;
}

/**
 * Advisory lock key (two-int form) that serialises migration runners on one database.
 * The first int namespaces the tracker's locks ('TRKR'); the event store uses (TRKR, 1).
 */
const LOCK_NAMESPACE = 0x54524b52;
const MIGRATIONS_LOCK = 0;

/**
 * Applies, in list order, the migrations not yet recorded in `schema_migrations`, each in
 * its own transaction together with its record, and returns the ids it applied.
 *
 * Several processes may start at once (api and projector replicas): a session-level advisory
 * lock makes them take turns, so the second one finds everything applied. A failing
 * migration rolls back alone and stops the run; the ones before it stay applied.
 * Ids recorded but absent from `migrations` belong to other libs and are left alone.
 */
export async function runMigrations(pool: Pool, migrations: readonly Migration[]): Promise<string[]> {
  assertUniqueIds(migrations);
  const client = await pool.connect();
  let healthy = true;
  try {
    await client.query('select pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, MIGRATIONS_LOCK]);
    try {
      // Under the lock: concurrent `create table if not exists` can still collide.
      await client.query(
        'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
      );
      const { rows } = await client.query<{ id: string }>('select id from schema_migrations');
      const applied = new Set(rows.map((row) => row.id));
      const done: string[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.id)) continue;
        await client.query('begin');
        try {
          await client.query(migration.sql);
          await client.query('insert into schema_migrations (id) values ($1)', [migration.id]);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw new Error(`Migration ${migration.id} failed: ${(error as Error).message}`, { cause: error });
        }
        done.push(migration.id);
      }
      return done;
    } finally {
      await client.query('select pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, MIGRATIONS_LOCK]).catch(() => {
        healthy = false;
      });
    }
  } catch (error) {
    healthy = false;
    throw error;
  } finally {
    // A session lock outlives a failed unlock: drop the connection rather than pool it.
    client.release(!healthy);
  }
}

function assertUniqueIds(migrations: readonly Migration[]): void {
  const seen = new Set<string>();
  for (const { id } of migrations) {
    if (seen.has(id)) throw new Error(`Duplicate migration id ${id}`);
    seen.add(id);
  }
}
