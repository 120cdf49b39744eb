import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import { startProjector, type RunningProjector } from '@tracker/projection-runner';
import pino from 'pino';
import request from 'supertest';
import { createApp, type ApiOptions } from '../create-app';
import type { Logger } from '../logging/logger';
import { TEST_JWT_SECRET } from './test-tokens';

interface TestAppOptions extends Partial<ApiOptions> {
  /**
   * Run the projector in this process, on the same database, so mutations read their writes
   * (`startProjector`/`stopProjector` switch it later). Without it, the read model stays empty
   * and mutations answer `projected: false` after readYourWritesTimeoutMs.
   */
  projector?: boolean;
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  database: TestDatabase;
  /** POSTs a GraphQL operation; resolves to supertest's response (body: { data, errors }). */
  graphql(query: string, variables?: Record<string, unknown>, authorization?: string): request.Test;
  /** How many events the store holds: what a refused or repeated command must not change. */
  eventCount(): Promise<number>;
  startProjector(): Promise<void>;
  stopProjector(): Promise<void>;
  close(): Promise<void>;
}

/** The api on a fresh database of its own, with the test secret and no log output. */
export async function startTestApp(options: TestAppOptions = {}, logger?: Logger): Promise<TestApp> {
  const { projector: withProjector, ...apiOptions } = options;
  const database = await createTestDatabase();
  let app: INestApplication;
  try {
    app = await createApp({ databaseUrl: database.url, jwtSecret: TEST_JWT_SECRET, logLevel: 'silent', ...apiOptions }, logger);
  } catch (error) {
    await database.drop();
    throw error;
  }
  let projector: RunningProjector | undefined;
  const http = request(app.getHttpServer());
  const testApp: TestApp = {
    app,
    http,
    database,
    graphql: (query, variables, authorization) => {
      const test = http.post('/graphql').set('content-type', 'application/json');
      if (authorization) test.set('authorization', authorization);
      return test.send({ query, variables });
    },
    eventCount: async () => {
      const { rows } = await database.pool.query<{ count: number }>('select count(*)::int as count from events');
      return rows[0].count;
    },
    startProjector: async () => {
      projector ??= await startProjector({ databaseUrl: database.url, logger: pino({ level: 'silent' }), batchSize: 200 });
    },
    stopProjector: async () => {
      const running = projector;
      projector = undefined;
      await running?.stop();
    },
    close: async () => {
      await testApp.stopProjector();
      await app.close();
      await database.drop();
    },
  };
  if (withProjector) {
    try {
      await testApp.startProjector();
    } catch (error) {
      await app.close();
      await database.drop();
      throw error;
    }
  }
  return testApp;
}
