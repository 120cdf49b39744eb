import type { EventStore } from '@tracker/event-store';
import type { Pool } from 'pg';
import { createLogger } from '../logging/logger';
import { MetricsService } from '../metrics/metrics.service';
import type { ReadDatabase } from '../read-model/read-database';
import { ReadinessService } from './readiness.service';

const answers = () => Promise.resolve({ rows: [{ events: false, checkpoints: false }] });
const refuses = () => Promise.reject(new Error('connect ECONNREFUSED'));

function readiness(connections: { pool: () => Promise<unknown>; readModel: () => Promise<unknown>; eventStore: () => Promise<unknown> }) {
  return new ReadinessService(
    { query: connections.pool } as unknown as Pool,
    { query: connections.readModel } as unknown as ReadDatabase,
    { readStream: connections.eventStore } as unknown as EventStore,
    new MetricsService(),
    createLogger('silent'),
  );
}

describe('readiness', () => {
  it('is ok when the pool, the read model and the event store all answer', async () => {
    await expect(readiness({ pool: answers, readModel: answers, eventStore: answers }).check()).resolves.toEqual({
      status: 'ok',
      database: 'up',
      readModel: 'up',
      eventStore: 'up',
    });
  });

  it('is unavailable when only the read side cannot connect, though the pool answers', async () => {
    await expect(readiness({ pool: answers, readModel: refuses, eventStore: answers }).check()).resolves.toEqual({
      status: 'unavailable',
      database: 'up',
      readModel: 'down',
      eventStore: 'up',
    });
  });

  it('is unavailable when only the event store (EventStoreDB) cannot be reached', async () => {
    await expect(readiness({ pool: answers, readModel: answers, eventStore: refuses }).check()).resolves.toEqual({
      status: 'unavailable',
      database: 'up',
      readModel: 'up',
      eventStore: 'down',
    });
  });
});
