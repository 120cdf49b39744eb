import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, logDestination, logFormatFor } from '@tracker/config';
import { onShutdownSignal, startDatabase } from '@tracker/database';
import { describeDevTokens, devTokenOptions, devTokens, loadOrCreateDevSecret } from './auth/dev-tokens';
import { apiOptionsFromConfig, devIdentityProviderWanted } from './config/api-options';
import { describeDevIdentityProvider } from './dev-identity-provider/dev-identity-provider';
import { createApp } from './create-app';
import { createLogger } from './logging/logger';
import { prepareWebApp, webAppSource } from './web/web-app';

/**
 * `npm run start:api`: PostgreSQL from DATABASE_URL, or an embedded one under DATA_DIR
 * (default .data); listens on PORT (default 3000). Every variable: @tracker/config. Without AUTH_JWT_SECRET or AUTH_JWKS_URL,
 * outside production, a development secret is kept in DATA_DIR/jwt-secret and a token per
 * role is printed.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { production, port } = config;
  // Checked before anything starts: production has no development tokens to fall back on.
  if (production && !config.auth.jwtSecret && !config.auth.jwksUrl && !devIdentityProviderWanted(config)) {
    throw new ConfigError(['Set AUTH_JWT_SECRET or AUTH_JWKS_URL: NODE_ENV=production has no development tokens']);
  }
  const dataDir = resolve(config.database.dataDir);

  const database = await startDatabase({ databaseUrl: config.database.url, dataDir });
  const options = apiOptionsFromConfig(config, database.url);
  const logger = createLogger(config.log.level, logDestination(logFormatFor(config.log.format, process.stdout.isTTY === true)));
  const webApp = await prepareWebApp(webAppSource({ production, bundleDir: config.web.bundleDir }, __dirname), logger.child({ service: 'web' }));
  options.web = webApp.bundle;
  const banner: string[] = [];
  if (options.devIdentityProvider) banner.push(describeDevIdentityProvider(options.devIdentityProvider.origin));
  // Scripts and service accounts still use HS256 tokens beside the provider's sign-in.
  if (!production && !options.jwtSecret && !config.auth.jwksUrl) {
    options.jwtSecret = await loadOrCreateDevSecret(dataDir);
    const tokenOptions = devTokenOptions(options);
    banner.push(describeDevTokens(await devTokens(options.jwtSecret, tokenOptions), join(dataDir, 'jwt-secret'), tokenOptions.ttlSeconds));
  }

  const app = await createApp(options, logger).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  onShutdownSignal(async (signal) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await webApp.close();
    await database.stop();
  });
  await app.listen(port);

  const base = `http://localhost:${port}`;
  logger.info({ graphql: `${base}/graphql`, graphiql: `${base}/graphiql`, database: database.source }, 'api listening');
  process.stdout.write(`\nWeb app:  ${base}/\nGraphQL:  ${base}/graphql\nGraphiQL: ${base}/graphiql\n${banner.map((lines) => `\n${lines}\n`).join('')}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // A refused configuration is the operator's to fix: its message says what, a stack would bury it.
    const shown = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`api failed to start: ${shown}\n`);
    process.exit(1);
  });
}
