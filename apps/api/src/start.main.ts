import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ConfigError, loadConfig, logDestination, logFormatFor } from '@tracker/config';
import { onShutdownSignal, startDatabase, type RunningDatabase } from '@tracker/database';
import type { EventStore } from '@tracker/event-store';
import { startProjector, type RunningProjector } from '@tracker/projection-runner';
import { join, resolve } from 'node:path';
import { describeDevTokens, devTokenOptions, devTokens, loadOrCreateDevSecret } from './auth/dev-tokens';
import { ReadYourWrites } from './commands/read-your-writes.service';
import { apiOptionsFromConfig, devIdentityProviderWanted } from './config/api-options';
import { describeDevIdentityProvider } from './dev-identity-provider/dev-identity-provider';
import { createApp } from './create-app';
import { EVENT_STORE } from './database/database.module';
import { demoWanted, loadDemoIntoEmptyStore } from './demo/demo-data';
import { createLogger } from './logging/logger';
import { prepareWebApp, webAppSource } from './web/web-app';

/** How long a first start waits for the projector to take in the demo before saying "ready". */
const DEMO_PROJECTION_WAIT_MS = 30_000;

/**
 * `npm start`: the whole tracker in one process. PostgreSQL (DATABASE_URL, or an embedded one
 * under DATA_DIR, default .data), the projector (which applies the migrations), the api on
 * PORT (default 3000), and on a first start with an empty event store the reference case as
 * demo data (`--no-demo` or DEMO_DATA=false to skip; off by default under NODE_ENV=production,
 * where no development tokens are printed either). SIGINT/SIGTERM stop the api, then the
 * projector, then the embedded PostgreSQL. `npm run start:prod` runs this file compiled.
 *
 * One process rather than two keeps a laptop start to one command and one Ctrl-C; in
 * production the api and projector run and scale as separate processes (docker/).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { production, port } = config;
  // Checked before anything starts: production has no development tokens to fall back on.
  if (production && !config.auth.jwtSecret && !config.auth.jwksUrl && !devIdentityProviderWanted(config)) {
    throw new ConfigError(['Set AUTH_JWT_SECRET or AUTH_JWKS_URL: NODE_ENV=production has no development tokens']);
  }
  const dataDir = resolve(config.database.dataDir);
  const logger = createLogger(config.log.level, logDestination(logFormatFor(config.log.format, process.stdout.isTTY === true)));

  let database: RunningDatabase | undefined;
  let projector: RunningProjector | undefined;
  let app: INestApplication | undefined;
  // Built while PostgreSQL starts (development builds apps/web; production has its bundle).
  const webApp = prepareWebApp(webAppSource({ production, bundleDir: config.web.bundleDir }, __dirname), logger.child({ service: 'web' }));
  webApp.catch(() => undefined); // awaited below; a failure is reported there
  const stop = async () => {
    await app?.close();
    await (await webApp.catch(() => undefined))?.close();
    await projector?.stop();
    await database?.stop();
  };
  onShutdownSignal(async (signal) => {
    logger.info({ signal }, 'shutting down');
    await stop();
  });

  try {
    database = await startDatabase({ databaseUrl: config.database.url, dataDir });
    projector = await startProjector({
      databaseUrl: database.url,
      logger: logger.child({ service: 'projector' }),
      eventStoreUrl: config.eventStoreUrl,
      batchSize: config.projector.batchSize,
    });

    const options = apiOptionsFromConfig(config, database.url);
    options.web = (await webApp).bundle;
    const banner: string[] = [];
    if (options.devIdentityProvider) banner.push(describeDevIdentityProvider(options.devIdentityProvider.origin));
    // Scripts and service accounts still use HS256 tokens beside the provider's sign-in.
    if (!production && !options.jwtSecret && !config.auth.jwksUrl) {
      options.jwtSecret = await loadOrCreateDevSecret(dataDir);
      const tokenOptions = devTokenOptions(options);
      banner.push(describeDevTokens(await devTokens(options.jwtSecret, tokenOptions), join(dataDir, 'jwt-secret'), tokenOptions.ttlSeconds));
    }
    app = await createApp(options, logger);

    let demo = `demo data: off (${production ? 'production; DEMO_DATA=true or --demo loads it' : '--no-demo or DEMO_DATA=false'})`;
    if (demoWanted(process.argv.slice(2), config)) {
      const loaded = await loadDemoIntoEmptyStore(app.get<EventStore>(EVENT_STORE), app.get(CommandBus));
      if (loaded) {
        const projected = await app.get(ReadYourWrites).waitFor(loaded.position, DEMO_PROJECTION_WAIT_MS);
        demo = `demo data: the OTOP e-commerce reference case, program ${loaded.ids.program}${projected ? '' : ' (still being projected)'}`;
      } else {
        demo = 'demo data: not loaded, the event store already holds events';
      }
    }
    logger.info({ demo }, 'demo data');

    await app.listen(port);
    const base = `http://localhost:${port}`;
    logger.info({ graphql: `${base}/graphql`, graphiql: `${base}/graphiql`, database: database.source }, 'tracker listening');
    process.stdout.write(`\nWeb app:  ${base}/\nGraphQL:  ${base}/graphql\nGraphiQL: ${base}/graphiql\n${demo}\n${banner.map((lines) => `\n${lines}\n`).join('')}\n`);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  // A refused configuration is the operator's to fix: its message says what, a stack would bury it.
  const shown = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`tracker failed to start: ${shown}\n`);
  process.exit(1);
});
