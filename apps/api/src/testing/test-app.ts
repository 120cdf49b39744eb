import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import request from 'supertest';
import { createApp, type ApiOptions } from '../create-app';
import type { Logger } from '../logging/logger';
import { TEST_JWT_SECRET } from './test-tokens';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  database: TestDatabase;
  /** POSTs a GraphQL operation; resolves to supertest's response (body: { data, errors }). */
  graphql(query: string, variables?: Record<string, unknown>, authorization?: string): request.Test;
  close(): Promise<void>;
}

/** The api on a fresh database of its own, with the test secret and no log output. */
export async function startTestApp(options: Partial<ApiOptions> = {}, logger?: Logger): Promise<TestApp> {
  const database = await createTestDatabase();
  let app: INestApplication;
  try {
    app = await createApp({ databaseUrl: database.url, jwtSecret: TEST_JWT_SECRET, logLevel: 'silent', ...options }, logger);
  } catch (error) {
    await database.drop();
    throw error;
  }
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    database,
    graphql: (query, variables, authorization) => {
      const test = http.post('/graphql').set('content-type', 'application/json');
      if (authorization) test.set('authorization', authorization);
      return test.send({ query, variables });
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
