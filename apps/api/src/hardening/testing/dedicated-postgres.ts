import { freePort, postgresRuntime } from '@tracker/database';
import { spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL of a test's own, which it may stop and start again (the shared server of the
 * jest run must never go down). It runs the binaries the apps' embedded server runs, as the
 * same account (`postgresRuntime`: as root, a world-readable copy run as `postgres`, so this
 * works from a private checkout), directly: a restart needs the same data directory and port,
 * which is all `postgres -D <dir> -p <port>` takes.
 */
export interface DedicatedPostgres {
  url: string;
  port: number;
  /** Starts the server (again) on the same data directory and port; resolves once it accepts connections. */
  start(): Promise<void>;
  /**
   * Stops it: `fast` (SIGINT) rolls back open transactions and closes connections, as a
   * restart does; `immediate` (SIGQUIT) drops everything at once and recovers from the WAL at
   * the next start, as after a crash.
   */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops it and deletes its files. */
  destroy(): Promise<void>;
}

export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const root = await mkdtemp(join(tmpdir(), 'tracker-restart-pg-'));
  const dataDir = join(root, 'data');
  const { binDir, user: owner } = await postgresRuntime();
  if (owner) await chown(root, owner.uid, owner.gid);
  await run(join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--locale=C.UTF-8', '--encoding=UTF8'], owner);
  const port = await freePort();
  let server: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    if (server) return;
    const child = spawn(
      join(binDir, 'postgres'),
      // No unix socket: only TCP on localhost, nothing shared with other servers.
      ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=100'],
      { ...owner, cwd: '/', stdio: ['ignore', 'ignore', 'pipe'] },
    );
    server = child;
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    // A test process that dies must not leave its server behind.
    const orphaned = () => child.kill('SIGQUIT');
    process.once('exit', orphaned);
    void exited.then(() => process.removeListener('exit', orphaned));
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-4000);
        if (log.includes('database system is ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`postgres exited (${code}) while starting:\n${log}`)));
    });
  };

  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    const running = server;
    if (!running) return;
    server = undefined;
    running.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    await exited;
  };

  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      await stop('immediate');
      await rm(root, { recursive: true, force: true });
    },
  };
}

function run(command: string, args: string[], owner: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...owner, cwd: '/', stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr}`))));
  });
}

