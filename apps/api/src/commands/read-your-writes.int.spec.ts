import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import { CHECKPOINTS_CHANNEL } from '@tracker/read-model';
import type { Pool } from 'pg';
import { resolveApiOptions } from '../config/api-options';
import { ReadYourWrites } from './read-your-writes.service';

describe('ReadYourWrites', () => {
  let database: TestDatabase;
  let waiter: ReadYourWrites;

  beforeAll(async () => {
    database = await createTestDatabase();
    waiter = new ReadYourWrites(database.pool, resolveApiOptions({ databaseUrl: database.url, readYourWritesTimeoutMs: 300 }));
  });

  afterAll(async () => {
    await waiter?.onApplicationShutdown();
    await database?.drop();
  });

  const setCheckpoint = (projection: string, position: number) =>
    database.pool.query('update read_model.projection_checkpoints set position = $2 where projection = $1', [projection, position]);
  const setCheckpoints = (position: number) => setCheckpoint('programs', position).then(() => setCheckpoint('activities', position));
  const notify = (position: number) => database.pool.query('select pg_notify($1, $2)', [CHECKPOINTS_CHANNEL, String(position)]);

  it('answers false at once when no projector has ever run (no checkpoint table)', async () => {
    const started = Date.now();
    await expect(waiter.waitFor(1n, 5000)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  describe('with checkpoints', () => {
    beforeAll(async () => {
      await database.pool.query(`
        create schema read_model;
        create table read_model.projection_checkpoints (
          projection text primary key, position bigint not null, failed_at_position bigint, error text, updated_at timestamptz
        );
        insert into read_model.projection_checkpoints (projection, position) values ('programs', 10), ('activities', 7);`);
    });

    it('answers true when every projection has reached the position', async () => {
      await expect(waiter.waitFor(7n)).resolves.toBe(true);
    });

    it('answers false once the timeout runs out while one projection lags', async () => {
      const started = Date.now();
      await expect(waiter.waitFor(8n)).resolves.toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });

    it('wakes on the projector notification, long before the fallback poll would', async () => {
      setTimeout(() => void setCheckpoints(12).then(() => notify(12)), 50);
      const started = Date.now();
      await expect(waiter.waitFor(11n, 5000)).resolves.toBe(true);
      expect(Date.now() - started).toBeLessThan(600);
    });

    it('releases every waiter the notification satisfies, and only those', async () => {
      const reached = [waiter.waitFor(13n, 5000), waiter.waitFor(14n, 5000)];
      const beyond = waiter.waitFor(20n, 800);
      setTimeout(() => void setCheckpoints(15).then(() => notify(15)), 50);
      await expect(Promise.all(reached)).resolves.toEqual([true, true]);
      await expect(beyond).resolves.toBe(false);
    });

    it('catches up through the slow poll when a notification is lost', async () => {
      setTimeout(() => void setCheckpoints(16), 50);
      const started = Date.now();
      await expect(waiter.waitFor(16n, 3000)).resolves.toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    });

    it('does not wait for a projection stopped at a poison event', async () => {
      await database.pool.query(
        `insert into read_model.projection_checkpoints (projection, position, failed_at_position, error) values ('outcomes', 3, 4, 'boom')`,
      );
      await expect(waiter.waitFor(16n)).resolves.toBe(true);
    });

    describe('whenCaughtUp (the programChanged signal)', () => {
      it('waits past the mutations\' deadline and resolves with the checkpoint that reached the position', async () => {
        // Caught up 400 ms from now, past readYourWritesTimeoutMs (300): waitFor would answer false.
        setTimeout(() => void setCheckpoints(21).then(() => notify(21)), 400);
        await expect(waiter.whenCaughtUp(20n, new AbortController().signal)).resolves.toBe(21n);
      });

      it('resolves null when cancelled (the subscriber went away)', async () => {
        const cancel = new AbortController();
        const waiting = waiter.whenCaughtUp(1_000n, cancel.signal);
        cancel.abort();
        await expect(waiting).resolves.toBeNull();
      });
    });
  });

  describe('when the database goes away after the append', () => {
    it('answers "not projected" at the deadline instead of failing the mutation whose events are stored (regression)', async () => {
      // Regression: the first checkpoint read was not guarded, so a mutation whose append had
      // committed answered an error when PostgreSQL went away just after it.
      const broken = {
        query: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
      } as unknown as Pool;
      const unreachable = resolveApiOptions({ databaseUrl: 'postgres://postgres@127.0.0.1:1/tracker', readYourWritesTimeoutMs: 300 });
      const orphan = new ReadYourWrites(broken, unreachable);
      try {
        const started = Date.now();
        await expect(orphan.waitFor(5n)).resolves.toBe(false);
        expect(Date.now() - started).toBeGreaterThanOrEqual(290);
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        await orphan.onApplicationShutdown();
      }
    });
  });
});
