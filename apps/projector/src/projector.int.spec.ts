import { childEnvironment } from '@tracker/config';
import { runMigrations } from '@tracker/database';
import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import { eventStoreMigrations, PostgresEventStore, type NewEvent } from '@tracker/event-store';
import { migrateReadModel, READ_MODEL_SCHEMA, readModelProjections, schemaPool } from '@tracker/read-model';
import { randomUUID } from 'node:crypto';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import pino from 'pino';
import { ProjectionRunner } from '@tracker/projection-runner';
import { buildReadModel, rebuildReadModel } from './rebuild';
import { generateEvents } from './testing/event-generator';
import { appendAll, dumpReadModel, waitForCheckpoints } from './testing/projector-testing';

const silent = pino({ level: 'silent' });
const root = join(__dirname, '../../..');

describe('projector', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let store: PostgresEventStore;
  const runners: ProjectionRunner[] = [];

  function startRunner(logger = silent, batchSize?: number): ProjectionRunner {
    const pool = schemaPool({ connectionString: db.url, max: 3 }, READ_MODEL_SCHEMA);
    const runnerStore = new PostgresEventStore(db.pool, { pollIntervalMs: 100 });
    const runner = new ProjectionRunner({ pool, store: runnerStore, projections: readModelProjections, logger, standbyPollMs: 100, batchSize });
    runner.start();
    runners.push(runner);
    pool.on('error', () => undefined);
    const stop = runner.stop.bind(runner);
    let stopped: Promise<void> | undefined;
    runner.stop = () => (stopped ??= stop().then(() => Promise.all([runnerStore.close(), pool.end()])).then(() => undefined));
    return runner;
  }

  beforeEach(async () => {
    db = await createTestDatabase({ max: 20 });
    await runMigrations(db.pool, eventStoreMigrations);
    const readPool = schemaPool({ connectionString: db.url, max: 1 }, READ_MODEL_SCHEMA);
    await migrateReadModel(readPool, READ_MODEL_SCHEMA);
    await readPool.end();
    store = new PostgresEventStore(db.pool, { pollIntervalMs: 100 });
  });

  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await store.close();
    await db.drop();
  });

  /** The read model a clean replay of the whole log produces, for comparison. */
  async function cleanBuild(): Promise<Record<string, unknown[]>> {
    const schema = `expected_${randomUUID().slice(0, 8)}`;
    await buildReadModel({ databaseUrl: db.url, store, schema });
    return dumpReadModel(db.pool, schema);
  }

  describe('given the events of a program', () => {
    it('projects organisations, programs, activities, outcomes and follow-ups into rows', async () => {
      // 38 events: exactly one program of the generator.
      const last = await appendAll(store, generateEvents(38));
      startRunner();
      await waitForCheckpoints(db.pool, READ_MODEL_SCHEMA, last);

      const count = async (table: string) => Number((await db.pool.query(`select count(*) from read_model.${table}`)).rows[0].count);
      expect(await count('organizations')).toBe(3);
      const program = (await db.pool.query('select * from read_model.programs')).rows[0];
      expect(program.partners).toHaveLength(3);
      expect(program.title.th).toBe('โครงการโอทอป 0');
      const outcomes = (await db.pool.query('select amount::text, description from read_model.outcomes order by amount')).rows;
      // Corrections replace the current values; the first outcome was corrected.
      expect(outcomes.map((o) => o.amount)).toContain('1250000.50');
      expect(outcomes.map((o) => o.amount)).toContain('1000000.00');
      const followUps = (await db.pool.query('select status from read_model.follow_ups order by status')).rows.map((r) => r.status);
      expect(followUps).toContain('DONE');
      expect(followUps).toContain('OPEN');
      // Every event but the organisations' touched the program.
      expect(await count('program_events')).toBe(38 - 3);
    });

    it('finds a Thai substring through the trigram index', async () => {
      const last = await appendAll(store, generateEvents(40));
      startRunner();
      await waitForCheckpoints(db.pool, READ_MODEL_SCHEMA, last);
      const client = await db.pool.connect();
      try {
        await client.query('begin');
        // The table is tiny: forbid the sequential scan so the plan shows what the index can do.
        await client.query('set local enable_seqscan = off');
        const query = "select id from read_model.activities where search_text like '%' || lower($1) || '%'";
        const plan = (await client.query(`explain ${query}`, ['หารือ'])).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(plan).toMatch(/activities_search/);
        const found = await client.query(query, ['หารือ']);
        expect(found.rowCount).toBeGreaterThan(0);
        await client.query('rollback');
      } finally {
        client.release();
      }
    });
  });

  describe('when an event cannot be projected', () => {
    const event = (type: string, data: Record<string, unknown>, schemaVersion = 1): NewEvent => ({
      eventId: randomUUID(),
      type,
      schemaVersion,
      data: data as NewEvent['data'],
      metadata: { actor: 'test' },
    });

    it('skips an unknown event type and moves past it', async () => {
      await store.append('future-1', [event('SomethingNewHappened', { x: 1 })], 'no_stream');
      const last = await appendAll(store, generateEvents(4));
      startRunner();
      await waitForCheckpoints(db.pool, READ_MODEL_SCHEMA, last);
      expect(Number((await db.pool.query('select count(*) from read_model.organizations')).rows[0].count)).toBe(3);
    });

    it('stops only the projection a poison event breaks, naming the event', async () => {
      // An activity id that is not a UUID: the activities table refuses it.
      const poison = await store.append(
        'activity-broken',
        [event('ActivityLogged', { activityId: 'not-a-uuid', programId: null, kind: 'MEETING', title: { en: 'x' }, startsOn: '2019-12-16', endsOn: '2019-12-16', location: null, organizerIds: [], participants: [], topics: [], summary: null }, 2)],
        'no_stream',
      );
      const last = await appendAll(store, generateEvents(3));
      startRunner();
      await waitForCheckpoints(db.pool, READ_MODEL_SCHEMA, last);
      const { rows } = await db.pool.query('select projection, position::text, failed_at_position::text, error from read_model.projection_checkpoints');
      const activities = rows.find((r) => r.projection === 'activities');
      expect(activities.failed_at_position).toBe(String(poison.position));
      expect(activities.error).toMatch(/uuid/i);
      expect(Number((await db.pool.query('select count(*) from read_model.organizations')).rows[0].count)).toBe(3);
    });

    it('after a restart, retries the poisoned projection from its place and resumes every other one from its own checkpoint, never moving one back (regression)', async () => {
      // Regression: a restarted projector reads from the lowest checkpoint (the poisoned
      // projection's), and each batch set every projection's checkpoint to the batch's last
      // position, even one already past it: the healthy projections went back to the poison
      // event and replayed everything after it (read-your-writes saw them fall behind).
      const poison = await store.append(
        'activity-broken',
        [event('ActivityLogged', { activityId: 'not-a-uuid', programId: null, kind: 'MEETING', title: { en: 'x' }, startsOn: '2019-12-16', endsOn: '2019-12-16', location: null, organizerIds: [], participants: [], topics: [], summary: null }, 2)],
        'no_stream',
      );
      const last = await appendAll(store, generateEvents(400, 'poison-restart'), 4);
      const first = startRunner();
      await waitForCheckpoints(db.pool, READ_MODEL_SCHEMA, last);
      await first.stop();
      const checkpoints = async () =>
        (
          await db.pool.query<{ projection: string; position: string; failed: string | null; updated: string }>(
            'select projection, position::text, failed_at_position::text as failed, updated_at::text as updated from read_model.projection_checkpoints order by projection',
          )
        ).rows;
      const before = await checkpoints();
      const rows = await dumpReadModel(db.pool, READ_MODEL_SCHEMA);
      expect(before.find((c) => c.projection === 'activities')?.failed).toBe(String(poison.position));
      // Every checkpoint write from here on, so a step back cannot slip by between two polls.
      await db.pool.query(`
        create table read_model.checkpoint_moves (projection text, from_position bigint, to_position bigint);
        create function read_model.record_checkpoint_move() returns trigger language plpgsql as $$
        begin
          if new.position < old.position then
            insert into read_model.checkpoint_moves values (old.projection, old.position, new.position);
          end if;
          return new;
        end $$;
        create trigger checkpoint_moves before update on read_model.projection_checkpoints
          for each row execute function read_model.record_checkpoint_move();`);

      // Small batches: the poisoned projection's place is many batches behind the others'.
      const second = startRunner(silent, 10);
      const retried = async () => {
        const activities = (await checkpoints()).find((c) => c.projection === 'activities')!;
        return activities.updated !== before.find((c) => c.projection === 'activities')!.updated && activities.failed !== null;
      };
      const deadline = Date.now() + 30_000;
      while (!(await retried())) {
        if (Date.now() > deadline) throw new Error('the poisoned projection was not tried again');
        await new Promise((r) => setTimeout(r, 50));
      }
      // Let the restarted projector read on past the poison event, to the head of the log.
      await new Promise((r) => setTimeout(r, 1_500));
      await second.stop();

      expect((await db.pool.query('select projection, from_position::text, to_position::text from read_model.checkpoint_moves')).rows).toEqual([]);
      const after = await checkpoints();
      expect(after.map(({ projection, position, failed }) => ({ projection, position, failed }))).toEqual(
        before.map(({ projection, position, failed }) => ({ projection, position, failed })),
      );
      expect(await dumpReadModel(db.pool, READ_MODEL_SCHEMA)).toEqual(rows);
    });
  });

  describe('with two projectors at once', () => {
    it('gives the same read model as one clean replay, and the standby takes over', async () => {
      const first = startRunner();
      startRunner();
      const events = [...generateEvents(1_500)];
      await appendAll(store, events.slice(0, 1_000), 3);
      await first.stop();
      const last = await appendAll(store, events.slice(1_000), 3);
      await waitForCheckpoints(db.pool, READ_MODEL_SCHEMA, last);
      expect(await dumpReadModel(db.pool, READ_MODEL_SCHEMA)).toEqual(await cleanBuild());
    });
  });

  describe('when the projector process is killed with SIGKILL', () => {
    function spawnProjector(): ChildProcess {
      return spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/projector/src/main.ts')], {
        cwd: root,
        env: childEnvironment({ DATABASE_URL: db.url, PROJECTOR_BATCH_SIZE: '50', LOG_LEVEL: 'warn' }),
        stdio: 'ignore',
      });
    }

    it('resumes from its last commit: the read model equals a clean rebuild', async () => {
      const events = [...generateEvents(6_000, 'kill')];
      await appendAll(store, events.slice(0, 3_000), 5);
      let appended = 3_000;
      for (let round = 0; round < 4; round++) {
        const child = spawnProjector();
        // Let it start and work for a random while, append more meanwhile, then kill it mid-batch.
        const more = appendAll(store, events.slice(appended, appended + 600), 5);
        appended += 600;
        await new Promise((r) => setTimeout(r, 2_500 + Math.random() * 2_000));
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        await more;
      }
      const last = await appendAll(store, events.slice(appended), 5);
      const child = spawnProjector();
      try {
        await waitForCheckpoints(db.pool, READ_MODEL_SCHEMA, last, 60_000);
      } finally {
        child.kill('SIGKILL');
      }
      expect(await dumpReadModel(db.pool, READ_MODEL_SCHEMA)).toEqual(await cleanBuild());
    });
  });

  describe('when the read model is rebuilt under concurrent writes', () => {
    it('swaps in the rebuilt tables and misses nothing', async () => {
      const events = [...generateEvents(4_000, 'rebuild')];
      await appendAll(store, events.slice(0, 2_000), 5);
      // The rebuild drops indexes (primary keys of insert-only tables too) for the load and
      // builds them at the end: the swapped-in schema has every one the migrations made.
      const indexes = () => db.pool.query(`select indexname, indexdef from pg_indexes where schemaname = $1 order by indexname`, [READ_MODEL_SCHEMA]);
      const migrated = (await indexes()).rows;
      expect(migrated).toContainEqual(expect.objectContaining({ indexname: 'program_events_pkey' }));
      startRunner();
      const writing = appendAll(store, events.slice(2_000), 2);
      const rebuilt = await rebuildReadModel({ databaseUrl: db.url, store, batchSize: 300 });
      expect(rebuilt.events).toBeGreaterThanOrEqual(2_000);
      await writing;
      // From the table: readAll may still hold back the newest events while other transactions run.
      const last = BigInt((await db.pool.query('select max(position)::text as last from events')).rows[0].last);
      await waitForCheckpoints(db.pool, READ_MODEL_SCHEMA, last);
      expect(await dumpReadModel(db.pool, READ_MODEL_SCHEMA)).toEqual(await cleanBuild());
      expect((await indexes()).rows).toEqual(migrated);
    });
  });
});
