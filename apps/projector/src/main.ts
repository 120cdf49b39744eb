import 'reflect-metadata';
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
  const logger = pino({ name: 'projector', level: process.env.LOG_LEVEL ?? 'info' });
  const database = await startDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || '.data' });
  const app = await NestFactory.createApplicationContext(ProjectorModule, { logger: ['error', 'warn'] });
  ProjectorModule.running = await startProjector({
    databaseUrl: database.url,
    logger,
    eventStoreUrl: process.env.EVENTSTORE_URL || undefined,
    batchSize: process.env.PROJECTOR_BATCH_SIZE ? Number(process.env.PROJECTOR_BATCH_SIZE) : undefined,
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
