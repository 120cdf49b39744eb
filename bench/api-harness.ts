/**
 * The api as `npm start` runs it (createApp + the projector in one process), on a fresh
 * database of its own in the embedded PostgreSQL under DATA_DIR (default .data/bench),
 * listening on 127.0.0.1 only. Shared by api.bench.ts and history.bench.ts.
 */
import { benchEnvironment } from '@tracker/config';
import type { INestApplication } from '@nestjs/common';
import { startDatabase, type RunningDatabase } from '@tracker/database';
import { startProjector as startProjectorLoop, type RunningProjector } from '@tracker/projection-runner';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import pino from 'pino';
import { ReadYourWrites } from '../apps/api/src/commands/read-your-writes.service';
import { createApp } from '../apps/api/src/create-app';
import { signTestToken } from '../apps/api/src/testing/test-tokens';

export interface BenchApi {
  app: INestApplication;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  databaseUrl: string;
  /** `Bearer <JWT>` of a planner (reads, and writes everything a diplomat may). */
  authorization: string;
  startProjector(): Promise<void>;
  stopProjector(): Promise<void>;
  /** True once every projection has applied `position` (the api's own read-your-writes wait). */
  waitForProjection(position: bigint, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export async function startBenchApi(name: string): Promise<BenchApi> {
  const database: RunningDatabase = await startDatabase({ databaseUrl: benchEnvironment().DATABASE_URL, dataDir: benchEnvironment().DATA_DIR });
  const databaseName = `bench_${name}_${Date.now()}`;
  const admin = new Pool({ connectionString: database.url, max: 1 });
  // pool.end() resolves before its connections are gone; stopping the server just after makes
  // the closing connection report 57P01 on the pool, which must not crash the process.
  admin.on('error', () => undefined);
  await admin.query(`create database ${databaseName}`);
  const url = new URL(database.url);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();

  const jwtSecret = randomBytes(32).toString('hex');
  let app: INestApplication | undefined;
  let projector: RunningProjector | undefined;
  const dropAll = async () => {
    await projector?.stop().catch(() => undefined);
    projector = undefined;
    await app?.close().catch(() => undefined);
    await admin.query(`drop database if exists ${databaseName} with (force)`).catch(() => undefined);
    await admin.end();
    await database.stop();
  };
  try {
    app = await createApp({ databaseUrl, jwtSecret, logLevel: 'silent' });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const token = await signTestToken({ sub: 'bench', roles: ['planner'] }, { secret: jwtSecret, expiresInSeconds: 6 * 3600 });
    const started = app;
    const bench: BenchApi = {
      app: started,
      baseUrl: `http://127.0.0.1:${port}`,
      databaseUrl,
      authorization: `Bearer ${token}`,
      startProjector: async () => {
        projector ??= await startProjectorLoop({ databaseUrl, logger: pino({ level: 'silent' }) });
      },
      stopProjector: async () => {
        const running = projector;
        projector = undefined;
        await running?.stop();
      },
      waitForProjection: (position, timeoutMs) => started.get(ReadYourWrites).waitFor(position, timeoutMs),
      close: dropAll,
    };
    await bench.startProjector();
    return bench;
  } catch (error) {
    await dropAll();
    throw error;
  }
}

/** POSTs one GraphQL operation to the bench api; throws on any error in the answer. */
export async function graphql<T = Record<string, any>>(
  api: Pick<BenchApi, 'baseUrl' | 'authorization'>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: api.authorization },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body).slice(0, 2000)}`);
  return body.data;
}
