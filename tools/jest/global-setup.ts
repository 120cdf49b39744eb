// Starts one PostgreSQL for the whole jest run and hands its URL to the tests as
// TEST_DATABASE_URL; each test file then creates a database of its own in it.
// With DATABASE_URL set (any PostgreSQL 14+), that server is used instead.
//
// The server runs as the apps' embedded one does (libs/database/src/local-postgres.ts): as
// root, from the world-readable copy of the binaries and as the `postgres` account, so that
// `npm test` works from a private checkout too. jest transforms this file and what it imports
// with the preset's transform, so the lib's TypeScript loads as is (a relative path: the
// preset's moduleNameMapper does not apply to global setup).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, generatePassword, initCluster, postgresRuntime, startPostmaster } from '../../libs/database/src/local-postgres';

declare global {
  // One server per jest run, stopped by global-teardown.ts; null when DATABASE_URL is used.
  var __trackerPostgres: { stop(): Promise<void> } | null | undefined;
}

export default async function globalSetup(): Promise<void> {
  // jest runs each project's globalSetup in this one process: start PostgreSQL once.
  if (globalThis.__trackerPostgres !== undefined || process.env.TEST_DATABASE_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    globalThis.__trackerPostgres = null;
    return;
  }
  const root = await mkdtemp(join(tmpdir(), 'tracker-test-pg-'));
  // As root the `postgres` account must pass through this folder to its cluster (pg/, 0700).
  await chmod(root, 0o755);
  const pgDir = join(root, 'pg');
  const runtime = await postgresRuntime();
  // A generated password, as the apps' clusters have: no other local account gets in.
  const password = generatePassword();
  const quiet = () => undefined;
  await initCluster(runtime, pgDir, 'postgres', password, quiet);
  const port = await freePort();
  // Durability off: a test cluster is thrown away, and fsync would dominate the run.
  const settings = ['max_connections=300', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
  const server = await startPostmaster(runtime, pgDir, port, settings, quiet);
  globalThis.__trackerPostgres = {
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
  process.env.TEST_DATABASE_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  process.env.TEST_PG_DATA_DIR = pgDir;
}
