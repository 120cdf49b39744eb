import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logging/logger';

/**
 * Where the web app (apps/web) comes from: a built bundle (`vite build` -> dist/apps/web), or,
 * for a developer's `npm start`, its sources, built at start and rebuilt on every change
 * (buildWebApp) into a bundle served the same way.
 */
export type WebAppSource = { kind: 'bundle'; dir: string } | { kind: 'sources'; root: string; dir: string };

/** A bundle the api serves: the folder holding index.html, graphiql.html and assets/. */
export interface WebBundle {
  dir: string;
}

/**
 * Paths the api answers itself; everything else a browser asks for is the web app's. Kept in
 * one list so a new api path cannot be shadowed by the app's index.html without a test noticing.
 */
export const API_PATHS = ['/graphql', '/health', '/ready', '/metrics', '/oidc', '/web-config.json'];

const isApiPath = (path: string) => API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

// The pages name the current hashed files: always ask again (a 304 costs little).
const REVALIDATE = 'no-cache';

/**
 * The bundle's pages may load code only from this origin; Mantine and GraphiQL's editor set
 * inline styles, and the editor's language services run in workers made from blob: URLs.
 * connect-src and frame-src add the identity provider (its token endpoint is fetched, and
 * silent renewal may use a hidden frame) when it lives elsewhere.
 */
export function contentSecurityPolicy(identityProviderOrigin?: string): string {
  const provider = identityProviderOrigin ? ` ${identityProviderOrigin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${provider}`,
    `frame-src 'self'${provider}`,
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/**
 * Serves the web app from the api's own port: GET / and every app path get index.html (the app
 * routes in the browser), /graphiql the explorer, /assets/* the hashed files. Registered before
 * the api's routes but never answering an api path (API_PATHS).
 */
export function serveWebApp(app: INestApplication, source: WebBundle, logger: Logger, identityProviderOrigin?: string): void {
  if (!existsSync(join(source.dir, 'index.html'))) {
    logger.warn({ dir: source.dir }, 'no web app bundle here: run `npm run build` (or `npx nx build web`); the api serves GraphQL only');
  }
  const csp = contentSecurityPolicy(identityProviderOrigin);
  const page = (file: string) => (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    res.setHeader('cache-control', REVALIDATE);
    res.setHeader('content-security-policy', csp);
    res.setHeader('x-content-type-options', 'nosniff');
    res.sendFile(join(source.dir, file), (error) => error && next());
  };
  // Hashed names (app-DQ5wZAD_.js) change with their content, so a browser may keep them a year.
  // A missing asset is a 404, never index.html: a stale page must fail loudly, not run HTML as JS.
  app.use('/assets', express.static(join(source.dir, 'assets'), { index: false, fallthrough: false, immutable: true, maxAge: '365d' }));
  app.use('/graphiql', page('graphiql.html'));
  app.use((req: Request, res: Response, next: NextFunction) => {
    // Other files at the top of the bundle (favicon, robots.txt) by name; any other path is a page.
    if (req.path !== '/' && !req.path.endsWith('.html') && existsSync(join(source.dir, req.path))) return next();
    return page('index.html')(req, res, next);
  });
  app.use(express.static(source.dir, { index: false, maxAge: 0, setHeaders: (res) => res.setHeader('cache-control', REVALIDATE) }));
}

/**
 * The bundle for `source`, ready to serve: a built one as it is; sources built first and then
 * watched. Returns how to stop watching.
 */
export async function prepareWebApp(source: WebAppSource, logger: Logger): Promise<{ bundle: WebBundle; close(): Promise<void> }> {
  if (source.kind === 'bundle') return { bundle: { dir: source.dir }, close: async () => undefined };
  return { bundle: { dir: source.dir }, close: await buildAndWatch(source.root, logger) };
}

/**
 * Development: the same bundle production serves, built from apps/web when the api starts and
 * rebuilt on every change (reload the page to see it). One build path for both keeps the
 * development app exactly what ships (headers, code splitting, GraphiQL's workers, which Vite's
 * on-demand dev server cannot pre-bundle). Vite is a development dependency, loaded only here.
 */
async function buildAndWatch(root: string, logger: Logger): Promise<() => Promise<void>> {
  const { build } = await import('vite');
  const started = Date.now();
  const watcher = await build({ configFile: join(root, 'vite.config.mts'), root, logLevel: 'warn', build: { watch: {} } });
  if (!('on' in watcher)) return async () => undefined;
  await new Promise<void>((resolve) => {
    watcher.on('event', (event) => {
      if (event.code === 'END') {
        logger.info({ ms: Date.now() - started }, 'web app built; rebuilt on every change under apps/web');
        resolve();
      } else if (event.code === 'ERROR') {
        logger.error({ err: event.error }, 'web app build failed; fix it and save: it builds again');
        resolve();
      }
      if (event.code === 'BUNDLE_END' || event.code === 'ERROR') void event.result?.close();
    });
  });
  return () => watcher.close();
}

/** Where the bundle or the sources are, from how the api was started (see start.main.ts). */
export function webAppSource(options: { production: boolean; bundleDir?: string }, appDir: string): WebAppSource {
  if (options.bundleDir) return { kind: 'bundle', dir: options.bundleDir };
  // Compiled (dist/apps/api): the bundle sits beside it in dist/apps/web. From sources
  // (apps/api/src under @swc-node/register): apps/web is built into dist/apps/web at start.
  if (options.production) return { kind: 'bundle', dir: join(appDir, '..', 'web') };
  return { kind: 'sources', root: join(appDir, '..', '..', 'web'), dir: join(appDir, '..', '..', '..', 'dist', 'apps', 'web') };
}
