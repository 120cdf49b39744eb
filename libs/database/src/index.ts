export { runMigrations, type Migration } from './migrations';
export { startDatabase, type RunningDatabase, type StartDatabaseOptions } from './start-database';
export { onShutdownSignal } from './shutdown-signals';
export { postgresRuntime, freePort, LocalPostgresUnavailable, type PostgresRuntime } from './local-postgres';
