import { childEnvironment } from '@tracker/config';
import { removeDataDir } from '@tracker/database/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const WEB_BUNDLE_DIR = join(REPO_ROOT, 'dist/apps/web');
/** Where the run keeps the tracker's address (for the test workers) and its output. */
const RUN_DIR = join(REPO_ROOT, 'tmp/e2e');
const STATE_FILE = join(RUN_DIR, 'tracker.json');
export const TRACKER_LOG = join(RUN_DIR, 'tracker.log');

/** First start: an embedded PostgreSQL is initialised, migrated and given the demo data. */
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

/** What the test workers need to know about the tracker under test. */
export interface TrackerUnderTest {
  baseURL: string;
  /** The demo (reference case) program, as `npm start` prints it. */
  demoProgramId: string;
}

export interface RunningTracker extends TrackerUnderTest {
  stop(): Promise<void>;
}

/**
 * Starts the whole tracker the way a person does (`npm start`: apps/api/src/start.main.ts, in
 * development mode, so the development identity provider and the demo data are on), on a free
 * port, with a fresh embedded PostgreSQL in a new folder under /tmp, serving the web bundle
 * already built in dist/apps/web (so it does not build the app at start). Waits for /ready.
 */
export async function startTracker(): Promise<RunningTracker> {
  if (!existsSync(join(WEB_BUNDLE_DIR, 'index.html'))) {
    throw new Error(`No web bundle in ${WEB_BUNDLE_DIR}: build it first (npx nx run web:build; npm run test:e2e does).`);
  }
  mkdirSync(RUN_DIR, { recursive: true });
  // World-readable (mkdtemp makes 0700): as root, embedded PostgreSQL runs as the `postgres`
  // account, which must reach its data folder (tools/compiled-build.e2e.spec.ts does the same).
  const scratch = await mkdtemp(join(tmpdir(), 'tracker-e2e-'));
  await chmod(scratch, 0o755);
  const dataDir = join(scratch, 'data');
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;

  // One open file for both streams: the child's stderr and this process's copy of its stdout
  // share the file's offset, so neither overwrites the other.
  const log = openSync(TRACKER_LOG, 'w');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/start.main.ts'], {
    cwd: REPO_ROOT,
    // Its own process group, so stopping it stops everything it started.
    detached: true,
    stdio: ['ignore', 'pipe', log],
    env: childEnvironment({
      PORT: String(port),
      DATA_DIR: dataDir,
      WEB_BUNDLE_DIR,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      // A person's development start: whatever the calling shell has set for other runs is not it.
      NODE_ENV: undefined,
      DATABASE_URL: undefined,
      EVENTSTORE_URL: undefined,
      AUTH_JWT_SECRET: undefined,
      AUTH_JWKS_URL: undefined,
      WEB_OIDC_AUTHORITY: undefined,
      DEV_IDENTITY_PROVIDER: undefined,
      DEMO_DATA: undefined,
    }),
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    writeSync(log, chunk);
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const stop = async () => {
    await stopGroup(child, exited);
    await removeDataDir(dataDir);
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseURL, exited, () => output);
    const demoProgramId = /demo data: the OTOP e-commerce reference case, program ([0-9a-f-]{36})/.exec(output)?.[1];
    if (!demoProgramId) throw new Error(`The tracker did not load its demo data:\n${output}`);
    const tracker: TrackerUnderTest = { baseURL, demoProgramId };
    writeFileSync(STATE_FILE, `${JSON.stringify(tracker, null, 2)}\n`);
    return { ...tracker, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** The tracker the global setup started (read by the test workers, which are other processes). */
export function trackerUnderTest(): TrackerUnderTest {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as TrackerUnderTest;
}

async function waitUntilReady(baseURL: string, exited: Promise<number | null>, output: () => string): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`The tracker exited (${exitCode}) before it was ready; see ${TRACKER_LOG}:\n${output()}`);
    // /ready answers once the api listens, which start.main.ts does after loading the demo data;
    // the banner (printed after listen) carries the demo program's id.
    const ready = await fetch(`${baseURL}/ready`).then((response) => response.ok, () => false);
    if (ready && output().includes('Web app:')) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The tracker was not ready within ${START_TIMEOUT_MS / 1000} s; see ${TRACKER_LOG}`);
}

/** SIGTERM to the whole group (the tracker stops its api, projector and PostgreSQL), SIGKILL if it hangs. */
async function stopGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((done) => setTimeout(() => done(false), STOP_TIMEOUT_MS))]);
  if (!stopped) {
    signal('SIGKILL');
    await exited;
  }
}

/** A port nobody listens on now (the OS picks it), so parallel runs and other servers do not clash. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}
