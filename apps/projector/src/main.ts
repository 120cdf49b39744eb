import 'reflect-metadata';
import { loadConfig, logDestination, logFormatFor } from '@tracker/config';
import { startDatabase, onShutdownSignal } from '@tracker/database';
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { startProjector, type RunningProjector } from '@tracker/projection-runner';

/**
 * The projector as a NestJS standalone application: no HTTP, just the projection loop,
 * stopped cleanly when Nest shuts down (SIGINT/SIGTERM).
 */
@Module({})
class ProjectorModule implements OnApplicationShutdown {
  static running: RunningProjector | undefined;

  async onApplicationShutdown(): Promise<void> {
    await ProjectorModule.running?.stop();
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino(
    { name: 'projector', level: config.log.level, timestamp: pino.stdTimeFunctions.isoTime },
    logDestination(logFormatFor(config.log.format, process.stdout.isTTY === true)),
  );
  const database = await startDatabase({ databaseUrl: config.database.url, dataDir: config.database.dataDir });
  const app = await NestFactory.createApplicationContext(ProjectorModule, { logger: ['error', 'warn'] });
  ProjectorModule.running = await startProjector({
    databaseUrl: database.url,
    logger,
    eventStoreUrl: config.eventStoreUrl,
    batchSize: config.projector.batchSize,
  });
  onShutdownSignal(async () => {
    await app.close();
    await database.stop();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
