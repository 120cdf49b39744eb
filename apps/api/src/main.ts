import { join, resolve } from 'node:path';
import { onShutdownSignal, startDatabase } from '@tracker/database';
import { describeDevTokens, devTokens, loadOrCreateDevSecret } from './auth/dev-tokens';
import { apiOptionsFromEnv } from './config/api-options';
import { createApp } from './create-app';
import { createLogger } from './logging/logger';

/**
 * `npm run start:api`: PostgreSQL from DATABASE_URL, or an embedded one under DATA_DIR
 * (default .data); listens on PORT (default 3000). Without AUTH_JWT_SECRET or AUTH_JWKS_URL,
 * outside production, a development secret is kept in DATA_DIR/jwt-secret and a token per
 * role is printed.
 */
async function main(): Promise<void> {
  const env = process.env;
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);

  const database = await startDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir });
  const options = apiOptionsFromEnv(env, database.url);
  const logger = createLogger(options.logLevel ?? 'info');
  let banner = '';
  if (!options.jwtSecret && !options.jwksUrl) {
    if (production) throw new Error('Set AUTH_JWT_SECRET or AUTH_JWKS_URL: production has no development tokens');
    options.jwtSecret = await loadOrCreateDevSecret(dataDir);
    banner = describeDevTokens(await devTokens(options.jwtSecret), join(dataDir, 'jwt-secret'));
  }

  const app = await createApp(options, logger).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  onShutdownSignal(async (signal) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await database.stop();
  });
  await app.listen(port);

  const base = `http://localhost:${port}`;
  logger.info({ graphql: `${base}/graphql`, graphiql: `${base}/graphiql`, database: database.source }, 'api listening');
  process.stdout.write(`\nGraphQL:  ${base}/graphql\nGraphiQL: ${base}/graphiql\n${banner ? `\n${banner}\n` : ''}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`api failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
