import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEnvironment } from '@tracker/config';
import { startDatabase } from './start-database';
import { removeDataDir } from './testing/remove-data-dir';

const REPO_ROOT = resolve(__dirname, '../../..');
const FIXTURE = join(__dirname, 'start-database.fixture.ts');

interface Report {
  source: string;
  port: number;
  rows: string[];
}

describe('startDatabase', () => {
  it('uses the databaseUrl given as it is', async () => {
    const db = await startDatabase({ databaseUrl: 'postgres://someone@db.example:5432/tracker', dataDir: '/nonexistent' });
    expect(db).toMatchObject({ url: 'postgres://someone@db.example:5432/tracker', source: 'DATABASE_URL' });
    await db.stop();
  });

  describe('with embedded PostgreSQL', () => {
    let dataDir: string;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'tracker-start-db-'));
    });
    afterAll(async () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      const pid = await postmasterPid(dataDir);
      if (pid !== null) {
        process.kill(pid, 'SIGINT');
        await waitFor(() => !isAlive(pid));
      }
      await removeDataDir(dataDir);
    });

    it('keeps its data across restarts, stops on SIGTERM, and joins a server left running', async () => {
      const written = await run(dataDir, 'write');
      expect(written).toMatchObject({ source: 'started', rows: ['kept'] });
      expect(await postmasterPid(dataDir)).toBeNull();

      // Restart on the same directory: no new initdb, the data is still there.
      const served = spawnFixture(dataDir, 'serve');
      children.push(served.child);
      expect(await served.report).toMatchObject({ source: 'started', rows: ['kept'] });
      served.child.kill('SIGTERM');
      expect(await served.exit).toBe(0);
      expect(await postmasterPid(dataDir)).toBeNull();

      // A process killed outright leaves its server running; the next start joins it.
      const killed = spawnFixture(dataDir, 'serve');
      children.push(killed.child);
      const orphanPort = (await killed.report).port;
      killed.child.kill('SIGKILL');
      await killed.exit;
      const orphan = await postmasterPid(dataDir);
      expect(orphan).not.toBeNull();

      const joined = await run(dataDir, 'read');
      expect(joined).toEqual({ source: 'reused', port: orphanPort, rows: ['kept'] });
      expect(isAlive(orphan as number)).toBe(true);
    }, 120_000);
  });
});

function spawnFixture(dataDir: string, action: string): { child: ChildProcess; report: Promise<Report>; exit: Promise<number | null> } {
  const env = childEnvironment({ DATABASE_URL: undefined });
  const child = spawn(process.execPath, ['-r', '@swc-node/register', FIXTURE, dataDir, action], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  const report = new Promise<Report>((resolveReport, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line && stdout.includes('\n')) resolveReport(JSON.parse(line) as Report);
    });
    void exit.then((code) => reject(new Error(`fixture ${action} exited (${code}) without a report: ${stderr}`)));
  });
  return { child, report, exit };
}

async function run(dataDir: string, action: string): Promise<Report> {
  const { report, exit } = spawnFixture(dataDir, action);
  const result = await report;
  expect(await exit).toBe(0);
  return result;
}

async function postmasterPid(dataDir: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    return isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolveWait) => setTimeout(resolveWait, 50));
}

