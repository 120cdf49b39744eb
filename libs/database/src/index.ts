export { runMigrations, type Migration } from './migrations';
export { startDatabase, type RunningDatabase, type StartDatabaseOptions } from './start-database';
export { onShutdownSignal } from './shutdown-signals';
export { postgresRuntime, LocalPostgresUnavailable, type PostgresRuntime } from './local-postgres';
