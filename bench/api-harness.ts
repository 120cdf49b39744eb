/**
 * The api and projector as production runs them (docker/Dockerfile): each compiled by
 * `npm run build` (dist/apps/api/main.js, dist/apps/projector/main.js) and run as a process of
 * its own with NODE_ENV=production and --enable-source-maps, on a fresh database of their own
 * in the embedded PostgreSQL under DATA_DIR (default .data/bench), listening on 127.0.0.1 only.
 * Every HTTP request a bench sends goes to that api process.
 *
 * Beside it, in the bench process, `app`: the api's module built in process (createApp, never
 * listening) on the same database, for what a bench does without HTTP: seeding through the
 * CommandBus, the event store and pools for in-process measurements (EventStore.append), and
 * the read-your-writes wait. Shared by api.bench.ts and history.bench.ts.
 */
import { benchEnvironment, childEnvironment } from '@tracker/config';
import type { INestApplication } from '@nestjs/common';
import { startDatabase, type RunningDatabase } from '@tracker/database';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { ReadYourWrites } from '../apps/api/src/commands/read-your-writes.service';
import { createApp } from '../apps/api/src/create-app';
import { signTestToken } from '../apps/api/src/testing/test-tokens';
import { buildApp, REPO_ROOT, startNodeApp, type NodeAppProcess } from '../tools/compiled-build/node-app-process';

/** What the images run: NODE_ENV=production and NODE_OPTIONS=--enable-source-maps (docker/Dockerfile). */
const PRODUCTION_NODE_ARGS = ['--enable-source-maps'];

export interface BenchApi {
  /** The api's module in the bench process, not listening: CommandBus, EVENT_STORE, PG_POOL... */
  app: INestApplication;
  /** http://127.0.0.1:<port> of the compiled api process. */
  baseUrl: string;
  databaseUrl: string;
  /** `Bearer <JWT>` of a planner (reads, and writes everything a diplomat may). */
  authorization: string;
  /** The api process's resident memory in MiB (Linux /proc): now (VmRSS) and its peak so far (VmHWM). */
  apiMemoryMiB(): { rss: number; peak: number } | null;
  /** Pid of the api process (for a profiler to attach to, or signals). */
  apiPid: number;
  startProjector(): Promise<void>;
  stopProjector(): Promise<void>;
  /** True once every projection has applied `position` (the api's own read-your-writes wait). */
  waitForProjection(position: bigint, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface BenchApiOptions {
  /** Node flags for the api process beside the production ones (`--cpu-prof` to profile it). */
  apiNodeArgs?: string[];
}

export async function startBenchApi(name: string, options: BenchApiOptions = {}): Promise<BenchApi> {
  // Cached by Nx when the sources did not change.
  for (const project of ['api', 'projector']) buildApp(project);
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
  const productionEnv = { NODE_ENV: 'production', DATABASE_URL: databaseUrl, AUTH_JWT_SECRET: jwtSecret, LOG_LEVEL: 'warn' };
  let app: INestApplication | undefined;
  let api: NodeAppProcess | undefined;
  let projector: ProjectorProcess | undefined;
  const dropAll = async () => {
    await api?.stop().catch(() => undefined);
    await projector?.stop().catch(() => undefined);
    projector = undefined;
    await app?.close().catch(() => undefined);
    await admin.query(`drop database if exists ${databaseName} with (force)`).catch(() => undefined);
    await admin.end();
    await database.stop();
  };
  try {
    // The projector migrates the database: it starts first.
    projector = await startProjectorProcess(databaseUrl);
    api = await startNodeApp({ args: [...PRODUCTION_NODE_ARGS, ...(options.apiNodeArgs ?? []), 'dist/apps/api/main.js'], cwd: REPO_ROOT, env: productionEnv });
    app = await createApp({ databaseUrl, jwtSecret, logLevel: 'silent' });
    const token = await signTestToken({ sub: 'bench', roles: ['planner'] }, { secret: jwtSecret, expiresInSeconds: 6 * 3600 });
    const started = app;
    const apiProcess = api;
    return {
      app: started,
      baseUrl: apiProcess.baseUrl,
      databaseUrl,
      authorization: `Bearer ${token}`,
      apiPid: apiProcess.child.pid!,
      apiMemoryMiB: () => memoryMiB(apiProcess.child.pid!),
      startProjector: async () => {
        projector ??= await startProjectorProcess(databaseUrl);
      },
      stopProjector: async () => {
        const running = projector;
        projector = undefined;
        await running?.stop();
      },
      waitForProjection: (position, timeoutMs) => started.get(ReadYourWrites).waitFor(position, timeoutMs),
      close: dropAll,
    };
  } catch (error) {
    await dropAll();
    throw error;
  }
}

interface ProjectorProcess {
  stop(): Promise<void>;
}

/** `node dist/apps/projector/main.js`, production environment; resolves once it holds the projector lock (migrations done). */
async function startProjectorProcess(databaseUrl: string): Promise<ProjectorProcess> {
  const child = spawn(process.execPath, [...PRODUCTION_NODE_ARGS, 'dist/apps/projector/main.js'], {
    cwd: REPO_ROOT,
    env: childEnvironment({ NODE_ENV: 'production', DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', LOG_FORMAT: 'json' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the projector did not become active within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('projector is active')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the projector exited (${code}) before it became active:\n${output}`));
    });
  });
  // Keep reading what it writes (warnings), so a full pipe never blocks it.
  child.stdout.removeAllListeners('data').on('data', () => undefined);
  child.stderr.removeAllListeners('data').on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return {
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function memoryMiB(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return null;
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
