import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { resolveApiOptions, type ApiOptions } from './config/api-options';
import { createDevIdentityProvider, DEV_IDENTITY_PROVIDER_PATH } from './dev-identity-provider/dev-identity-provider';
import { GRAPHQL_PATH } from './graphql/graphql.config';
import { httpObserver } from './http/http-observer.middleware';
import { jsonBody } from './http/json-body.middleware';
import { LoadShedder, shedLoad } from './load-shedding/load-shedding.middleware';
import { createLogger, PinoNestLogger, type Logger } from './logging/logger';
import { requestContextMiddleware } from './logging/request-context';
import { MetricsService } from './metrics/metrics.service';
import { explorerOnBrowserVisit } from './web/explorer-redirect';
import { serveWebApp } from './web/web-app';

export type { ApiOptions } from './config/api-options';

/**
 * Builds the api, initialised but not listening: main.ts calls listen(), e2e tests hand
 * app.getHttpServer() to supertest. Close it with app.close() (pool and event store too).
 */
export async function createApp(options: ApiOptions, logger?: Logger): Promise<INestApplication> {
  const resolved = resolveApiOptions(options);
  const log = logger ?? createLogger(resolved.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(resolved, log), {
    // Our own JSON parser (http/json-body.middleware.ts) answers 413 itself.
    bodyParser: false,
    logger: new PinoNestLogger(log),
    // Throw instead of exiting the process: a test or main.ts decides what a failed start means.
    abortOnError: false,
  });
  app.disable('x-powered-by');
  // Express hashes every body res.send() answers into an ETag (SHA-1 of the whole body: ~2% of
  // the api's CPU on an 88 KB program page). GraphQL answers POSTs, which no cache revalidates;
  // the GraphiQL page and /metrics lose theirs too, and are as cheap to send again.
  app.set('etag', false);
  // Order matters: these run before every route, Apollo's included (registered at init).
  const metrics = app.get(MetricsService);
  const shedder = new LoadShedder(resolved.maxConcurrentRequests);
  metrics.watchInFlight(() => shedder.inFlight);
  app.use(requestContextMiddleware);
  app.use(httpObserver(metrics, log));
  app.use(GRAPHQL_PATH, explorerOnBrowserVisit);
  // The identity provider's origin joins the pages' CSP: its token endpoint is fetched from them.
  if (resolved.web) serveWebApp(app, resolved.web, log, resolved.webConfig ? new URL(resolved.webConfig.oidc.authority).origin : undefined);
  // Before the body is read: a refusal must cost next to nothing (/health, /ready, /metrics never pass here).
  app.use(GRAPHQL_PATH, shedLoad(shedder, metrics, resolved.overloadRetryAfterSeconds, log));
  app.use(GRAPHQL_PATH, jsonBody(resolved.bodyLimitBytes));
  // Reads its own request bodies; never shed (sign-in must work when GraphQL is busy).
  if (resolved.devIdentityProvider) {
    app.use(DEV_IDENTITY_PROVIDER_PATH, await createDevIdentityProvider(resolved.devIdentityProvider, log.child({ service: 'dev-identity-provider' })));
  }
  await app.init();
  return app;
}
