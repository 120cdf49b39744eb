import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../testing/test-app';

// A bundle shaped like `vite build`'s output, so these tests need no build of apps/web.
function fakeBundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/app-Ab12Cd34.js"></script>');
  writeFileSync(join(dir, 'graphiql.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(join(dir, 'assets', 'app-Ab12Cd34.js'), 'console.log("app")');
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
  return dir;
}

describe('the web app served by the api', () => {
  let api: TestApp;
  let bundle: string;

  beforeAll(async () => {
    bundle = fakeBundle();
    api = await startTestApp({ web: { dir: bundle } });
  });

  afterAll(async () => {
    await api?.close();
    rmSync(bundle, { recursive: true, force: true });
  });

  it('answers / and every app path with index.html, revalidated on each visit', async () => {
    for (const path of ['/', '/programs', '/programs/20000000-0000-4000-8000-000000000001', '/auth/callback?code=x&state=y']) {
      const page = await api.http.get(path).set('accept', 'text/html').expect(200);
      expect(page.text).toContain('<title>app</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const script = await api.http.get('/assets/app-Ab12Cd34.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset with 404, not with the app page', async () => {
    const missing = await api.http.get('/assets/app-Old00000.js');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<title>app</title>');
  });

  it('serves the GraphQL explorer at /graphiql, and sends a browser opening /graphql there', async () => {
    const explorer = await api.http.get('/graphiql').set('accept', 'text/html').expect(200);
    expect(explorer.text).toContain('<title>explorer</title>');
    expect(explorer.headers['content-security-policy']).toContain("worker-src 'self' blob:");
    const visit = await api.http.get('/graphql').set('accept', 'text/html,application/xhtml+xml').expect(302);
    expect(visit.headers.location).toBe('/graphiql');
  });

  it('leaves the api its own paths: GraphQL, health, metrics', async () => {
    const query = await api.http.get('/graphql').query({ query: '{ __typename }' }).set('accept', 'application/json').set('apollo-require-preflight', 'true').expect(200);
    expect(query.body).toEqual({ data: { __typename: 'Query' } });
    const health = await api.http.get('/health').set('accept', 'text/html').expect(200);
    expect(health.text).not.toContain('<title>app</title>');
    const metrics = await api.http.get('/metrics').set('accept', 'text/html').expect(200);
    expect(metrics.text).toContain('tracker_');
  });

  it('serves other files at the top of the bundle by name', async () => {
    const robots = await api.http.get('/robots.txt').expect(200);
    expect(robots.text).toBe('User-agent: *');
  });
});

describe('an api without a web app', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers / with 404', async () => {
    await api.http.get('/').set('accept', 'text/html').expect(404);
  });
});
