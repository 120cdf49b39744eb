import { testEnvironment } from '@tracker/config';
import { randomBytes } from 'node:crypto';
import { Client, Pool, type PoolConfig } from 'pg';

export interface TestDatabase {
  name: string;
  url: string;
  /** A pool on the database, ended by drop(). Create more from `url` when a test needs other settings. */
  pool: Pool;
  /** Ends the pool and drops the database (terminating any connection left open). */
  drop(): Promise<void>;
}

/**
 * Creates a fresh database `t_<random>` in the server jest's global setup started
 * (TEST_DATABASE_URL, an admin URL), so test files running side by side never share state.
 */
export async function createTestDatabase(poolConfig: PoolConfig = {}): Promise<TestDatabase> {
  const adminUrl = testEnvironment().testDatabaseUrl;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: run through jest (tools/jest/global-setup.ts)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, (admin) => admin.query(`create database ${name}`));

  const url = withDatabase(adminUrl, name);
  const pool = new Pool({ ...poolConfig, connectionString: url });
  // An idle pooled connection killed by drop() must not crash the test process.
  pool.on('error', () => undefined);
  let dropped: Promise<void> | undefined;
  const drop = () =>
    (dropped ??= (async () => {
      await pool.end();
      await asAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    })());
  return { name, url, pool, drop };
}

async function asAdmin(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
