import { Global, Module } from '@nestjs/common';
import { ReadDatabase } from './read-database';
import { ReadLoaders } from './request-loaders';

/** The read side every feature module may inject: the TypeORM DataSource and the per-request loaders. */
@Global()
@Module({
  providers: [ReadDatabase, ReadLoaders],
  exports: [ReadDatabase, ReadLoaders],
})
export class ReadModelModule {}
