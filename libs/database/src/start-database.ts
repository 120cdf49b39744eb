import { spawnSync } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import {
  freePort,
  generatePassword,
  initCluster,
  LocalPostgresUnavailable,
  POSTGRES_HOME,
  postgresRuntime,
  readPasswordFile,
  startPostmaster,
  writePasswordFile,
  type PostgresRuntime,
} from './local-postgres';

export interface StartDatabaseOptions {
  /** A server of your own (DATABASE_URL): used as is, nothing is started. */
  databaseUrl?: string;
  /** Where the embedded PostgreSQL's data is found (DATA_DIR, by default `.data`). */
  dataDir: string;
  /** Database the apps use, created if missing. Default: `tracker`. */
  database?: string;
  /** PostgreSQL's own log lines (default: dropped; the last ones are quoted if it fails to start). */
  onLog?: (message: string) => void;
}

export interface RunningDatabase {
  /** Connection string for the apps' pools. */
  url: string;
  /** How the server was found: the databaseUrl given, one we started, or one already running on the data dir. */
  source: 'DATABASE_URL' | 'started' | 'reused';
  /** Stops the server if this call started it; otherwise does nothing. Safe to call twice. */
  stop(): Promise<void>;
}

const USER = 'postgres';
/**
 * Before each data folder had a password of its own, every cluster was made with this one,
 * which let any local account connect. Only used to replace it (see adoptLegacyCluster).
 */
const LEGACY_PASSWORD = 'postgres';
/** In DATA_DIR, 0600: the password of the cluster's `postgres` role. */
export const PASSWORD_FILE = 'pg-password';

/**
 * The database bootstrap every app shares. With `databaseUrl`, that server is used as is.
 * Otherwise an embedded PostgreSQL 18 runs on the cluster at `<dataDir>/pg` (initialised on
 * first use, reused afterwards), and the `tracker` database is created if missing. Its
 * `postgres` role has a random password kept in `<dataDir>/pg-password` (0600), made on first
 * start; the server accepts no connection without it.
 *
 * As a normal user `<dataDir>/pg` is the cluster itself. As root, PostgreSQL runs as the
 * `postgres` account (see local-postgres.ts), which may not reach a private `dataDir`: the
 * cluster is then made under /var/lib/tracker-postgres/clusters and `<dataDir>/pg` is a
 * symlink to it, so `ls -l .data` still shows where the data is. `rm -rf .data` removes the
 * link and the password, not that cluster: remove its folder too (a `<cluster>.data-dir` file
 * beside it names the data folder it was made for).
 *
 * If a postmaster already runs on that cluster (another app of this checkout started it, or
 * a previous process was killed without stopping it), we connect to it rather than start a
 * second one, and leave it running when we stop.
 *
 * Signals are the caller's: see `onShutdownSignal`. On process exit a server we started gets
 * a fast shutdown, so a crash does not leave one behind.
 */
export async function startDatabase(options: StartDatabaseOptions): Promise<RunningDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl, source: 'DATABASE_URL', stop: async () => undefined };

  const database = options.database ?? 'tracker';
  const dataDir = resolve(options.dataDir);
  const passwordFile = join(dataDir, PASSWORD_FILE);
  await mkdir(dataDir, { recursive: true });
  const runtime = await postgresRuntime();
  const pgDir = await clusterDirectory(dataDir, runtime);

  const runningPort = await portOfRunningPostmaster(pgDir);
  if (runningPort !== null) {
    const password = (await readPasswordFile(passwordFile)) ?? (await adoptLegacyCluster(runningPort, passwordFile, pgDir));
    await createDatabaseIfMissing(runningPort, password, database);
    return { url: urlFor(runningPort, password, database), source: 'reused', stop: async () => undefined };
  }

  const onLog = options.onLog ?? (() => undefined);
  let password = await readPasswordFile(passwordFile);
  if (!(await exists(join(pgDir, 'PG_VERSION')))) {
    if (password === undefined) {
      password = generatePassword();
      await writePasswordFile(passwordFile, password);
    }
    await initCluster(runtime, pgDir, USER, password, onLog);
  }
  const port = await freePort();
  const server = await startPostmaster(runtime, pgDir, port, [], onLog);
  try {
    password ??= await adoptLegacyCluster(port, passwordFile, pgDir);
    await createDatabaseIfMissing(port, password, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: urlFor(port, password, database), source: 'started', stop: server.stop };
}

