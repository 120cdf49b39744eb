export * from './projection';
export * from './row-store';
export * from './projections';
export {
  commitBatch,
  readCheckpoints,
  readTableMeta,
  CheckpointMovedError,
  type ProjectionFailure,
  type ProjectionPositions,
} from './postgres-batch';
export { readModelMigrations } from './read-model.migrations';
export { READ_MODEL_SCHEMA, CHECKPOINTS_CHANNEL, LOCKS, schemaPool, migrateReadModel } from './schema';
export * from './entities';
