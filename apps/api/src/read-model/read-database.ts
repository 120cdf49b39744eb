import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { READ_MODEL_ENTITIES } from '@tracker/read-model';
import { DataSource, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';
import { API_OPTIONS, type ResolvedApiOptions } from '../config/api-options';
import { LOGGER, type Logger } from '../logging/logger';
import { READ_SLOW_QUERY_MS, ReadQueryLog } from './read-query-log';

export interface EntityColumns {
  /** `read_model.activities` */
  table: string;
  /** `id as "id", program_id as "programId", ...` */
  columns: string;
}

/**
 * The read side's TypeORM DataSource over the read model (schema read_model), on the same
 * DATABASE_URL as the events. Mapping only: the projector's migrations own the tables, so
 * nothing is synchronised, migrated or installed from here.
 *
 * Connected on first use rather than at start-up, so the api starts (and /ready can say
 * "database down") while PostgreSQL is unreachable; a failed attempt is retried next time.
 */
@Injectable()
export class ReadDatabase implements OnApplicationShutdown {
  readonly dataSource: DataSource;
  readonly queryLog: ReadQueryLog;
  private connecting: Promise<DataSource> | undefined;
  private readonly selectLists = new Map<string, EntityColumns>();

  constructor(@Inject(API_OPTIONS) options: ResolvedApiOptions, @Inject(LOGGER) logger: Logger) {
    this.queryLog = new ReadQueryLog(logger);
    this.dataSource = new DataSource({
      type: 'postgres',
      url: options.databaseUrl,
      applicationName: 'tracker-api-read',
      entities: READ_MODEL_ENTITIES,
      synchronize: false,
      migrationsRun: false,
      installExtensions: false,
      poolSize: 10,
      connectTimeoutMS: 5000,
      logger: this.queryLog,
      maxQueryExecutionTime: READ_SLOW_QUERY_MS,
      poolErrorHandler: (error: unknown) => logger.warn({ err: error }, 'idle read-model connection lost'),
    });
  }

  async repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Promise<Repository<T>> {
    return (await this.ready()).getRepository(entity);
  }

  /**
   * The table of `entity` and a select list of the columns behind `properties`, each named as
   * its property (`program_id as "programId"`), so a raw row has the entity's shape. For the
   * batched reads behind the per-request loaders (by id, by parent): they run for every nested
   * list of every response, where building the SQL with the query builder and hydrating
   * entities cost a fifth of the api's CPU on a program page of 50 activities. Only the columns
   * the mapping reads: parsing timestamps nobody reads was a few percent more.
   */
  async columnsOf<T extends ObjectLiteral>(entity: EntityTarget<T>, properties: readonly (keyof T & string)[]): Promise<EntityColumns> {
    const metadata = (await this.ready()).getMetadata(entity);
    const key = `${metadata.name}:${properties.join(',')}`;
    let found = this.selectLists.get(key);
    if (!found) {
      const columns = properties.map((property) => {
        const column = metadata.findColumnWithPropertyName(property);
        if (!column) throw new Error(`${metadata.name} has no column for ${property}`);
        return `${column.databaseName} as "${property}"`;
      });
      found = { table: metadata.tablePath, columns: columns.join(', ') };
      this.selectLists.set(key, found);
    }
    return found;
  }

  /** Raw SQL for what the query builder cannot say (unions, window functions). */
  async query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return (await this.ready()).query(sql, parameters);
  }

  private ready(): Promise<DataSource> {
    if (this.dataSource.isInitialized) return Promise.resolve(this.dataSource);
    this.connecting ??= this.dataSource.initialize().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connecting?.catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