/**
 * The cluster's folder. As a normal user: `<dataDir>/pg`. As root: where `<dataDir>/pg` links
 * to, made on first use (see startDatabase); a real `<dataDir>/pg` made by an older version
 * is used where it is, as then (it worked only where the postgres account could reach it).
 */
async function clusterDirectory(dataDir: string, runtime: PostgresRuntime): Promise<string> {
  const link = join(dataDir, 'pg');
  if (!runtime.user) return link;
  const found = await lstat(link).catch(() => undefined);
  if (found?.isSymbolicLink()) return resolve(dataDir, await readlink(link));
  if (found) {
    if (!reachableBy(runtime.user, link)) {
      throw new LocalPostgresUnavailable(`The postgres account cannot reach the cluster ${link}, made in place by an earlier version: let it through the folders above (chmod o+x), remove ${link} to start a new cluster, or set DATABASE_URL.`);
    }
    return link;
  }

  const clusters = join(POSTGRES_HOME, 'clusters');
  await mkdir(clusters, { recursive: true });
  // Explicitly: under a strict umask (077) mkdir's mode would shut the postgres account out.
  await chmod(clusters, 0o755);
  const slug = basename(dirname(dataDir)).replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 40) || 'root';
  const target = await mkdtemp(join(clusters, `${slug}-`));
  await writeFile(`${target}.data-dir`, `${dataDir}\n`);
  try {
    await symlink(target, link);
  } catch (error) {
    // Another app of this checkout linked a cluster at the same moment: use that one.
    await rm(target, { recursive: true, force: true });
    await rm(`${target}.data-dir`, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return resolve(dataDir, await readlink(link));
  }
  return target;
}

/** Whether `user` can enter `dir`: tried as that user, as the kernel decides (ACLs included). */
function reachableBy(user: { uid: number; gid: number }, dir: string): boolean {
  return spawnSync('test', ['-x', dir], { ...user, cwd: '/', stdio: 'ignore' }).status === 0;
}

function urlFor(port: number, password: string, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * A cluster made before data folders had passwords (role password `postgres`, no password
 * file): give it a generated password now, so an old `.data` stops accepting the well-known
 * one on its first start with this version. Under an advisory lock, as two apps may start at
 * once; the file is written before ALTER ROLE and renamed in after, so neither a crash nor the
 * other app ever sees a password the server does not have.
 */
async function adoptLegacyCluster(port: number, passwordFile: string, pgDir: string): Promise<string> {
  const client = new Client({ connectionString: urlFor(port, LEGACY_PASSWORD, 'postgres') });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === '28P01') {
      const found = await readPasswordFile(passwordFile);
      if (found !== undefined) return found;
      // A start that died between ALTER ROLE and the rename below.
      const adopting = await readPasswordFile(`${passwordFile}.adopting`);
      if (adopting !== undefined) {
        await rename(`${passwordFile}.adopting`, passwordFile);
        return adopting;
      }
      throw new LocalPostgresUnavailable(`The password file ${passwordFile} of the cluster at ${pgDir} is missing: restore it, or remove both to start afresh.`, { cause: error });
    }
    throw new Error(`Cannot connect to the PostgreSQL on port ${port}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await client.query('select pg_advisory_lock(1414679378, 4)'); // 'TRKR', 4: password adoption
    const adopted = await readPasswordFile(passwordFile);
    if (adopted !== undefined) return adopted;
    const password = generatePassword();
    const partial = `${passwordFile}.adopting`;
    await writePasswordFile(partial, password);
    await client.query(`alter role ${client.escapeIdentifier(USER)} password ${client.escapeLiteral(password)}`);
    await rename(partial, passwordFile);
    return password;
  } finally {
    await client.end();
  }
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

async function createDatabaseIfMissing(port: number, password: string, database: string): Promise<void> {
  const client = new Client({ connectionString: urlFor(port, password, 'postgres') });
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

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
