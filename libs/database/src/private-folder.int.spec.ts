import { chmod, lstat, mkdtemp, readFile, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { POSTGRES_HOME } from './local-postgres';
import { PASSWORD_FILE, startDatabase, type RunningDatabase } from './start-database';
import { removeDataDir } from './testing/remove-data-dir';

const asRoot = process.getuid?.() === 0;
// As root PostgreSQL runs as the `postgres` account, which cannot enter a 0700 folder of root's:
// the cluster goes outside it. As anyone else the same test runs the normal path.
const who = asRoot
  ? 'as root (the cluster outside the folder, linked from it, run by the postgres account)'
  : 'as a normal user (the cluster inside the folder: not running as root, so the root path is not exercised)';

describe(`startDatabase in a private folder whose path has a space, ${who}`, () => {
  let folder: string;
  let dataDir: string;
  const running: RunningDatabase[] = [];
  let umask: number;

  beforeAll(async () => {
    // A strict umask, as some roots have (regression: the clusters folder was made 0700 under one).
    umask = process.umask(0o077);
    folder = await mkdtemp(join(tmpdir(), 'tracker private '));
    await chmod(folder, 0o700);
    dataDir = join(folder, '.data');
  });
  afterEach(async () => {
    for (const db of running.splice(0).reverse()) await db.stop();
  });
  afterAll(async () => {
    process.umask(umask);
    await removeDataDir(dataDir);
    await rm(folder, { recursive: true, force: true });
  });

  async function start(): Promise<RunningDatabase> {
    const db = await startDatabase({ dataDir });
    running.push(db);
    return db;
  }

  it('gets a working database, which a second start finds again with its data', async () => {
    const first = await start();
    expect(first.source).toBe('started');
    await withClient(first.url, async (client) => {
      await client.query('create table notes (body text)');
      await client.query(`insert into notes values ('kept')`);
    });
    const pg = await lstat(join(dataDir, 'pg'));
    if (asRoot) {
      expect(pg.isSymbolicLink()).toBe(true);
      const cluster = await readlink(join(dataDir, 'pg'));
      expect(cluster.startsWith(join(POSTGRES_HOME, 'clusters'))).toBe(true);
      expect((await stat(cluster)).uid).not.toBe(0);
    } else {
      expect(pg.isDirectory()).toBe(true);
    }

    // Another app of the checkout joins the running server, with the same password.
    const joined = await start();
    expect(joined.source).toBe('reused');
    expect(await notes(joined.url)).toEqual(['kept']);

    for (const db of running.splice(0).reverse()) await db.stop();
    const again = await start();
    expect(again.source).toBe('started');
    expect(await notes(again.url)).toEqual(['kept']);
  }, 60_000);

  it('connects with a generated password kept in a file only its owner can read, and refuses `postgres`', async () => {
    const db = await start();
    const kept = (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
    expect(kept).toMatch(/^[0-9a-f]{32}$/);
    expect(decodeURIComponent(new URL(db.url).password)).toBe(kept);
    expect((await stat(join(dataDir, PASSWORD_FILE))).mode & 0o777).toBe(0o600);
    await expect(withClient(withPassword(db.url, 'postgres'), async () => undefined)).rejects.toMatchObject({ code: '28P01' });
  }, 60_000);

  it('gives a data folder made with the old fixed password a generated one on its next start', async () => {
    // What an older version left: role password `postgres`, no password file.
    const db = await start();
    await withClient(db.url, (client) => client.query(`alter role postgres password 'postgres'`));
    await db.stop();
    running.splice(0);
    await rm(join(dataDir, PASSWORD_FILE));

    const adopted = await start();
    const kept = (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
    expect(kept).toMatch(/^[0-9a-f]{32}$/);
    expect((await stat(join(dataDir, PASSWORD_FILE))).mode & 0o777).toBe(0o600);
    expect(await notes(adopted.url)).toEqual(['kept']);
    await expect(withClient(withPassword(adopted.url, 'postgres'), async () => undefined)).rejects.toMatchObject({ code: '28P01' });
  }, 60_000);
});

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function notes(url: string): Promise<string[]> {
  return withClient(url, async (client) => (await client.query<{ body: string }>('select body from notes')).rows.map((row) => row.body));
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}
