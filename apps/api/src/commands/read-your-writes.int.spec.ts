import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
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
    await database?.drop();
  });

  it('answers false at once when no projector has ever run (no checkpoint table)', async () => {
    const started = Date.now();
    await expect(waiter.waitFor(1n)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(200);
  });

  describe('with checkpoints', () => {
    beforeAll(async () => {
      await database.pool.query('create table projection_checkpoints (projection text primary key, position bigint not null, updated_at timestamptz)');
      await database.pool.query(`insert into projection_checkpoints values ('programs', 10, now()), ('activities', 7, now())`);
    });

    it('answers true when every projection has reached the position', async () => {
      await expect(waiter.waitFor(7n)).resolves.toBe(true);
    });

    it('answers false once the timeout runs out while one projection lags', async () => {
      const started = Date.now();
      await expect(waiter.waitFor(8n)).resolves.toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });

    it('answers true as soon as the slowest projection catches up', async () => {
      setTimeout(() => void database.pool.query(`update projection_checkpoints set position = 12 where projection = 'activities'`), 50);
      await expect(waiter.waitFor(10n, 2000)).resolves.toBe(true);
    });
  });
});
